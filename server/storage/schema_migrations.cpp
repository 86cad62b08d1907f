#include "server/storage/schema_migrations.h"

#include <array>
#include <string>

namespace support::server {

namespace {

// Feedback: the submission as received (payload, canonical JSON), and beside it the columns that
// staff filter and count by. (site, client_id) is unique: a repeated submission is stored once.
constexpr const char* k_feedback = R"sql(
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site TEXT NOT NULL,
    client_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    helpful INTEGER,
    page_url TEXT NOT NULL,
    locale TEXT NOT NULL,
    comment TEXT NOT NULL,
    payload TEXT NOT NULL,
    client_time_ms INTEGER NOT NULL,
    received_at_ms INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'new',
    UNIQUE (site, client_id)
);
CREATE INDEX feedback_by_site_newest ON feedback (site, id DESC);
CREATE INDEX feedback_by_site_kind ON feedback (site, kind, id DESC);
CREATE INDEX feedback_by_site_subject ON feedback (site, subject, id DESC);
CREATE INDEX feedback_by_site_received ON feedback (site, received_at_ms);
)sql";

// Staff: accounts (e-mail unique without regard to case) and their sessions, found by the digest
// of the session token; removing an account ends its sessions.
constexpr const char* k_staff = R"sql(
CREATE TABLE staff (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
    password_hash TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE TABLE staff_sessions (
    token_digest TEXT PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    last_seen_at_ms INTEGER NOT NULL
);
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);
)sql";

// Triage: status changes, tags and notes as an append-only activity per item (who, when, what);
// the current tags beside it for filtering. Columns for what staff filter and count by that
// migration 1 kept only inside the payload: a guide's outcome and step, the subject folded for
// grouping (search queries typed differently), and the folded text the list's text filter
// searches (fold_for_search is defined on the connection by the store). Covering indexes let the
// text filter and Insights read without touching the payloads. (An FTS5 trigram index answered
// text in under a millisecond but halved ingest; scanning the narrow index takes ~15 ms per
// 100,000 items.)
constexpr const char* k_triage = R"sql(
ALTER TABLE feedback ADD COLUMN guide_outcome TEXT;
ALTER TABLE feedback ADD COLUMN guide_step TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN guide_step_number INTEGER;
ALTER TABLE feedback ADD COLUMN subject_key TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
UPDATE feedback SET
    guide_outcome = json_extract(payload, '$.outcome'),
    guide_step = COALESCE(json_extract(payload, '$.step'), ''),
    guide_step_number = json_extract(payload, '$.step_number')
WHERE kind = 'guide';
UPDATE feedback SET
    subject_key = trim(fold_for_search(subject), ' ' || char(9, 10, 13)),
    search_text = fold_for_search(
        subject || char(10) || comment || char(10) || page_url || char(10) ||
        COALESCE(json_extract(payload, '$.email'), ''));
CREATE INDEX feedback_by_status ON feedback (status, id DESC);
CREATE INDEX feedback_by_kind ON feedback (kind, id DESC);
CREATE INDEX feedback_by_page ON feedback (page_url, id DESC);
CREATE INDEX feedback_by_subject ON feedback (subject, id DESC);
CREATE INDEX feedback_insights_by_subject ON feedback (kind, subject_key, subject, helpful, guide_outcome,
    guide_step_number, guide_step, received_at_ms, site);
CREATE INDEX feedback_insights_by_page ON feedback (kind, page_url, helpful, received_at_ms, site);
CREATE INDEX feedback_insights_by_time ON feedback (received_at_ms, kind, helpful, site);
CREATE INDEX feedback_by_text ON feedback (search_text);
CREATE TABLE feedback_tags (
    feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (feedback_id, tag)
) WITHOUT ROWID;
CREATE INDEX feedback_tags_by_tag ON feedback_tags (tag, feedback_id DESC);
CREATE TABLE feedback_activity (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN ('status', 'tag_added', 'tag_removed', 'note')),
    value TEXT NOT NULL,
    staff_email TEXT NOT NULL,
    at_ms INTEGER NOT NULL
);
CREATE INDEX feedback_activity_by_item ON feedback_activity (feedback_id, id);
)sql";

// Chat: conversations (their state and the last event's number, kept with each event in one
// transaction) and their events, numbered per conversation; a message's client id is unique in
// its conversation, so a repeated POST finds the event stored the first time.
constexpr const char* k_chat = R"sql(
CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    token_digest TEXT NOT NULL,
    locale TEXT NOT NULL,
    page_url TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('bot', 'waiting', 'agent', 'closed')),
    agent_label TEXT NOT NULL DEFAULT '',
    last_seq INTEGER NOT NULL DEFAULT 0,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
CREATE INDEX conversations_by_state ON conversations (site, state, updated_at_ms);
CREATE TABLE chat_events (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('message', 'handed_off', 'agent_joined', 'closed')),
    client_id TEXT,
    author TEXT,
    author_label TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    written_at_ms INTEGER NOT NULL DEFAULT 0,
    reason TEXT,
    at_ms INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX chat_events_by_client_id ON chat_events (conversation_id, client_id)
    WHERE client_id IS NOT NULL;
)sql";

// The chat bot: the article a bot's answer gives, whether someone was online when a conversation
// was handed off (what the shopper was told), and the address a shopper left for a reply when
// nobody was.
constexpr const char* k_chat_bot = R"sql(
ALTER TABLE chat_events ADD COLUMN article_id TEXT NOT NULL DEFAULT '';
ALTER TABLE chat_events ADD COLUMN staff_online INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN reply_email TEXT NOT NULL DEFAULT '';
)sql";

// What the shopper's page knew when the chat began (protocol/context_snapshot.h as JSON: page title,
// device, product, cart, order), shown to staff beside the transcript.
constexpr const char* k_chat_context = R"sql(
ALTER TABLE conversations ADD COLUMN context TEXT NOT NULL DEFAULT '{}';
)sql";

// Forgetting a shopper: the digest of the browser's shopper key (protocol/shopper_key.h) beside what
// it gave, found through partial indexes (most rows have none), and a record of each erasure that
// names nobody: when, which site, how much was deleted.
constexpr const char* k_shopper_erasure = R"sql(
ALTER TABLE feedback ADD COLUMN shopper_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN shopper_digest TEXT NOT NULL DEFAULT '';
CREATE INDEX feedback_by_shopper ON feedback (site, shopper_digest) WHERE shopper_digest <> '';
CREATE INDEX conversations_by_shopper ON conversations (site, shopper_digest) WHERE shopper_digest <> '';
CREATE TABLE shopper_erasures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site TEXT NOT NULL,
    feedback_deleted INTEGER NOT NULL,
    conversations_deleted INTEGER NOT NULL,
    at_ms INTEGER NOT NULL
);
)sql";

// The staff sign-in throttle, shared by every process on the store (server/staff/staff_sessions.h):
// attempts left per key ("account:<email>", "ip:<address>"), in thousandths. Rows untouched long
// enough to be full again are deleted as sign-ins go on.
constexpr const char* k_sign_in_throttle = R"sql(
CREATE TABLE sign_in_throttle (
    key TEXT PRIMARY KEY,
    milli_tokens INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sign_in_throttle_by_time ON sign_in_throttle (updated_at_ms);
)sql";

constexpr std::array<SchemaMigration, 8> k_migrations = {{
    {1, "feedback", k_feedback},
    {2, "staff", k_staff},
    {3, "triage", k_triage},
    {4, "chat", k_chat},
    {5, "chat_bot", k_chat_bot},
    {6, "chat_context", k_chat_context},
    {7, "shopper_erasure", k_shopper_erasure},
    {8, "sign_in_throttle", k_sign_in_throttle},
}};

} // namespace

std::span<const SchemaMigration> schema_migrations() {
    return k_migrations;
}

Result<void> refuse_newer_schema(int current, std::span<const SchemaMigration> known) {
    if (known.empty() || current <= known.back().version)
        return ok();
    return make_error("storage.schema_too_new", "the database has schema version " + std::to_string(current) +
                                                    "; this support-server knows up to " +
                                                    std::to_string(known.back().version));
}

} // namespace support::server

// FeedbackOutbox's persisted form (feedback_outbox.h has the contract):
//
//   {"v":1,
//    "entries":[{"client_id":"6f1c…","kind":"article_helpful","body":"{\"client_id\":…}",
//                "created_at_ms":1764825059123,"attempts":1,"next_attempt_at_ms":1764825060500,
//                "last_error":"web.fetch.failed"}],
//    "acknowledged":[{"client_id":"…","at_ms":1764825000000}],
//    "dropped":[{"client_id":"…","kind":"guide","error":"api.feedback.wrong_type","at_ms":…}],
//    "paused_until_ms":0}
//
// Storage is outside input: another release, another script on the host page or a full disk may
// have written it. Everything is checked, nothing throws, and one bad event costs only that event.

#include "shared/core/feedback/feedback_outbox.h"
#include "shared/core/feedback/outbox_fields.h"
#include "shared/core/parse_json.h"
#include "shared/core/protocol/uuid.h"
#include "shared/core/text/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

namespace support::feedback {

namespace {

using nlohmann::json;

// Generous for what to_json() writes within `limits` (a body of control characters grows 6 times
// when escaped), so that an outbox always reads back; 1 MB at least, so that an outbox written
// under larger limits by another release is still read (and trimmed) rather than refused.
std::size_t max_stored_bytes(const OutboxLimits& limits) {
    const std::size_t records = limits.max_entries + limits.max_dropped + limits.max_acknowledged;
    return std::max<std::size_t>(1024 * 1024, limits.max_total_body_bytes * 6 + records * 1024 + 4096);
}

Error corrupt(std::string what, std::string pointer = {}) {
    return make_error("feedback.outbox.corrupt", "the saved feedback outbox is not usable: " + what,
                      std::move(pointer));
}

Error bad_item(std::string pointer, std::string what) {
    return make_error("feedback.outbox.bad_entry", "a saved feedback item is not usable: " + what,
                      std::move(pointer));
}

const json* member(const json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

Result<std::int64_t> read_time(const json& object, const char* key, const std::string& path) {
    const json* value = member(object, key);
    const std::string pointer = path + "/" + key;
    if (!value || !value->is_number_integer())
        return bad_item(pointer, std::string(key) + " must be a time in milliseconds");
    if (value->is_number_unsigned()) {
        const auto time = value->get<std::uint64_t>();
        if (time > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return bad_item(pointer, std::string(key) + " is out of range");
        return static_cast<std::int64_t>(time);
    }
    const auto time = value->get<std::int64_t>();
    if (time < 0)
        return bad_item(pointer, std::string(key) + " is before 1970");
    return time;
}

Result<std::string> read_client_id(const json& object, const std::string& path) {
    const json* value = member(object, "client_id");
    if (value && value->is_string()) {
        if (std::optional<std::string> id = protocol::canonical_uuid(value->get_ref<const std::string&>()))
            return std::move(*id);
    }
    return bad_item(path + "/client_id", "client_id must be a UUID");
}

// A kind, or with `optional` set also a missing or empty one (a dropped record may not know it).
Result<std::string> read_kind(const json& object, const std::string& path, bool optional) {
    const json* value = member(object, "kind");
    if (optional && (!value || (value->is_string() && value->get_ref<const std::string&>().empty())))
        return std::string();
    if (!value || !value->is_string() ||
        !detail::is_token(value->get_ref<const std::string&>(), k_max_kind_bytes))
        return bad_item(path + "/kind", "kind must be 1 to 64 letters, digits or _ . : -");
    return value->get<std::string>();
}

// Error ids are diagnostics: a bad one is made safe, never a reason to lose the event.
std::string read_error_id(const json& object, const char* key) {
    const json* value = member(object, key);
    if (!value || !value->is_string())
        return {};
    return detail::sanitize_error_id(value->get_ref<const std::string&>());
}

Result<OutboxEntry> read_entry(const json& item, const std::string& path, const OutboxLimits& limits) {
    if (!item.is_object())
        return bad_item(path, "an entry must be an object");
    OutboxEntry entry;
    SW_TRY(entry.client_id, read_client_id(item, path));
    SW_TRY(entry.kind, read_kind(item, path, false));
    const json* body = member(item, "body");
    if (!body || !body->is_string() || !detail::is_valid_body_text(body->get_ref<const std::string&>()))
        return bad_item(path + "/body", "body must be non-empty UTF-8 text");
    if (body->get_ref<const std::string&>().size() > limits.max_body_bytes)
        return bad_item(path + "/body",
                        "body is larger than " + std::to_string(limits.max_body_bytes) + " bytes");
    entry.body = body->get<std::string>();
    SW_TRY(entry.created_at_ms, read_time(item, "created_at_ms", path));
    SW_TRY(entry.next_attempt_at_ms, read_time(item, "next_attempt_at_ms", path));
    const json* attempts = member(item, "attempts");
    if (!attempts || !attempts->is_number_unsigned() ||
        attempts->get<std::uint64_t>() > std::numeric_limits<std::uint32_t>::max())
        return bad_item(path + "/attempts", "attempts must be a count");
    entry.attempts = static_cast<std::uint32_t>(attempts->get<std::uint64_t>());
    entry.last_error = read_error_id(item, "last_error");
    return entry;
}

Result<DroppedEntry> read_dropped(const json& item, const std::string& path) {
    if (!item.is_object())
        return bad_item(path, "a dropped record must be an object");
    DroppedEntry record;
    SW_TRY(record.client_id, read_client_id(item, path));
    SW_TRY(record.kind, read_kind(item, path, true));
    record.error_id = read_error_id(item, "error");
    SW_TRY(record.at_ms, read_time(item, "at_ms", path));
    return record;
}

Result<AcknowledgedId> read_acknowledged(const json& item, const std::string& path) {
    if (!item.is_object())
        return bad_item(path, "an acknowledged record must be an object");
    AcknowledgedId record;
    SW_TRY(record.client_id, read_client_id(item, path));
    SW_TRY(record.at_ms, read_time(item, "at_ms", path));
    return record;
}

} // namespace

std::string FeedbackOutbox::to_json() const {
    json entries = json::array();
    for (const OutboxEntry& entry : m_entries) {
        entries.push_back({
            {"client_id", entry.client_id},
            {"kind", entry.kind},
            {"body", entry.body},
            {"created_at_ms", entry.created_at_ms},
            {"attempts", entry.attempts},
            {"next_attempt_at_ms", entry.next_attempt_at_ms},
            {"last_error", entry.last_error},
        });
    }
    json acknowledged = json::array();
    for (const AcknowledgedId& record : m_acknowledged)
        acknowledged.push_back({{"client_id", record.client_id}, {"at_ms", record.at_ms}});
    json dropped = json::array();
    for (const DroppedEntry& record : m_dropped) {
        dropped.push_back({
            {"client_id", record.client_id},
            {"kind", record.kind},
            {"error", record.error_id},
            {"at_ms", record.at_ms},
        });
    }
    const json document = {
        {"v", k_outbox_version},
        {"entries", std::move(entries)},
        {"acknowledged", std::move(acknowledged)},
        {"dropped", std::move(dropped)},
        {"paused_until_ms", m_paused_until_ms},
    };
    return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<FeedbackOutbox> FeedbackOutbox::from_json(std::string_view text, OutboxLimits limits) {
    if (text.size() > max_stored_bytes(limits))
        return make_error("feedback.outbox.too_large", "the saved feedback outbox is larger than it can be");
    if (!text::is_valid_utf8(text))
        return corrupt("it is not UTF-8 text");
    const json document = parse_json(text);
    if (document.is_discarded())
        return corrupt("it is not valid JSON");
    if (!document.is_object())
        return corrupt("it must be a JSON object");
    const json* version = member(document, "v");
    if (!version || !version->is_number_integer())
        return corrupt("it has no format version", "v");
    if (!version->is_number_unsigned() || version->get<std::uint64_t>() != k_outbox_version)
        return make_error("feedback.outbox.unsupported_version",
                          "the saved feedback outbox has another format version than " +
                              std::to_string(k_outbox_version),
                          "v");
    const json* entries = member(document, "entries");
    if (!entries || !entries->is_array())
        return corrupt("entries must be an array", "/entries");

    FeedbackOutbox outbox(limits);
    const auto skip = [&outbox](Error problem) {
        ++outbox.m_counters.skipped_on_restore;
        if (!outbox.m_restore_problem)
            outbox.m_restore_problem = std::move(problem);
    };
    // Reads one optional array of records, skipping what is malformed.
    const auto read_records = [&](const char* key, auto read, auto& into) {
        const json* records = member(document, key);
        if (!records)
            return;
        const std::string path = std::string("/") + key;
        if (!records->is_array()) {
            skip(bad_item(path, std::string(key) + " must be an array"));
            return;
        }
        for (std::size_t i = 0; i < records->size(); ++i) {
            auto record = read((*records)[i], path + "/" + std::to_string(i));
            if (record)
                into.push_back(std::move(*record));
            else
                skip(std::move(record).error());
        }
    };

    read_records("acknowledged", read_acknowledged, outbox.m_acknowledged);
    read_records("dropped", read_dropped, outbox.m_dropped);
    outbox.bound_settled_lists();
    if (member(document, "paused_until_ms")) {
        Result<std::int64_t> until = read_time(document, "paused_until_ms", "");
        if (until)
            outbox.m_paused_until_ms = *until;
        else
            skip(std::move(until).error());
    }

    std::vector<OutboxEntry> restored;
    restored.reserve(std::min<std::size_t>(entries->size(), limits.max_entries * 2));
    for (std::size_t i = 0; i < entries->size(); ++i) {
        Result<OutboxEntry> entry = read_entry((*entries)[i], "/entries/" + std::to_string(i), limits);
        if (entry)
            restored.push_back(std::move(*entry));
        else
            skip(std::move(entry).error());
    }
    const std::size_t duplicates = outbox.adopt_entries(std::move(restored));
    for (std::size_t i = 0; i < duplicates; ++i)
        skip(bad_item("/entries", "the same client id is saved more than once"));
    return outbox;
}

} // namespace support::feedback

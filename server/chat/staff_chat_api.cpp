#include "server/chat/staff_chat_api.h"

#include "server/chat/chat_answers.h"
#include "server/chat/conversation_stream.h"
#include "server/http/json_error.h"
#include "server/sse/server_sent_event.h"
#include "shared/core/protocol/api_paths.h"
#include "shared/core/protocol/chat_wire.h"
#include "shared/core/protocol/url_encoding.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <iterator>

namespace support::server {

namespace {

using nlohmann::json;

constexpr std::size_t k_max_staff_chat_body = 16 * 1024;
constexpr std::size_t k_transcript_batch = 1000;
constexpr std::size_t k_max_transcript_events = 20'000;

HttpResponse refuse(unsigned status, std::string code, std::string message, std::string field = {}) {
    return error_response(status, make_error(std::move(code), std::move(message), std::move(field)));
}

HttpResponse json_response(unsigned status, const json& body) {
    return server::json_response(status, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

HttpResponse method_not_allowed(std::string_view allow) {
    auto response = refuse(405, "api.staff.method_not_allowed", "use " + std::string(allow), "method");
    response.set_header("Allow", std::string(allow));
    return response;
}

// What the page knew, as stored (checked when it was received); {} for anything unreadable.
json context_of(const StoredConversation& conversation) {
    json context = json::parse(conversation.context_json, nullptr, false);
    return context.is_object() ? context : json::object();
}

// A conversation as staff see it (never its token's digest).
json conversation_json(const StoredConversation& conversation) {
    return {{"id", conversation.id},
            {"site", conversation.site},
            {"state", chat::state_name(conversation.state)},
            {"agent", conversation.agent_label},
            {"locale", conversation.locale},
            {"page_url", conversation.page_url},
            {"reply_email", conversation.reply_email},
            {"context", context_of(conversation)},
            {"last_seq", conversation.last_seq},
            {"created_at_ms", conversation.created_at_ms},
            {"updated_at_ms", conversation.updated_at_ms}};
}

json online_json(const std::vector<StaffPresence::Member>& members) {
    json online = json::array();
    for (const auto& member : members)
        online.push_back({{"id", member.id}, {"email", member.email}});
    return online;
}

// A POST's body: at most 16 KB, JSON when there is one. Each action reads it its own way (a
// message through protocol/chat_wire.h).
std::optional<HttpResponse> refuse_body(const HttpRequest& request) {
    if (request.body.size() > k_max_staff_chat_body)
        return refuse(413, "api.staff.too_large", "a request body is at most 16 KB", "body");
    if (!request.body.empty() && !has_json_body(request))
        return refuse(415, "api.staff.not_json", "send application/json", "Content-Type");
    return std::nullopt;
}

// The name a joining agent gave ({"label":"Dana"}); nothing when the body gives none.
std::variant<std::optional<std::string>, HttpResponse> given_label(std::string_view body) {
    if (body.empty())
        return std::optional<std::string>();
    const json given = json::parse(body, nullptr, false);
    if (given.is_discarded() || !given.is_object())
        return refuse(400, "api.staff.bad_request", "the body must be a JSON object", "body");
    if (!given.contains("label"))
        return std::optional<std::string>();
    if (!given["label"].is_string())
        return refuse(400, "api.staff.bad_request", "label must be a string", "/label");
    return std::optional<std::string>(chat::trim(given["label"].get<std::string>()));
}

// What follows the conversation id in the path: "", "events", "join", …
std::string_view action_of(std::string_view target) {
    std::string_view path = protocol::target_path(target);
    path.remove_prefix(k_staff_conversations_route.size());
    if (path.empty())
        return {};
    path.remove_prefix(1); // "/"
    const auto slash = path.find('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
}

} // namespace

std::string default_agent_label(std::string_view email) {
    std::string_view name = email.substr(0, email.find('@'));
    name = name.substr(0, name.find_first_of("._+-"));
    std::string label(name.empty() ? std::string_view("Support") : name);
    label.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(label.front())));
    return label;
}

StaffChatApi::StaffChatApi(std::shared_ptr<Storage> storage, std::shared_ptr<ChatFanOut> fan_out,
                           std::shared_ptr<StaffPresence> presence,
                           std::shared_ptr<const StaffSessionApi> sessions, std::vector<std::string> sites,
                           std::shared_ptr<WorkerPool> workers, ResponseStreamOptions stream_options,
                           ServiceClocks clocks)
    : m_storage(std::move(storage)), m_fan_out(std::move(fan_out)), m_presence(std::move(presence)),
      m_sessions(std::move(sessions)), m_sites(std::move(sites)), m_workers(std::move(workers)),
      m_stream_options(std::move(stream_options)), m_clocks(std::move(clocks)) {}

Reply StaffChatApi::serve(const HttpRequest& request) const {
    auto self = shared_from_this();
    return m_workers->run([self, request] { return self->answer(request); });
}

HttpResponse StaffChatApi::answer(const HttpRequest& request) const {
    auto session = m_sessions->require_session(request);
    if (auto* refused = std::get_if<HttpResponse>(&session))
        return std::move(*refused);
    const auto& staff = std::get<StaffSession>(session);
    const std::string_view path = protocol::target_path(request.target);
    if (path == k_staff_inbox_events_route) {
        if (request.method != "GET")
            return method_not_allowed("GET");
        return inbox_stream(staff);
    }
    if (path == k_staff_conversations_route) {
        if (request.method != "GET" && request.method != "HEAD")
            return method_not_allowed("GET, HEAD");
        return list(request);
    }
    return conversation(request, staff, action_of(request.target));
}

HttpResponse StaffChatApi::list(const HttpRequest& request) const {
    std::vector<chat::ConversationState> wanted{chat::ConversationState::Waiting,
                                                chat::ConversationState::Agent};
    if (auto state = protocol::query_parameter(request.target, "state")) {
        const auto parsed = chat::state_from_name(*state);
        if (!parsed || *parsed == chat::ConversationState::Closed)
            return refuse(400, "api.staff.bad_filter", "state is waiting, agent or bot", "state");
        wanted = {*parsed};
    }
    std::vector<StoredConversation> items;
    for (const std::string& site : m_sites) {
        auto listed = m_storage->list_conversations(site, wanted, k_max_listed_conversations);
        if (!listed)
            return storage_unavailable(listed.error());
        std::move(listed->begin(), listed->end(), std::back_inserter(items));
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.updated_at_ms > b.updated_at_ms; });
    json body = {{"items", json::array()}, {"online", online_json(m_presence->online())}};
    for (const auto& conversation : items)
        body["items"].push_back(conversation_json(conversation));
    return json_response(200, body);
}

HttpResponse StaffChatApi::inbox_stream(const StaffSession& session) const {
    auto stream = std::make_shared<ResponseStream>(m_stream_options);
    stream->write(format_retry(k_stream_retry_ms));
    std::shared_ptr<ChatFanOut::Subscription> subscription =
        m_fan_out->subscribe_all([stream](const ChatNotice& notice) {
            if (notice.kind != ChatNotice::Kind::Stored)
                return;
            json change = {{"id", notice.conversation_id}, {"site", notice.site}, {"seq", notice.seq}};
            if (notice.event_kind)
                change["kind"] = chat::event_kind_name(*notice.event_kind);
            stream->write(format_server_sent_event("", "conversation", change.dump()));
        });
    std::shared_ptr<void> here = m_presence->arrive(session.staff);
    stream->on_close([subscription, here]() mutable {
        subscription.reset();
        here.reset();
    });
    HttpResponse response = event_stream_head();
    response.stream_body = std::move(stream);
    return response;
}

HttpResponse StaffChatApi::conversation(const HttpRequest& request, const StaffSession& session,
                                        std::string_view action) const {
    const std::string id = protocol::conversation_of_target(request.target).value_or("");
    auto found = m_storage->find_conversation(id);
    if (!found)
        return storage_unavailable(found.error());
    if (!*found || std::find(m_sites.begin(), m_sites.end(), (*found)->site) == m_sites.end())
        return refuse(404, "api.staff.conversation_not_found", "there is no such conversation",
                      "conversation");
    const StoredConversation& conversation = **found;

    if (action.empty()) {
        if (request.method != "GET" && request.method != "HEAD")
            return method_not_allowed("GET, HEAD");
        json events = json::array();
        std::uint64_t after = 0;
        while (events.size() < k_max_transcript_events) {
            auto batch = m_storage->chat_events_after(conversation.id, after, k_transcript_batch);
            if (!batch)
                return storage_unavailable(batch.error());
            for (const auto& event : *batch) {
                events.push_back(json::parse(protocol::encode_chat_event(event)));
                after = event.seq;
            }
            if (batch->size() < k_transcript_batch)
                break;
        }
        return json_response(200, {{"conversation", conversation_json(conversation)}, {"events", events}});
    }
    if (action == "events") {
        if (request.method != "GET")
            return method_not_allowed("GET");
        auto after = resume_after(request);
        if (!after)
            return error_response(400, after.error());
        auto stream = open_conversation_stream(m_storage, *m_fan_out, conversation, *after,
                                               StreamViewer::Staff, m_stream_options);
        if (!stream)
            return storage_unavailable(stream.error());
        HttpResponse response = event_stream_head();
        response.stream_body = std::move(*stream);
        return response;
    }
    if (action != "join" && action != "messages" && action != "close" && action != "typing")
        return refuse(404, "server.route.not_found", "no such resource", "path");
    if (request.method != "POST")
        return method_not_allowed("POST");
    if (auto refused = refuse_body(request))
        return std::move(*refused);

    chat::ChatEvent event;
    event.at_ms = m_clocks.wall_ms();
    if (action == "join") {
        auto label = given_label(request.body);
        if (auto* refused = std::get_if<HttpResponse>(&label))
            return std::move(*refused);
        event.kind = chat::ChatEvent::Kind::AgentJoined;
        event.agent_label =
            std::get<std::optional<std::string>>(label).value_or(default_agent_label(session.staff.email));
    } else if (action == "close") {
        event.kind = chat::ChatEvent::Kind::Closed;
    } else if (action == "typing") {
        return typing_response(*m_fan_out, conversation, chat::Author::Agent, conversation.agent_label);
    } else {
        auto post = protocol::decode_chat_message_post(request.body);
        if (!post)
            return error_response(400, post.error());
        event.kind = chat::ChatEvent::Kind::Message;
        event.message.client_id = post->client_id;
        event.message.author = chat::Author::Agent;
        event.message.author_label = conversation.agent_label;
        event.message.text = std::string(chat::trim(post->text));
        event.message.written_ms = post->written_ms;
    }
    return stored_event_response(*m_storage, *m_fan_out, conversation, std::move(event));
}

} // namespace support::server

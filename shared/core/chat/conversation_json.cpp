#include "shared/core/chat/conversation_json.h"

#include "shared/core/parse_json.h"
#include "shared/core/text/utf8.h"

#include <nlohmann/json.hpp>

#include <unordered_set>

namespace support::chat {

namespace {

using nlohmann::json;

Error bad_shape(std::string pointer, std::string what) {
    return make_error("chat.saved.bad_shape", "the saved conversation is not usable: " + what,
                      std::move(pointer));
}

Result<std::string> read_text(const json& object, const char* key, const std::string& base,
                              std::size_t max_bytes, bool may_be_empty) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return bad_shape(base + "/" + key, std::string(key) + " must be a string");
    const std::string& value = it->get_ref<const std::string&>();
    if ((!may_be_empty && value.empty()) || value.size() > max_bytes || !text::is_valid_utf8(value))
        return bad_shape(base + "/" + key, std::string(key) + " must be " +
                                               (may_be_empty ? "" : "non-empty ") + "UTF-8 of at most " +
                                               std::to_string(max_bytes) + " bytes");
    return value;
}

Result<std::int64_t> read_time(const json& object, const char* key, const std::string& base) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer())
        return bad_shape(base + "/" + key, std::string(key) + " must be a time in milliseconds");
    return it->get<std::int64_t>();
}

Result<std::uint64_t> read_seq(const json& object, const char* key, const std::string& base) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer() ||
        (it->is_number_integer() && !it->is_number_unsigned()))
        return bad_shape(base + "/" + key, std::string(key) + " must be a whole number, 0 or more");
    return it->get<std::uint64_t>();
}

template <typename Enum>
Result<Enum> read_name(const json& object, const char* key, const std::string& base,
                       std::optional<Enum> (*from_name)(std::string_view)) {
    const auto it = object.find(key);
    if (it != object.end() && it->is_string())
        if (const auto value = from_name(it->get_ref<const std::string&>()))
            return *value;
    return bad_shape(base + "/" + key, std::string(key) + " is not one of its known names");
}

Result<ChatMessage> read_message(const json& item, const std::string& base) {
    if (!item.is_object())
        return bad_shape(base, "a message must be an object");
    ChatMessage message;
    SW_TRY(message.client_id, read_text(item, "cid", base, k_max_client_id_bytes, false));
    if (!is_client_id(message.client_id))
        return bad_shape(base + "/cid", "cid must be letters, digits and - _ . :");
    SW_TRY(message.seq, read_seq(item, "seq", base));
    SW_TRY(message.author, read_name<Author>(item, "author", base, &author_from_name));
    SW_TRY(message.author_label, read_text(item, "label", base, k_max_agent_name_bytes, true));
    SW_TRY(message.text, read_text(item, "text", base, k_max_message_bytes, false));
    SW_TRY(message.written_ms, read_time(item, "written", base));
    SW_TRY(message.stored_ms, read_time(item, "stored", base));
    SW_TRY(message.status, read_name<DeliveryStatus>(item, "status", base, &status_from_name));
    if (item.contains("article")) {
        SW_TRY(message.article_id, read_text(item, "article", base, k_max_article_id_bytes, false));
        if (message.author != Author::Bot)
            return bad_shape(base + "/article", "only the bot's answers give an article");
    }
    const bool acknowledged = message.status == DeliveryStatus::Sent;
    if (acknowledged != (message.seq != 0))
        return bad_shape(base + "/seq", "a sent message has a seq, a pending or failed one none");
    if (!acknowledged && message.author != Author::Shopper)
        return bad_shape(base + "/author", "only the shopper's messages wait to be sent");
    return message;
}

} // namespace

std::string serialize_conversation(const Conversation& conversation) {
    json messages = json::array();
    for (const ChatMessage& m : conversation.messages()) {
        json message = {{"cid", m.client_id},
                        {"seq", m.seq},
                        {"author", author_name(m.author)},
                        {"label", m.author_label},
                        {"text", m.text},
                        {"written", m.written_ms},
                        {"stored", m.stored_ms},
                        {"status", status_name(m.status)}};
        if (!m.article_id.empty())
            message["article"] = m.article_id;
        messages.push_back(std::move(message));
    }
    json document = {{"v", k_saved_conversation_version},
                     {"state", state_name(conversation.state())},
                     {"agent", conversation.agent_label()},
                     {"last_seq", conversation.last_seq()},
                     {"messages", std::move(messages)}};
    if (const auto& csat = conversation.csat())
        document["csat"] = {{"score", csat->score}, {"comment", csat->comment}, {"given", csat->given_ms}};
    if (const auto& handoff = conversation.handoff())
        document["handoff"] = {{"reason", handoff_reason_name(handoff->reason)},
                               {"staff_online", handoff->staff_online}};
    return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Conversation> parse_conversation(std::string_view text) {
    if (text.size() > k_max_saved_bytes)
        return make_error("chat.saved.too_large", "the saved conversation is larger than 1 MB");
    const json document = parse_json(text);
    if (document.is_discarded())
        return make_error("chat.saved.invalid_json", "the saved conversation is not valid JSON");
    if (!document.is_object())
        return bad_shape("", "it must be a JSON object");
    const auto version = document.find("v");
    if (version == document.end() || !version->is_number_integer() ||
        version->get<int>() != k_saved_conversation_version)
        return make_error("chat.saved.unsupported_version",
                          "the saved conversation has another format version than " +
                              std::to_string(k_saved_conversation_version),
                          "v");
    SW_TRY(const ConversationState state,
           read_name<ConversationState>(document, "state", "", &state_from_name));
    SW_TRY(std::string agent, read_text(document, "agent", "", k_max_agent_name_bytes, true));
    if (state == ConversationState::Agent && agent.empty())
        return bad_shape("/agent", "an agent has joined: agent names them");
    SW_TRY(const std::uint64_t last_seq, read_seq(document, "last_seq", ""));

    const auto list = document.find("messages");
    if (list == document.end() || !list->is_array())
        return bad_shape("/messages", "messages must be an array");
    if (list->size() > k_max_saved_messages)
        return bad_shape("/messages", "more than " + std::to_string(k_max_saved_messages) + " messages");
    std::vector<ChatMessage> messages;
    messages.reserve(list->size());
    std::unordered_set<std::string> client_ids;
    std::uint64_t previous_seq = 0;
    bool unacknowledged_seen = false;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string base = "/messages/" + std::to_string(i);
        SW_TRY(ChatMessage message, read_message((*list)[i], base));
        if (!client_ids.insert(message.client_id).second)
            return bad_shape(base + "/cid", "two messages have this client id");
        if (message.status == DeliveryStatus::Sent) {
            if (unacknowledged_seen || message.seq <= previous_seq)
                return bad_shape(base + "/seq", "sent messages come first, in seq order");
            previous_seq = message.seq;
        } else {
            unacknowledged_seen = true;
        }
        messages.push_back(std::move(message));
    }

    std::optional<Csat> csat;
    if (const auto rating = document.find("csat"); rating != document.end()) {
        if (!rating->is_object())
            return bad_shape("/csat", "csat must be an object");
        if (state != ConversationState::Closed)
            return bad_shape("/csat", "only a closed conversation is rated");
        const auto score = rating->find("score");
        if (score == rating->end() || !score->is_number_integer() || score->get<int>() < 1 ||
            score->get<int>() > 5)
            return bad_shape("/csat/score", "score must be 1 to 5");
        Csat given;
        given.score = score->get<int>();
        SW_TRY(given.comment, read_text(*rating, "comment", "/csat", k_max_csat_comment_bytes, true));
        SW_TRY(given.given_ms, read_time(*rating, "given", "/csat"));
        csat = std::move(given);
    }
    std::optional<Handoff> handoff;
    if (const auto given = document.find("handoff"); given != document.end()) {
        if (!given->is_object())
            return bad_shape("/handoff", "handoff must be an object");
        if (state == ConversationState::Bot)
            return bad_shape("/handoff", "a conversation still with the bot was not handed off");
        Handoff read;
        SW_TRY(read.reason,
               read_name<HandoffReason>(*given, "reason", "/handoff", &handoff_reason_from_name));
        const auto online = given->find("staff_online");
        if (online == given->end() || !online->is_boolean())
            return bad_shape("/handoff/staff_online", "staff_online must be true or false");
        read.staff_online = online->get<bool>();
        handoff = read;
    }
    return Conversation::restore(state, std::move(agent), last_seq, std::move(messages), std::move(csat),
                                 handoff);
}

} // namespace support::chat

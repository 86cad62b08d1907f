#include "server/chat/instance_notice_wire.h"

#include "shared/core/content/json_nesting.h"

#include <nlohmann/json.hpp>

namespace support::server {

namespace {

using nlohmann::json;

// Both payloads are flat: an object holding at most an array of objects.
constexpr std::size_t k_max_nesting = 3;

std::optional<json> parse_object(std::string_view payload) {
    if (content::json_nesting_depth(payload, k_max_nesting) > k_max_nesting)
        return std::nullopt;
    json in = json::parse(payload, nullptr, false);
    if (!in.is_object())
        return std::nullopt;
    return in;
}

// The text of member `name`, or "" when it is missing or not text.
std::string text_field(const json& in, const char* name) {
    const auto found = in.find(name);
    return found != in.end() && found->is_string() ? found->get<std::string>() : std::string();
}

} // namespace

std::string encode_chat_notice(const ChatNotice& notice, std::string_view instance) {
    json out = {{"from", instance}, {"site", notice.site}, {"conversation", notice.conversation_id}};
    if (notice.kind == ChatNotice::Kind::Stored) {
        out["seq"] = notice.seq;
        if (notice.event_kind)
            out["event"] = chat::event_kind_name(*notice.event_kind);
    } else {
        out["typist"] = chat::author_name(notice.typist);
        out["label"] = notice.typist_label;
    }
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<ChatNotice> decode_chat_notice(std::string_view payload, std::string_view instance) {
    const auto in = parse_object(payload);
    if (!in || text_field(*in, "from") == instance)
        return std::nullopt;
    ChatNotice notice;
    notice.site = text_field(*in, "site");
    notice.conversation_id = text_field(*in, "conversation");
    if (notice.conversation_id.empty())
        return std::nullopt;
    if (const auto seq = in->find("seq"); seq != in->end() && seq->is_number_unsigned()) {
        notice.kind = ChatNotice::Kind::Stored;
        notice.seq = seq->get<std::uint64_t>();
        notice.event_kind = chat::event_kind_from_name(text_field(*in, "event"));
        return notice;
    }
    const auto typist = chat::author_from_name(text_field(*in, "typist"));
    if (!typist)
        return std::nullopt;
    notice.kind = ChatNotice::Kind::Typing;
    notice.typist = *typist;
    notice.typist_label = text_field(*in, "label");
    return notice;
}

std::string encode_presence_report(const PresenceReport& report) {
    json members = json::array();
    for (const auto& member : report.members)
        members.push_back({{"id", member.id}, {"email", member.email}});
    return json{{"from", report.instance}, {"members", members}}.dump(-1, ' ', false,
                                                                      json::error_handler_t::replace);
}

std::optional<PresenceReport> decode_presence_report(std::string_view payload) {
    const auto in = parse_object(payload);
    if (!in)
        return std::nullopt;
    const auto from = in->find("from");
    const auto members = in->find("members");
    if (from == in->end() || !from->is_string() || members == in->end() || !members->is_array())
        return std::nullopt;
    PresenceReport report{from->get<std::string>(), {}};
    for (const json& member : *members) {
        if (!member.is_object())
            return std::nullopt;
        const auto id = member.find("id");
        if (id == member.end() || !id->is_number_integer())
            return std::nullopt;
        report.members.push_back({id->get<std::int64_t>(), text_field(member, "email")});
    }
    return report;
}

} // namespace support::server

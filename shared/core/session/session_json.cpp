#include "shared/core/session/session_json.h"

#include "shared/core/parse_json.h"
#include "shared/core/text/utf8.h"

namespace support::session {

namespace {

using nlohmann::json;

constexpr std::size_t k_max_text_bytes = 4096;
constexpr std::size_t k_max_views = 32;

Error bad_shape(const std::string& pointer, std::string message) {
    return make_error("session.saved.bad_shape", std::move(message), pointer);
}

template <typename T> json versioned_json(const Versioned<T>& field, json value) {
    return {{"value", std::move(value)}, {"clock", field.clock}, {"tab", field.tab}};
}

Result<std::string> read_text(const json& value, const std::string& pointer, std::size_t max_bytes) {
    if (!value.is_string())
        return bad_shape(pointer, "must be a string");
    const std::string& text = value.get_ref<const std::string&>();
    if (text.size() > max_bytes || !text::is_valid_utf8(text))
        return bad_shape(pointer, "must be UTF-8 of at most " + std::to_string(max_bytes) + " bytes");
    return text;
}

Result<std::uint64_t> read_count(const json& value, const std::string& pointer) {
    if (!value.is_number_unsigned())
        return bad_shape(pointer, "must be a whole number, 0 or more");
    return value.get<std::uint64_t>();
}

// {"value":…,"clock":N,"tab":"…"}; an absent field reads as never written.
template <typename T, typename ReadValue>
Result<Versioned<T>> read_versioned(const json& document, const char* key, ReadValue read_value) {
    Versioned<T> field;
    const std::string pointer = std::string("/") + key;
    const auto it = document.find(key);
    if (it == document.end())
        return field;
    if (!it->is_object() || !it->contains("value") || !it->contains("clock") || !it->contains("tab"))
        return bad_shape(pointer, "must be {value, clock, tab}");
    SW_TRY(field.value, read_value(it->at("value"), pointer + "/value"));
    SW_TRY(field.clock, read_count(it->at("clock"), pointer + "/clock"));
    SW_TRY(field.tab, read_text(it->at("tab"), pointer + "/tab", 64));
    return field;
}

Result<bool> read_bool(const json& value, const std::string& pointer) {
    if (!value.is_boolean())
        return bad_shape(pointer, "must be true or false");
    return value.get<bool>();
}

Result<std::string> read_short_text(const json& value, const std::string& pointer) {
    return read_text(value, pointer, k_max_text_bytes);
}

Result<std::vector<std::string>> read_views(const json& value, const std::string& pointer) {
    if (!value.is_array() || value.size() > k_max_views)
        return bad_shape(pointer, "must be a list of at most " + std::to_string(k_max_views) + " views");
    std::vector<std::string> views;
    for (std::size_t i = 0; i < value.size(); ++i) {
        SW_TRY(std::string view, read_text(value[i], pointer + "/" + std::to_string(i), 200));
        views.push_back(std::move(view));
    }
    return views;
}

Result<std::optional<guide::GuideProgress>> read_guide(const json& value, const std::string& pointer) {
    if (value.is_null())
        return std::optional<guide::GuideProgress>();
    if (!value.is_object())
        return bad_shape(pointer, "must be null or a guide's progress");
    auto progress = guide::parse_guide_progress(value.dump(-1, ' ', false, json::error_handler_t::replace));
    if (!progress) {
        const std::string& inner = progress.error().field;
        return bad_shape(pointer + (inner.empty() || inner[0] == '/' ? inner : "/" + inner),
                         progress.error().message);
    }
    return std::optional(std::move(progress).value());
}

Result<std::optional<ChatAt>> read_chat(const json& value, const std::string& pointer) {
    if (value.is_null())
        return std::optional<ChatAt>();
    if (!value.is_object() || !value.contains("conversation_id") || !value.contains("token") ||
        !value.contains("seen_seq"))
        return bad_shape(pointer, "must be null or {conversation_id, token, seen_seq}");
    ChatAt chat;
    SW_TRY(chat.conversation_id, read_text(value["conversation_id"], pointer + "/conversation_id", 64));
    SW_TRY(chat.token, read_text(value["token"], pointer + "/token", 64));
    SW_TRY(chat.seen_seq, read_count(value["seen_seq"], pointer + "/seen_seq"));
    return std::optional(std::move(chat));
}

} // namespace

std::string serialize_session(const Session& s) {
    json guide = s.guide.value ? parse_json(guide::serialize_guide_progress(*s.guide.value)) : json(nullptr);
    json chat = s.chat.value ? json{{"conversation_id", s.chat.value->conversation_id},
                                    {"token", s.chat.value->token},
                                    {"seen_seq", s.chat.value->seen_seq}}
                             : json(nullptr);
    const json document = {{"v", k_session_version},
                           {"clock", s.clock},
                           {"generation", s.generation},
                           {"panel_open", versioned_json(s.panel_open, s.panel_open.value)},
                           {"views", versioned_json(s.views, s.views.value)},
                           {"search_query", versioned_json(s.search_query, s.search_query.value)},
                           {"guide", versioned_json(s.guide, std::move(guide))},
                           {"chat", versioned_json(s.chat, std::move(chat))}};
    return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Session> parse_session(std::string_view text) {
    if (text.size() > k_max_session_bytes)
        return make_error("session.saved.too_large", "the saved session is larger than 512 KB");
    const json document = parse_json(text);
    if (document.is_discarded())
        return make_error("session.saved.invalid_json", "the saved session is not valid JSON");
    if (!document.is_object())
        return bad_shape("", "it must be a JSON object");
    const auto version = document.find("v");
    if (version == document.end() || !version->is_number_integer() ||
        version->get<int>() != k_session_version)
        return make_error(
            "session.saved.unsupported_version",
            "the saved session has another format version than " + std::to_string(k_session_version), "v");
    Session s;
    SW_TRY(s.clock,
           read_count(document.contains("clock") ? document["clock"] : json(std::uint64_t{0}), "/clock"));
    SW_TRY(s.generation,
           read_count(document.contains("generation") ? document["generation"] : json(std::uint64_t{0}),
                      "/generation"));
    SW_TRY(s.panel_open, read_versioned<bool>(document, "panel_open", read_bool));
    SW_TRY(s.views, read_versioned<std::vector<std::string>>(document, "views", read_views));
    SW_TRY(s.search_query, read_versioned<std::string>(document, "search_query", read_short_text));
    SW_TRY(s.guide, read_versioned<std::optional<guide::GuideProgress>>(document, "guide", read_guide));
    SW_TRY(s.chat, read_versioned<std::optional<ChatAt>>(document, "chat", read_chat));
    // A copy whose fields were written after its own clock is not one we wrote.
    for (std::uint64_t written :
         {s.panel_open.clock, s.views.clock, s.search_query.clock, s.guide.clock, s.chat.clock})
        if (written > s.clock)
            return bad_shape("/clock", "a field was written after the session's clock");
    return s;
}

} // namespace support::session

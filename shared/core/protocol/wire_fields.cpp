#include "shared/core/protocol/wire_fields.h"

#include "shared/core/content/json_nesting.h"
#include "shared/core/content/utf8_validation.h"
#include "shared/core/parse_json.h"

namespace support::protocol {

namespace {

using nlohmann::json;

// U+FDD0, a noncharacter: stands in for each invalid byte so the document parses and the string
// that held the bytes can be named.
constexpr std::string_view k_invalid_byte_marker = "\xEF\xB7\x90";

std::string escape_pointer_token(std::string_view token) {
    std::string out;
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string with_invalid_bytes_marked(std::string_view text) {
    std::string out;
    while (auto bad = content::find_invalid_utf8(text)) {
        out.append(text.substr(0, bad->offset));
        out.append(k_invalid_byte_marker);
        text.remove_prefix(bad->offset + 1);
    }
    out.append(text);
    return out;
}

bool contains_marker(std::string_view text) {
    return text.find(k_invalid_byte_marker) != std::string_view::npos;
}

// The pointer of the first key or string value holding the marker, or nothing.
std::optional<std::string> find_marked_string(const json& value, const std::string& pointer) {
    if (value.is_string())
        return contains_marker(value.get_ref<const std::string&>()) ? std::optional(pointer) : std::nullopt;
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string child = pointer + "/" + escape_pointer_token(it.key());
            if (contains_marker(it.key()))
                return child;
            if (auto found = find_marked_string(it.value(), child))
                return found;
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (auto found = find_marked_string(value[i], pointer + "/" + std::to_string(i)))
                return found;
        }
    }
    return std::nullopt;
}

const char* type_name(const json& value) {
    return value.type_name();
}

} // namespace

WireObject::WireObject(const json& object, std::string pointer, std::string code_prefix)
    : m_object(&object), m_pointer(std::move(pointer)), m_code_prefix(std::move(code_prefix)) {}

std::vector<std::string> WireObject::keys() const {
    std::vector<std::string> out;
    for (const auto& item : m_object->items())
        out.push_back(item.key());
    return out;
}

std::string WireObject::pointer_to(std::string_view key) const {
    return m_pointer + "/" + escape_pointer_token(key);
}

Error WireObject::error(std::string_view suffix, std::string message, std::string_view key) const {
    return make_error(m_code_prefix + "." + std::string(suffix), std::move(message), pointer_to(key));
}

const json* WireObject::find(std::string_view key) const {
    const auto it = m_object->find(key);
    if (it == m_object->end() || it->is_null())
        return nullptr;
    return &*it;
}

Result<std::string> WireObject::string(std::string_view key, Presence presence, std::size_t max_bytes) const {
    const json* value = find(key);
    if (!value) {
        if (presence == Presence::Required)
            return error("missing_field", "\"" + std::string(key) + "\" is required", key);
        return std::string();
    }
    if (!value->is_string())
        return error("wrong_type", "\"" + std::string(key) + "\" must be a string, not " + type_name(*value),
                     key);
    const auto& text = value->get_ref<const std::string&>();
    if (text.size() > max_bytes)
        return error("too_long",
                     "\"" + std::string(key) + "\" is longer than " + std::to_string(max_bytes) + " bytes",
                     key);
    if (presence == Presence::Required && text.empty())
        return error("missing_field", "\"" + std::string(key) + "\" must not be empty", key);
    return text;
}

Result<std::optional<bool>> WireObject::boolean(std::string_view key, Presence presence) const {
    const json* value = find(key);
    if (!value) {
        if (presence == Presence::Required)
            return error("missing_field", "\"" + std::string(key) + "\" is required", key);
        return std::optional<bool>();
    }
    if (!value->is_boolean())
        return error("wrong_type",
                     "\"" + std::string(key) + "\" must be true or false, not " + type_name(*value), key);
    return std::optional<bool>(value->get<bool>());
}

Result<std::optional<std::int64_t>> WireObject::integer(std::string_view key, Presence presence,
                                                        std::int64_t min, std::int64_t max) const {
    const json* value = find(key);
    if (!value) {
        if (presence == Presence::Required)
            return error("missing_field", "\"" + std::string(key) + "\" is required", key);
        return std::optional<std::int64_t>();
    }
    if (!value->is_number_integer())
        return error("wrong_type",
                     "\"" + std::string(key) + "\" must be a whole number, not " + type_name(*value), key);
    // nlohmann reads a number without a sign as unsigned: both ends are checked for it too.
    const bool out_of_range =
        value->is_number_unsigned()
            ? value->get<std::uint64_t>() > static_cast<std::uint64_t>(max) ||
                  (min > 0 && value->get<std::uint64_t>() < static_cast<std::uint64_t>(min))
            : (value->get<std::int64_t>() < min || value->get<std::int64_t>() > max);
    if (out_of_range)
        return error("out_of_range",
                     "\"" + std::string(key) + "\" must be between " + std::to_string(min) + " and " +
                         std::to_string(max),
                     key);
    return std::optional<std::int64_t>(value->get<std::int64_t>());
}

Result<std::optional<WireObject>> WireObject::object(std::string_view key, Presence presence) const {
    const json* value = find(key);
    if (!value) {
        if (presence == Presence::Required)
            return error("missing_field", "\"" + std::string(key) + "\" is required", key);
        return std::optional<WireObject>();
    }
    if (!value->is_object())
        return error("wrong_type", "\"" + std::string(key) + "\" must be an object, not " + type_name(*value),
                     key);
    return std::optional<WireObject>(WireObject(*value, pointer_to(key), m_code_prefix));
}

Result<std::vector<WireObject>> WireObject::objects(std::string_view key, Presence presence,
                                                    std::size_t max_items) const {
    const json* value = find(key);
    if (!value) {
        if (presence == Presence::Required)
            return error("missing_field", "\"" + std::string(key) + "\" is required", key);
        return std::vector<WireObject>();
    }
    if (!value->is_array())
        return error("wrong_type", "\"" + std::string(key) + "\" must be an array, not " + type_name(*value),
                     key);
    if (value->size() > max_items)
        return error("too_long",
                     "\"" + std::string(key) + "\" holds at most " + std::to_string(max_items) + " items",
                     key);
    std::vector<WireObject> items;
    for (std::size_t i = 0; i < value->size(); ++i) {
        if (!(*value)[i].is_object())
            return error("wrong_type", "each item of \"" + std::string(key) + "\" must be an object", key);
        items.emplace_back((*value)[i], pointer_to(key) + "/" + std::to_string(i), m_code_prefix);
    }
    return items;
}

Result<json> parse_wire_object(std::string_view body, std::string_view code_prefix, std::size_t max_depth) {
    const std::string prefix(code_prefix);
    if (auto bad = content::find_invalid_utf8(body)) {
        const json marked = parse_json(with_invalid_bytes_marked(body));
        auto pointer = marked.is_discarded() ? std::nullopt : find_marked_string(marked, "");
        return make_error(prefix + ".invalid_utf8",
                          "the body is not valid UTF-8 (byte " + std::to_string(bad->offset) + ")",
                          pointer.value_or(""));
    }
    if (content::json_nesting_depth(body, max_depth) > max_depth)
        return make_error(prefix + ".too_deep", "the body nests arrays and objects deeper than " +
                                                    std::to_string(max_depth) + " levels");
    json document = parse_json(body);
    if (document.is_discarded())
        return make_error(prefix + ".invalid_json", "the body is not valid JSON");
    if (!document.is_object())
        return make_error(prefix + ".not_an_object",
                          std::string("the body must be a JSON object, not ") + type_name(document));
    return document;
}

} // namespace support::protocol

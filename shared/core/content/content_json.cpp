#include "shared/core/content/content_json.h"

#include "shared/core/content/json_nesting.h"
#include "shared/core/content/utf8_validation.h"

#include <algorithm>

namespace support::content {

namespace {

using nlohmann::json;

bool is_ascii_whitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// After a failed parse, runs the parser again with this SAX handler only to learn where and why
// it failed: nlohmann reports that through parse_error() without throwing.
class ParseErrorLocator final : public nlohmann::json_sax<json> {
  public:
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) override {
        m_message = error.what();
        return false;
    }

    // "parse error at line 3, column 5: syntax error while parsing object - unexpected '}'; …"
    std::string message() const {
        std::string_view text = m_message;
        if (const auto bracket = text.find("] "); text.starts_with("[json.exception") && bracket != text.npos)
            text.remove_prefix(bracket + 2);
        return text.empty() ? std::string("the JSON is not valid") : std::string(text);
    }

  private:
    std::string m_message;
};

ContentProblem file_problem(const ContentFile& file, std::string code, std::string message) {
    return ContentProblem{std::move(code), Severity::Error, file.path, "", std::move(message)};
}

} // namespace

ContentFileJson parse_content_file(const ContentFile& file, std::string_view what) {
    ContentFileJson out;
    const std::string_view text = file.text;
    const std::string noun(what);
    if (text.size() > k_max_file_bytes) {
        out.problem =
            file_problem(file, "content.file.too_large",
                         "the file is larger than 1 MB; split its " + noun + "s into several files");
        return out;
    }
    if (const auto bad = find_invalid_utf8(text)) {
        out.problem = file_problem(file, "content.file.invalid_utf8",
                                   "not valid UTF-8 at line " + std::to_string(bad->line) + ", column " +
                                       std::to_string(bad->column) + " (byte " + std::to_string(bad->offset) +
                                       "); save the file as UTF-8");
        return out;
    }
    if (json_nesting_depth(text, k_max_json_depth) > k_max_json_depth) {
        out.problem = file_problem(file, "content.file.too_deep",
                                   "arrays and objects nest more than " + std::to_string(k_max_json_depth) +
                                       " levels deep; an article file needs 3, a guide file 5");
        return out;
    }
    if (is_blank_text(text)) {
        out.problem = file_problem(file, "content.file.invalid_json",
                                   "the file is empty; write one " + noun + " object or an array of them");
        return out;
    }
    out.document = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (out.document.is_discarded()) {
        ParseErrorLocator locator;
        (void)json::sax_parse(text, &locator);
        out.problem = file_problem(file, "content.file.invalid_json", "not valid JSON: " + locator.message());
    }
    return out;
}

std::string quote_for_message(std::string_view value) {
    constexpr std::size_t k_limit = 60;
    std::size_t end = value.size();
    if (end > k_limit) {
        end = k_limit;
        while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80)
            --end;
    }
    std::string out = "'";
    for (std::size_t i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(value[i]);
        if (byte < 0x20 || byte == 0x7f) {
            constexpr char k_hex[] = "0123456789abcdef";
            out += "\\x";
            out += k_hex[byte >> 4];
            out += k_hex[byte & 0xF];
        } else {
            out += value[i];
        }
    }
    out += end < value.size() ? "…'" : "'";
    return out;
}

std::string_view json_type_name(const json& value) {
    switch (value.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return "true/false";
    case json::value_t::string:
        return "a string";
    case json::value_t::array:
        return "an array";
    case json::value_t::object:
        return "an object";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return "a number";
    default:
        return "something else";
    }
}

bool is_blank_text(std::string_view text) {
    return std::all_of(text.begin(), text.end(), is_ascii_whitespace);
}

} // namespace support::content

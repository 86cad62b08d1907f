#include "server/http/query_string.h"

#include "shared/core/hex_digit.h"

namespace support::server {

namespace {

std::optional<std::string> form_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%') {
            if (i + 2 >= text.size())
                return std::nullopt;
            const auto high = hex_digit_value(text[i + 1]);
            const auto low = hex_digit_value(text[i + 2]);
            if (!high || !low)
                return std::nullopt;
            out += static_cast<char>(*high * 16 + *low);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

std::optional<std::string> query_parameter(std::string_view target, std::string_view name) {
    const auto question = target.find('?');
    if (question == std::string_view::npos)
        return std::nullopt;
    std::string_view query = target.substr(question + 1);
    query = query.substr(0, query.find('#'));
    while (true) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const auto equals = pair.find('=');
        const std::string_view key = pair.substr(0, equals);
        if (form_decode(key) == std::optional<std::string>(std::string(name)))
            return form_decode(equals == std::string_view::npos ? std::string_view{}
                                                                : pair.substr(equals + 1));
        if (amp == std::string_view::npos)
            return std::nullopt;
        query = query.substr(amp + 1);
    }
}

} // namespace support::server

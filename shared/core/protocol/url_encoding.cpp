#include "shared/core/protocol/url_encoding.h"

#include "shared/core/hex_digit.h"

namespace support::protocol {

namespace {

bool is_unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

} // namespace

std::string encode_url_component(std::string_view text) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (is_unreserved(c)) {
            out += c;
            continue;
        }
        const auto byte = static_cast<unsigned char>(c);
        out += '%';
        out += k_hex[byte >> 4];
        out += k_hex[byte & 0xF];
    }
    return out;
}

std::optional<std::string> decode_percent_escapes(std::string_view text, PlusIs plus) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && plus == PlusIs::Space) {
            out += ' ';
        } else if (c == '%') {
            if (text.size() - i < 3)
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
        if (decode_percent_escapes(key, PlusIs::Space) == std::optional<std::string>(std::string(name)))
            return decode_percent_escapes(equals == std::string_view::npos ? std::string_view{}
                                                                           : pair.substr(equals + 1),
                                          PlusIs::Space);
        if (amp == std::string_view::npos)
            return std::nullopt;
        query = query.substr(amp + 1);
    }
}

std::string_view target_path(std::string_view target) {
    return target.substr(0, target.find_first_of("?#"));
}

} // namespace support::protocol

#include "shared/core/content/locale_tag.h"

namespace support::content {

namespace {

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_alphanumeric(char c) {
    return is_ascii_letter(c) || (c >= '0' && c <= '9');
}

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

bool is_locale_tag(std::string_view tag) {
    if (tag.empty() || tag.size() > k_max_locale_tag_bytes)
        return false;
    std::size_t subtag_index = 0;
    std::size_t start = 0;
    while (true) {
        const std::size_t dash = tag.find('-', start);
        const std::string_view subtag =
            tag.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start);
        if (subtag_index == 0) {
            if (subtag.size() < 2 || subtag.size() > 3)
                return false;
            for (char c : subtag) {
                if (!is_ascii_letter(c))
                    return false;
            }
        } else {
            if (subtag.empty() || subtag.size() > 8)
                return false;
            for (char c : subtag) {
                if (!is_ascii_alphanumeric(c))
                    return false;
            }
        }
        if (dash == std::string_view::npos)
            return true;
        start = dash + 1;
        ++subtag_index;
    }
}

std::string_view language_of(std::string_view tag) {
    return tag.substr(0, tag.find('-'));
}

bool same_locale(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i]))
            return false;
    }
    return true;
}

std::optional<std::size_t> closest_locale(std::span<const std::string> available,
                                          std::string_view requested) {
    const auto find = [&](auto&& fits) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < available.size(); ++i)
            if (fits(std::string_view(available[i])))
                return i;
        return std::nullopt;
    };
    const std::string_view language = language_of(requested);
    if (auto exact = find([&](std::string_view l) { return same_locale(l, requested); }))
        return exact;
    if (auto same_language = find([&](std::string_view l) { return same_locale(l, language); }))
        return same_language;
    if (auto regional = find([&](std::string_view l) { return same_locale(language_of(l), language); }))
        return regional;
    return find([](std::string_view l) { return same_locale(l, k_fallback_locale); });
}

} // namespace support::content

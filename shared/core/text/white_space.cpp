#include "shared/core/text/white_space.h"

namespace support::text {

std::string_view trim_white_space(std::string_view text) {
    const auto first = text.find_first_not_of(k_ascii_white_space);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(k_ascii_white_space) - first + 1);
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(k_ascii_white_space) == std::string_view::npos;
}

} // namespace support::text

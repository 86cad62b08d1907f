#include "shared/core/text/bidi_reorder.h"

#include <algorithm>
#include <cassert>

namespace support::text {
namespace {

bool resets_before_separator(BidiClass c) {
    return c == BidiClass::WS || c == BidiClass::LRI || c == BidiClass::RLI || c == BidiClass::FSI ||
           c == BidiClass::PDI || is_removed_by_x9(c);
}

} // namespace

std::vector<std::uint8_t> line_levels(std::span<const BidiClass> classes, const BidiParagraph& paragraph,
                                      std::size_t begin, std::size_t end) {
    assert(begin <= end && end <= classes.size() && classes.size() == paragraph.levels.size());
    std::vector<std::uint8_t> levels(paragraph.levels.begin() + static_cast<std::ptrdiff_t>(begin),
                                     paragraph.levels.begin() + static_cast<std::ptrdiff_t>(end));
    bool trailing = true; // scanning backwards: still in white space before a separator or the end
    for (std::size_t i = end; i-- > begin;) {
        const BidiClass c = classes[i];
        if (c == BidiClass::B || c == BidiClass::S) {
            levels[i - begin] = paragraph.paragraph_level;
            trailing = true;
        } else if (resets_before_separator(c)) {
            if (trailing) {
                levels[i - begin] = paragraph.paragraph_level;
            }
        } else {
            trailing = false;
        }
    }
    return levels;
}

std::vector<std::size_t> visual_order(std::span<const std::uint8_t> levels) {
    std::vector<std::size_t> order(levels.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    if (levels.empty()) {
        return order;
    }
    const std::uint8_t highest = *std::max_element(levels.begin(), levels.end());
    std::uint8_t lowest_odd = 255;
    for (const std::uint8_t level : levels) {
        if ((level & 1U) != 0) {
            lowest_odd = std::min(lowest_odd, level);
        }
    }
    for (unsigned level = highest; level >= lowest_odd && level > 0; --level) {
        for (std::size_t i = 0; i < levels.size();) {
            if (levels[order[i]] < level) {
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < levels.size() && levels[order[end]] >= level) {
                ++end;
            }
            std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i),
                         order.begin() + static_cast<std::ptrdiff_t>(end));
            i = end;
        }
    }
    return order;
}

char32_t displayed_code_point(char32_t code_point, std::uint8_t level) {
    return (level & 1U) != 0 ? bidi_mirror(code_point) : code_point;
}

} // namespace support::text

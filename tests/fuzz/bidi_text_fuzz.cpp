// libFuzzer target: the bidirectional algorithm, line reordering and Arabic joining on arbitrary
// UTF-8 (deep embeddings, unmatched isolates and brackets, marks with nothing to attach to). Beyond
// not crashing: every level is at most max_depth + 1, each line's visual order is a permutation of
// its positions, and shaping keeps one element per code point.
#include "shared/core/text/arabic_joining.h"
#include "shared/core/text/bidi_levels.h"
#include "shared/core/text/bidi_reorder.h"
#include "shared/core/text/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

using namespace support::text;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const auto direction = static_cast<TextDirection>(data[0] % 3);
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    std::u32string text;
    for (std::size_t offset = 0; offset < bytes.size();) {
        const DecodedCodePoint decoded = decode_utf8(bytes, offset);
        text.push_back(decoded.value);
        offset += decoded.length;
    }
    std::vector<BidiClass> classes;
    for (const char32_t c : text)
        classes.push_back(bidi_class(c));

    const BidiParagraph paragraph = resolve_bidi_levels(text, direction);
    if (paragraph.levels.size() != text.size() || paragraph.paragraph_level > 1)
        std::abort();
    for (const std::uint8_t level : paragraph.levels)
        if (level > k_max_bidi_depth + 1)
            std::abort();

    // Two lines, split where the first byte says.
    const std::size_t split = text.empty() ? 0 : data[0] % (text.size() + 1);
    for (const auto& [begin, end] : {std::pair{std::size_t{0}, split}, std::pair{split, text.size()}}) {
        const auto levels = line_levels(classes, paragraph, begin, end);
        std::vector<std::size_t> order = visual_order(levels);
        std::sort(order.begin(), order.end());
        for (std::size_t i = 0; i < order.size(); ++i)
            if (order[i] != i)
                std::abort();
    }
    if (shape_arabic(text).size() != text.size())
        std::abort();
    return 0;
}

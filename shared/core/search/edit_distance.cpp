#include "shared/core/search/edit_distance.h"

#include <algorithm>
#include <vector>

namespace support::search {

int max_typo_edits(std::size_t letters) {
    if (letters < 5)
        return 0;
    return letters < 9 ? 1 : 2;
}

std::size_t osa_distance(std::u32string_view a, std::u32string_view b) {
    const std::size_t columns = b.size() + 1;
    std::vector<std::size_t> rows(3 * columns);
    std::size_t* before = rows.data();         // row i-2
    std::size_t* previous = before + columns;  // row i-1
    std::size_t* current = previous + columns; // row i
    for (std::size_t j = 0; j < columns; ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

} // namespace support::search

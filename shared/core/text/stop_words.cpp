#include "shared/core/text/stop_words.h"

#include "shared/core/text/fold_for_search.h"

#include <string>
#include <vector>

namespace support::text {

namespace {

constexpr int k_languages = static_cast<int>(Language::Other);

// Each language's list, folded once, on first use. The lists are a few dozen words and a query a
// few words, so a linear scan beats sorting code in the WebAssembly download.
const std::vector<std::u32string>& folded_list(Language language) {
    static const std::vector<std::vector<std::u32string>> lists = [] {
        std::vector<std::vector<std::u32string>> built(k_languages);
        for (int i = 0; i < k_languages; ++i)
            for (std::string_view word : detail::stop_word_list(static_cast<Language>(i)))
                built[static_cast<std::size_t>(i)].push_back(fold_for_search(word));
        return built;
    }();
    return lists[static_cast<std::size_t>(language)];
}

} // namespace

bool is_stop_word(Language language, std::u32string_view folded) {
    if (language == Language::Other)
        return false;
    for (const std::u32string& word : folded_list(language))
        if (word == folded)
            return true;
    return false;
}

} // namespace support::text

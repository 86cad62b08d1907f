#pragma once
// The sorted word list behind prefix and typo-tolerant lookup: each entry is a folded spelling
// (a word as written, a stem, or a variant form) and the index term it leads to.
//
// The sorted entries form an implicit trie: entries sharing a prefix are contiguous, so a prefix
// is a binary-searched range and typo search walks the trie with one edit-distance row per
// letter, pruning a branch as soon as every cell exceeds the allowed edits.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::search {

class Vocabulary {
  public:
    // Building: add every spelling, then finish() once (sorts; a repeated spelling keeps its
    // first term).
    void add(std::u32string_view spelling, std::uint32_t term);
    void finish();

    std::optional<std::uint32_t> find(std::u32string_view spelling) const;

    struct Match {
        std::uint32_t term = 0;
        std::uint32_t letters = 0; // length of the matched spelling
        int edits = 0;
    };

    // Appends entries that start with `prefix` and are longer than it, at most `limit` of them
    // in sorted order.
    void find_extensions(std::u32string_view prefix, std::size_t limit, std::vector<Match>& out) const;

    // Appends every entry within `max_edits` (OSA distance) of `word`, except `word` itself, whose
    // first letter is the word's first or second letter (see find_within).
    void find_within(std::u32string_view word, int max_edits, std::vector<Match>& out) const;

    std::size_t size() const { return m_entries.size(); }
    std::size_t memory_bytes() const;

  private:
    struct Entry {
        std::uint32_t offset;
        std::uint32_t length;
        std::uint32_t term;
    };

    std::u32string_view spelling(const Entry& entry) const {
        return std::u32string_view(m_letters).substr(entry.offset, entry.length);
    }
    std::size_t lower_bound(std::u32string_view spelling) const;

    std::u32string m_letters;
    std::vector<Entry> m_entries;
};

} // namespace support::search

#include "shared/core/search/vocabulary.h"

#include <algorithm>

namespace support::search {

namespace {

// The walk over the implicit trie for find_within: rows[d] is the edit-distance row of the query
// against the current prefix of length d.
class TypoWalk {
  public:
    TypoWalk(std::u32string_view word, int max_edits, std::size_t max_depth)
        : m_word(word), m_max_edits(static_cast<std::size_t>(max_edits)), m_columns(word.size() + 1),
          m_rows((max_depth + 1) * m_columns) {
        for (std::size_t j = 0; j < m_columns; ++j)
            row(0)[j] = j;
    }

    std::size_t* row(std::size_t depth) { return m_rows.data() + depth * m_columns; }

    // Fills row(depth + 1) for the prefix extended by `letter`; `previous_letter` is the prefix's
    // last letter (for transpositions). Returns false when no cell is within the allowed edits.
    bool extend(std::size_t depth, char32_t letter, char32_t previous_letter) {
        const std::size_t* above = row(depth);
        std::size_t* next = row(depth + 1);
        next[0] = depth + 1;
        std::size_t smallest = next[0];
        for (std::size_t j = 1; j < m_columns; ++j) {
            const std::size_t cost = m_word[j - 1] == letter ? 0 : 1;
            std::size_t value = std::min({above[j] + 1, next[j - 1] + 1, above[j - 1] + cost});
            if (depth >= 1 && j >= 2 && m_word[j - 1] == previous_letter && m_word[j - 2] == letter)
                value = std::min(value, row(depth - 1)[j - 2] + 1);
            next[j] = value;
            smallest = std::min(smallest, value);
        }
        return smallest <= m_max_edits;
    }

    std::size_t distance_at(std::size_t depth) { return row(depth)[m_columns - 1]; }
    std::size_t max_edits() const { return m_max_edits; }

  private:
    std::u32string_view m_word;
    std::size_t m_max_edits;
    std::size_t m_columns;
    std::vector<std::size_t> m_rows;
};

} // namespace

void Vocabulary::add(std::u32string_view spelling, std::uint32_t term) {
    m_entries.push_back(Entry{static_cast<std::uint32_t>(m_letters.size()),
                              static_cast<std::uint32_t>(spelling.size()), term});
    m_letters.append(spelling);
}

void Vocabulary::finish() {
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [this](const Entry& a, const Entry& b) { return spelling(a) < spelling(b); });
    // Keep the first entry of each spelling and compact the letters to the kept entries.
    std::vector<Entry> unique;
    unique.reserve(m_entries.size());
    std::u32string letters;
    for (const Entry& entry : m_entries) {
        if (!unique.empty() && std::u32string_view(letters).substr(unique.back().offset,
                                                                   unique.back().length) == spelling(entry))
            continue;
        unique.push_back(Entry{static_cast<std::uint32_t>(letters.size()), entry.length, entry.term});
        letters.append(spelling(entry));
    }
    m_entries = std::move(unique);
    m_letters = std::move(letters);
    m_entries.shrink_to_fit();
    m_letters.shrink_to_fit();
}

std::size_t Vocabulary::lower_bound(std::u32string_view wanted) const {
    const auto at = std::lower_bound(
        m_entries.begin(), m_entries.end(), wanted,
        [this](const Entry& entry, std::u32string_view value) { return spelling(entry) < value; });
    return static_cast<std::size_t>(at - m_entries.begin());
}

std::optional<std::uint32_t> Vocabulary::find(std::u32string_view wanted) const {
    const std::size_t at = lower_bound(wanted);
    if (at < m_entries.size() && spelling(m_entries[at]) == wanted)
        return m_entries[at].term;
    return std::nullopt;
}

void Vocabulary::find_extensions(std::u32string_view prefix, std::size_t limit,
                                 std::vector<Match>& out) const {
    std::size_t found = 0;
    for (std::size_t at = lower_bound(prefix); at < m_entries.size() && found < limit; ++at) {
        const std::u32string_view candidate = spelling(m_entries[at]);
        if (candidate.substr(0, prefix.size()) != prefix)
            break;
        if (candidate.size() == prefix.size())
            continue;
        out.push_back(Match{m_entries[at].term, m_entries[at].length, 0});
        ++found;
    }
}

void Vocabulary::find_within(std::u32string_view word, int max_edits, std::vector<Match>& out) const {
    if (max_edits <= 0 || m_entries.empty())
        return;
    const std::size_t max_depth = word.size() + static_cast<std::size_t>(max_edits);
    TypoWalk walk(word, max_edits, max_depth);

    // Depth first over runs of entries sharing a prefix of length `depth`; a child's row is
    // computed and its subtree finished before a sibling overwrites that row.
    struct Walker {
        const Vocabulary& vocabulary;
        TypoWalk& walk;
        std::u32string_view word;
        std::size_t max_depth;
        std::vector<Match>& out;

        void visit(std::size_t begin, std::size_t end, std::size_t depth) {
            const auto& entries = vocabulary.m_entries;
            const auto& letters = vocabulary.m_letters;
            // Entries exactly as long as the prefix sort first: they are complete words here.
            while (begin < end && entries[begin].length == depth) {
                const std::size_t edits = walk.distance_at(depth);
                if (edits > 0 && edits <= walk.max_edits())
                    out.push_back(Match{entries[begin].term, entries[begin].length, static_cast<int>(edits)});
                ++begin;
            }
            if (depth >= max_depth)
                return;
            while (begin < end) {
                const char32_t letter = letters[entries[begin].offset + depth];
                const auto run_end =
                    std::upper_bound(entries.begin() + static_cast<std::ptrdiff_t>(begin),
                                     entries.begin() + static_cast<std::ptrdiff_t>(end), letter,
                                     [&letters, depth](char32_t value, const Entry& entry) {
                                         return value < letters[entry.offset + depth];
                                     });
                const std::size_t run_stop = static_cast<std::size_t>(run_end - entries.begin());
                const char32_t previous = depth > 0 ? letters[entries[begin].offset + depth - 1] : 0;
                // The first letter is taken as typed, or swapped with the second ("rteurn"), or
                // typed in front of it: shoppers almost never miss the first letter, and it keeps
                // the walk to one branch of the trie.
                const bool first_letter_allowed =
                    depth > 0 || letter == word.front() || (word.size() > 1 && letter == word[1]);
                if (first_letter_allowed && walk.extend(depth, letter, previous))
                    visit(begin, run_stop, depth + 1);
                begin = run_stop;
            }
        }
    };
    Walker{*this, walk, word, max_depth, out}.visit(0, m_entries.size(), 0);
}

std::size_t Vocabulary::memory_bytes() const {
    return m_letters.capacity() * sizeof(char32_t) + m_entries.capacity() * sizeof(Entry);
}

} // namespace support::search

#pragma once
// Interning of terms while an index is built: folded text → dense id, with open addressing over
// one letter buffer, so that the hundreds of thousands of lookups of a build allocate nothing.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::search {

class TermTable {
  public:
    // The id of `text`, adding it with the next id (size() before the call) if it is new.
    std::uint32_t intern(std::u32string_view text, bool* added = nullptr);
    std::optional<std::uint32_t> find(std::u32string_view text) const;

    std::size_t size() const { return m_terms.size(); }
    std::u32string_view text(std::uint32_t id) const {
        return std::u32string_view(m_letters).substr(m_terms[id].offset, m_terms[id].length);
    }

  private:
    struct Term {
        std::uint32_t offset;
        std::uint32_t length;
        std::uint32_t hash;
    };
    static constexpr std::uint32_t k_empty = 0; // slots hold id + 1

    std::size_t slot_of(std::u32string_view text, std::uint32_t hash) const;
    void grow();

    std::u32string m_letters;
    std::vector<Term> m_terms;
    std::vector<std::uint32_t> m_slots;
};

} // namespace support::search

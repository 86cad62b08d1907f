#include "shared/core/search/term_table.h"

namespace support::search {

namespace {

std::uint32_t hash_of(std::u32string_view text) {
    std::uint32_t hash = 2166136261u; // FNV-1a over code points
    for (char32_t c : text) {
        hash ^= static_cast<std::uint32_t>(c);
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

std::size_t TermTable::slot_of(std::u32string_view text, std::uint32_t hash) const {
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const std::uint32_t entry = m_slots[slot];
        if (entry == k_empty)
            return slot;
        const Term& term = m_terms[entry - 1];
        if (term.hash == hash && this->text(entry - 1) == text)
            return slot;
    }
}

void TermTable::grow() {
    std::vector<std::uint32_t> slots(m_slots.empty() ? 1024 : m_slots.size() * 2, k_empty);
    const std::size_t mask = slots.size() - 1;
    for (std::uint32_t id = 0; id < m_terms.size(); ++id) {
        std::size_t slot = m_terms[id].hash & mask;
        while (slots[slot] != k_empty)
            slot = (slot + 1) & mask;
        slots[slot] = id + 1;
    }
    m_slots = std::move(slots);
}

std::uint32_t TermTable::intern(std::u32string_view text, bool* added) {
    if ((m_terms.size() + 1) * 2 > m_slots.size())
        grow();
    const std::uint32_t hash = hash_of(text);
    const std::size_t slot = slot_of(text, hash);
    if (m_slots[slot] != k_empty) {
        if (added)
            *added = false;
        return m_slots[slot] - 1;
    }
    const auto id = static_cast<std::uint32_t>(m_terms.size());
    m_terms.push_back(
        Term{static_cast<std::uint32_t>(m_letters.size()), static_cast<std::uint32_t>(text.size()), hash});
    m_letters.append(text);
    m_slots[slot] = id + 1;
    if (added)
        *added = true;
    return id;
}

std::optional<std::uint32_t> TermTable::find(std::u32string_view text) const {
    if (m_slots.empty())
        return std::nullopt;
    const std::size_t slot = slot_of(text, hash_of(text));
    if (m_slots[slot] == k_empty)
        return std::nullopt;
    return m_slots[slot] - 1;
}

} // namespace support::search

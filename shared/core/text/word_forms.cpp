#include "shared/core/text/word_forms.h"

#include "shared/core/text/english_stem.h"

#include <array>

namespace support::text {

namespace {

constexpr float k_variant_weight = 0.9f;
constexpr float k_stem_weight = 0.85f;

bool is_hebrew_letter(char32_t c) {
    return c >= 0x05D0 && c <= 0x05EA;
}

bool is_arabic_letter(char32_t c) {
    return (c >= 0x0620 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F);
}

bool starts_with(std::u32string_view word, std::u32string_view affix) {
    return word.size() >= affix.size() && word.substr(0, affix.size()) == affix;
}

bool ends_with(std::u32string_view word, std::u32string_view affix) {
    return word.size() >= affix.size() && word.substr(word.size() - affix.size()) == affix;
}

void append_english_forms(std::u32string_view word, WordForms& out) {
    char ascii[64];
    if (word.size() > sizeof ascii) {
        out.add(word, 1.0f);
        return;
    }
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (word[i] < U'a' || word[i] > U'z') {
            out.add(word, 1.0f);
            return;
        }
        ascii[i] = static_cast<char>(word[i]);
    }
    out.add_ascii(english_stem(std::string_view(ascii, word.size())), 1.0f);
}

void append_hebrew_forms(std::u32string_view word, WordForms& out) {
    constexpr std::u32string_view k_prefix_letters = U"והבלמשכ";
    constexpr std::size_t k_max_prefix_letters = 3;
    constexpr std::size_t k_min_remaining = 2;
    out.add(word, 1.0f);
    float weight = 1.0f;
    for (std::size_t stripped = 1; stripped <= k_max_prefix_letters; ++stripped) {
        if (word.size() < stripped + k_min_remaining ||
            k_prefix_letters.find(word[stripped - 1]) == std::u32string_view::npos)
            break;
        weight -= 0.1f;
        out.add(word.substr(stripped), weight);
    }
}

// Folded spellings: ة is ه, ى is ي and ك is ک after fold_for_search.
void append_arabic_forms(std::u32string_view word, WordForms& out) {
    constexpr std::array<std::u32string_view, 6> k_articles{U"وال", U"بال", U"کال", U"فال", U"لل", U"ال"};
    constexpr std::u32string_view k_proclitics = U"بلفک";
    constexpr std::array<std::u32string_view, 8> k_suffixes{U"ها", U"ان", U"ات", U"ون",
                                                            U"ين", U"يه", U"ه",  U"ي"};
    out.add(word, 1.0f);

    std::u32string_view base = word;
    if (base.size() > 3 && base[0] == U'و')
        base.remove_prefix(1);
    bool article = false;
    for (std::u32string_view prefix : k_articles) {
        if (starts_with(base, prefix) && base.size() - prefix.size() >= 2) {
            base.remove_prefix(prefix.size());
            article = true;
            break;
        }
    }
    if (!article && base.size() >= 4 && k_proclitics.find(base[0]) != std::u32string_view::npos) {
        out.add(base.substr(1), k_stem_weight);
    }
    if (base.size() != word.size())
        out.add(base, k_variant_weight);
    for (std::u32string_view suffix : k_suffixes) {
        if (ends_with(base, suffix) && base.size() - suffix.size() >= 2) {
            out.add(base.substr(0, base.size() - suffix.size()), k_stem_weight);
            break;
        }
    }
}

void append_persian_forms(std::u32string_view word, WordForms& out) {
    constexpr std::array<std::u32string_view, 3> k_prefixes{U"نمي", U"مي", U"بي"};
    constexpr std::array<std::u32string_view, 9> k_suffixes{U"هايي", U"هاي", U"ها", U"ترين", U"تر",
                                                            U"ان",   U"ات",  U"اي", U"ي"};
    constexpr std::size_t k_min_remaining = 3;
    out.add(word, 1.0f);
    std::u32string_view base = word;
    for (std::u32string_view prefix : k_prefixes) {
        if (starts_with(base, prefix) && base.size() - prefix.size() >= k_min_remaining) {
            base.remove_prefix(prefix.size());
            out.add(base, k_variant_weight);
            break;
        }
    }
    for (std::u32string_view suffix : k_suffixes) {
        if (ends_with(base, suffix) && base.size() - suffix.size() >= k_min_remaining) {
            out.add(base.substr(0, base.size() - suffix.size()), k_stem_weight);
            break;
        }
    }
}

} // namespace

bool WordForms::contains(std::u32string_view text) const {
    for (std::size_t i = 0; i < m_spans.size(); ++i)
        if (this->text(i) == text)
            return true;
    return false;
}

void WordForms::add(std::u32string_view text, float weight) {
    if (text.empty() || contains(text))
        return;
    const auto offset = static_cast<std::uint32_t>(m_letters.size());
    const bool inside = !m_letters.empty() && text.data() >= m_letters.data() &&
                        text.data() < m_letters.data() + m_letters.size();
    if (inside)
        m_letters.append(m_letters, static_cast<std::size_t>(text.data() - m_letters.data()), text.size());
    else
        m_letters.append(text);
    m_spans.push_back(Span{offset, static_cast<std::uint32_t>(text.size()), weight});
}

void WordForms::add_ascii(std::string_view text, float weight) {
    const std::size_t offset = m_letters.size();
    for (char c : text)
        m_letters += static_cast<char32_t>(static_cast<unsigned char>(c));
    const std::u32string_view added = std::u32string_view(m_letters).substr(offset);
    if (added.empty() || contains(added)) {
        m_letters.resize(offset);
        return;
    }
    m_spans.push_back(
        Span{static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(text.size()), weight});
}

void append_word_forms(Language language, std::u32string_view folded, WordForms& out) {
    if (folded.empty())
        return;
    const char32_t first = folded[0];
    if (language == Language::English) {
        append_english_forms(folded, out);
    } else if (is_hebrew_letter(first)) {
        append_hebrew_forms(folded, out);
    } else if (is_arabic_letter(first) && language == Language::Persian) {
        append_persian_forms(folded, out);
    } else if (is_arabic_letter(first)) {
        append_arabic_forms(folded, out);
    } else {
        out.add(folded, 1.0f);
    }
}

} // namespace support::text

// The Snowball "english" (Porter2) stemmer, written out by hand from the published algorithm
// (snowballstem.org, algorithms/english/stemmer.html, Snowball 2.x: R1 exceptions gener, commun,
// arsen). Search indexes every token through it, so it works in place on the one result string:
// no regex, no streams, no exceptions, no allocation beyond the copy of the input.
//
// The word is edited only at its end, so R1 and R2 stay fixed offsets from its start, exactly as
// Snowball's p1 and p2 marks do. Internally a 'y' that acts as a consonant is written 'Y' (it is
// not a vowel) and turned back into 'y' at the end.

#include "shared/core/text/english_stem.h"

#include <array>
#include <cstddef>

namespace support::text {
namespace {

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// The last letter of a short syllable may be any non-vowel except w, x and the consonant Y.
bool is_vowel_or_wxy(char c) {
    return is_vowel(c) || c == 'w' || c == 'x' || c == 'Y';
}

// Letters that may precede a removed "li" in step 2.
bool is_valid_li_ending(char c) {
    return c == 'c' || c == 'd' || c == 'e' || c == 'g' || c == 'h' || c == 'k' || c == 'm' || c == 'n' ||
           c == 'r' || c == 't';
}

bool is_stemmable_input(std::string_view word) {
    for (char c : word) {
        if ((c < 'a' || c > 'z') && c != '\'')
            return false;
    }
    return true;
}

// Compares from the last letter backwards: most candidate suffixes fail on it, which keeps the
// many table look-ups per word cheap.
bool ends_with(const std::string& s, std::string_view suffix) {
    if (suffix.size() > s.size())
        return false;
    for (std::size_t i = 1; i <= suffix.size(); ++i) {
        if (s[s.size() - i] != suffix[suffix.size() - i])
            return false;
    }
    return true;
}

// Replaces the last `suffix_length` characters with `replacement`. Never longer than the
// input, so this never reallocates.
void replace_ending(std::string& s, std::size_t suffix_length, std::string_view replacement) {
    s.replace(s.size() - suffix_length, suffix_length, replacement);
}

// Returns the rule with the longest suffix that `s` ends with, or nullptr. Tables are listed
// longest first, which is how Snowball's `among` picks: the longest match wins even when its
// condition then fails (no fallback to a shorter suffix).
template <typename Rule, std::size_t N>
const Rule* longest_ending(const std::string& s, const std::array<Rule, N>& rules) {
    for (const Rule& rule : rules) {
        if (ends_with(s, rule.suffix))
            return &rule;
    }
    return nullptr;
}

// The position just after the first non-vowel that follows a vowel, searching from `from`;
// s.size() when there is none. This is how R1 (from 0) and R2 (from R1) start.
std::size_t region_after(const std::string& s, std::size_t from) {
    std::size_t i = from;
    while (i < s.size() && !is_vowel(s[i]))
        ++i;
    if (i == s.size())
        return s.size();
    ++i;
    while (i < s.size() && is_vowel(s[i]))
        ++i;
    if (i == s.size())
        return s.size();
    return i + 1;
}

struct Regions {
    std::size_t r1;
    std::size_t r2;
};

Regions mark_regions(const std::string& s) {
    // These prefixes would otherwise put R1 too early ("general" vs "generous" and so on).
    static constexpr std::array<std::string_view, 3> kR1Prefixes = {"gener", "commun", "arsen"};
    std::size_t r1 = std::string::npos;
    for (std::string_view prefix : kR1Prefixes) {
        if (std::string_view(s).substr(0, prefix.size()) == prefix)
            r1 = prefix.size();
    }
    if (r1 == std::string::npos)
        r1 = region_after(s, 0);
    return Regions{r1, region_after(s, r1)};
}

// Whether s[0, end) ends in a short syllable: non-vowel, vowel, non-vowel other than w, x, Y;
// or, at the very start of the word, vowel then non-vowel.
bool ends_in_short_syllable(const std::string& s, std::size_t end) {
    if (end >= 3 && !is_vowel_or_wxy(s[end - 1]) && is_vowel(s[end - 2]) && !is_vowel(s[end - 3]))
        return true;
    return end == 2 && !is_vowel(s[1]) && is_vowel(s[0]);
}

bool has_vowel_before(const std::string& s, std::size_t end) {
    for (std::size_t i = 0; i < end; ++i) {
        if (is_vowel(s[i]))
            return true;
    }
    return false;
}

// Whole words with a fixed stem, checked before anything else.
struct ExceptionalForm {
    std::string_view word;
    std::string_view stem;
};
constexpr std::array<ExceptionalForm, 18> kExceptionalForms = {{
    {"skis", "ski"},
    {"skies", "sky"},
    {"dying", "die"},
    {"lying", "lie"},
    {"tying", "tie"},
    {"idly", "idl"},
    {"gently", "gentl"},
    {"ugly", "ugli"},
    {"early", "earli"},
    {"only", "onli"},
    {"singly", "singl"},
    {"sky", "sky"},
    {"news", "news"},
    {"howe", "howe"},
    {"atlas", "atlas"},
    {"cosmos", "cosmos"},
    {"bias", "bias"},
    {"andes", "andes"},
}};

// Words that step 1a may leave and that must not be stemmed further.
constexpr std::array<std::string_view, 8> kInvariantAfterStep1a = {
    "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"};

void mark_consonant_ys(std::string& s) {
    if (!s.empty() && s[0] == 'y')
        s[0] = 'Y';
    for (std::size_t i = 1; i < s.size(); ++i) {
        // s[i - 1] is already final here, so "ayy" gives "aYy": the Y made just before is no vowel.
        if (s[i] == 'y' && is_vowel(s[i - 1]))
            s[i] = 'Y';
    }
}

void step_0_and_1a(std::string& s) {
    if (ends_with(s, "'s'"))
        replace_ending(s, 3, "");
    else if (ends_with(s, "'s"))
        replace_ending(s, 2, "");
    else if (ends_with(s, "'"))
        replace_ending(s, 1, "");

    if (ends_with(s, "sses")) {
        replace_ending(s, 4, "ss");
    } else if (ends_with(s, "ied") || ends_with(s, "ies")) {
        // "ties" -> "tie" but "cries" -> "cri": at least two letters must stay before the "i".
        replace_ending(s, 3, s.size() > 4 ? "i" : "ie");
    } else if (ends_with(s, "ss") || ends_with(s, "us")) {
        // "caress", "campus": left alone.
    } else if (ends_with(s, "s")) {
        // Drop the s when a vowel comes before the letter just ahead of it: "gaps" -> "gap",
        // but "gas" and "this" keep theirs.
        if (s.size() >= 3 && has_vowel_before(s, s.size() - 2))
            replace_ending(s, 1, "");
    }
}

struct Step1bRule {
    std::string_view suffix;
    bool is_eed;
};
constexpr std::array<Step1bRule, 6> kStep1bRules = {{
    {"eedly", true},
    {"ingly", false},
    {"edly", false},
    {"eed", true},
    {"ing", false},
    {"ed", false},
}};

void step_1b(std::string& s, const Regions& regions) {
    const Step1bRule* rule = longest_ending(s, kStep1bRules);
    if (rule == nullptr)
        return;
    std::size_t start = s.size() - rule->suffix.size();
    if (rule->is_eed) {
        if (start >= regions.r1)
            replace_ending(s, rule->suffix.size(), "ee");
        return;
    }
    if (!has_vowel_before(s, start))
        return;
    s.resize(start);
    if (ends_with(s, "at") || ends_with(s, "bl") || ends_with(s, "iz")) {
        s.push_back('e');
    } else if (s.size() >= 2 && s[s.size() - 1] == s[s.size() - 2] &&
               std::string_view("bdfgmnprt").find(s.back()) != std::string_view::npos) {
        s.pop_back();
    } else if (s.size() == regions.r1 && ends_in_short_syllable(s, s.size())) {
        // A short word: "hoping" -> "hope".
        s.push_back('e');
    }
}

void step_1c(std::string& s) {
    std::size_t n = s.size();
    if (n >= 3 && (s[n - 1] == 'y' || s[n - 1] == 'Y') && !is_vowel(s[n - 2]))
        s[n - 1] = 'i';
}

enum class Condition { None, PrecededByL, PrecededByValidLi, InR2, PrecededBySOrT };

struct SuffixRule {
    std::string_view suffix;
    std::string_view replacement;
    Condition condition;
};

constexpr std::array<SuffixRule, 24> kStep2Rules = {{
    {"ational", "ate", Condition::None},   {"fulness", "ful", Condition::None},
    {"iveness", "ive", Condition::None},   {"ization", "ize", Condition::None},
    {"ousness", "ous", Condition::None},   {"biliti", "ble", Condition::None},
    {"lessli", "less", Condition::None},   {"tional", "tion", Condition::None},
    {"alism", "al", Condition::None},      {"aliti", "al", Condition::None},
    {"ation", "ate", Condition::None},     {"entli", "ent", Condition::None},
    {"fulli", "ful", Condition::None},     {"iviti", "ive", Condition::None},
    {"ousli", "ous", Condition::None},     {"abli", "able", Condition::None},
    {"alli", "al", Condition::None},       {"anci", "ance", Condition::None},
    {"ator", "ate", Condition::None},      {"enci", "ence", Condition::None},
    {"izer", "ize", Condition::None},      {"bli", "ble", Condition::None},
    {"ogi", "og", Condition::PrecededByL}, {"li", "", Condition::PrecededByValidLi},
}};

constexpr std::array<SuffixRule, 9> kStep3Rules = {{
    {"ational", "ate", Condition::None},
    {"tional", "tion", Condition::None},
    {"alize", "al", Condition::None},
    {"ative", "", Condition::InR2},
    {"icate", "ic", Condition::None},
    {"iciti", "ic", Condition::None},
    {"ical", "ic", Condition::None},
    {"ness", "", Condition::None},
    {"ful", "", Condition::None},
}};

constexpr std::array<SuffixRule, 18> kStep4Rules = {{
    {"ement", "", Condition::None},
    {"ance", "", Condition::None},
    {"ence", "", Condition::None},
    {"able", "", Condition::None},
    {"ible", "", Condition::None},
    {"ment", "", Condition::None},
    {"ant", "", Condition::None},
    {"ate", "", Condition::None},
    {"ent", "", Condition::None},
    {"ion", "", Condition::PrecededBySOrT},
    {"ism", "", Condition::None},
    {"iti", "", Condition::None},
    {"ive", "", Condition::None},
    {"ize", "", Condition::None},
    {"ous", "", Condition::None},
    {"al", "", Condition::None},
    {"er", "", Condition::None},
    {"ic", "", Condition::None},
}};

bool condition_holds(Condition condition, const std::string& s, std::size_t start, const Regions& regions) {
    char before = start > 0 ? s[start - 1] : '\0';
    switch (condition) {
    case Condition::None:
        return true;
    case Condition::PrecededByL:
        return before == 'l';
    case Condition::PrecededByValidLi:
        return is_valid_li_ending(before);
    case Condition::InR2:
        return start >= regions.r2;
    case Condition::PrecededBySOrT:
        return before == 's' || before == 't';
    }
    return false;
}

// Steps 2, 3 and 4: take the longest listed suffix; if it starts inside `region` and its
// condition holds, put its replacement in its place.
template <std::size_t N>
void replace_suffix_in_region(std::string& s, const std::array<SuffixRule, N>& rules, std::size_t region,
                              const Regions& regions) {
    if (region >= s.size())
        return; // No suffix can start inside an empty region.
    const SuffixRule* rule = longest_ending(s, rules);
    if (rule == nullptr)
        return;
    std::size_t start = s.size() - rule->suffix.size();
    if (start >= region && condition_holds(rule->condition, s, start, regions))
        replace_ending(s, rule->suffix.size(), rule->replacement);
}

void step_5(std::string& s, const Regions& regions) {
    if (s.empty())
        return;
    std::size_t start = s.size() - 1;
    if (s.back() == 'e') {
        if (start >= regions.r2 || (start >= regions.r1 && !ends_in_short_syllable(s, start)))
            s.pop_back();
    } else if (s.back() == 'l') {
        if (start >= regions.r2 && start > 0 && s[start - 1] == 'l')
            s.pop_back();
    }
}

void restore_ys(std::string& s) {
    for (char& c : s) {
        if (c == 'Y')
            c = 'y';
    }
}

} // namespace

std::string english_stem(std::string_view word) {
    std::string s(word);
    if (s.size() <= 2 || !is_stemmable_input(word))
        return s;
    for (const ExceptionalForm& form : kExceptionalForms) {
        if (word == form.word) {
            s = form.stem;
            return s;
        }
    }

    if (s[0] == '\'')
        s.erase(0, 1);
    mark_consonant_ys(s);
    const Regions regions = mark_regions(s);

    step_0_and_1a(s);
    bool invariant = false;
    for (std::string_view form : kInvariantAfterStep1a) {
        if (s == form)
            invariant = true;
    }
    if (!invariant) {
        step_1b(s, regions);
        step_1c(s);
        replace_suffix_in_region(s, kStep2Rules, regions.r1, regions);
        replace_suffix_in_region(s, kStep3Rules, regions.r1, regions);
        replace_suffix_in_region(s, kStep4Rules, regions.r2, regions);
        step_5(s, regions);
    }
    restore_ys(s);
    return s;
}

} // namespace support::text

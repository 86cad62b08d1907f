#pragma once
// The widget's own words in one language: a message catalogue read from a JSON data file
// (widget/messages/<language>.json). Each entry is keyed by its English text; its value is the
// translation, or for words with a count an object of plural forms ({"one": "{count} article
// found", "other": "{count} articles found"}). Placeholders in braces are filled in when the
// message is given out. A message the catalogue lacks is given in English (its key), so a
// missing translation is never a blank.
//
//   SW_TRY(auto he, MessageCatalogue::parse(json_text, "he"));
//   he.text("Was this helpful?");                        // "האם זה עזר?"
//   he.count("{count} articles found", 2);                // "נמצאו שני מאמרים"
//   he.text("We will reply to {email}.", {{"email", a}}); // placeholders

#include "shared/core/i18n/number_digits.h"
#include "shared/core/i18n/placeholders.h"
#include "shared/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace support::i18n {

class MessageCatalogue {
  public:
    MessageCatalogue() = default; // English: every message is its key

    // Errors (stable ids, with the entry's JSON pointer as the field): messages.bad_json,
    // messages.not_an_object, messages.bad_entry, messages.bad_plural.
    static Result<MessageCatalogue> parse(std::string_view json, std::string language_tag);

    const std::string& language() const { return m_language; }
    std::size_t size() const { return m_entries.size(); }
    bool has(std::string_view key) const;
    // The keys, sorted; for checks that catalogues agree.
    std::vector<std::string_view> keys() const;

    std::string text(std::string_view key, MessageArguments arguments = {}) const;
    // The message as stored (placeholders unfilled; a plural message's "other" form), or nullptr
    // when the catalogue lacks it: no copy, for words drawn every frame.
    const std::string* find_text(std::string_view key) const;
    // The plural form for `n` (its {count} filled in, in the locale's digits), from the language's
    // plural rules.
    std::string count(std::string_view key, std::uint64_t n, MessageArguments arguments = {}) const;

    // The digits {count} is written with (ASCII until set: the catalogue knows its language, the
    // locale's region decides, number_digits_for()).
    void set_number_digits(NumberDigits digits) { m_digits = digits; }
    NumberDigits number_digits() const { return m_digits; }

  private:
    struct Entry {
        std::string key;
        std::string text;                                       // when it has no plural forms
        std::vector<std::pair<std::string, std::string>> forms; // category name → text
    };
    const Entry* find(std::string_view key) const;

    std::string m_language = "en";
    NumberDigits m_digits = NumberDigits::Latin;
    std::vector<Entry> m_entries; // sorted by key
};

} // namespace support::i18n

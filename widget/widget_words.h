#pragma once
// The widget's own words (buttons, headings, statuses, announcements, the guide callout's
// controls) in the shopper's language: the catalogue of widget/messages/<language>.json for
// Hebrew, Arabic and Persian, fetched once at start (published beside the fonts under their one
// hash); English is the messages' own text, with its plural forms compiled in from en.json.
//
//   tr("Was this helpful?")                    // the current language's words
//   tr("We will reply to {email}.", {{"email", address}})
//   tr_count("{count} articles found", n)      // the plural form n takes in this language
//   format_number(3)                           // "3", "٣" or "۳": the locale's digits

#include "shared/core/i18n/message_catalogue.h"

#include <functional>
#include <string>
#include <string_view>

namespace support::widget {

// The catalogue for a BCP 47 tag: "he-IL" → "he"; "" for English or a language with none.
std::string catalogue_language(std::string_view locale);

// Starts with English; loads `locale`'s catalogue when there is one, then calls `done` (also on a
// failure, after a console warning: the words stay English).
void load_words(std::string_view locale, std::function<void()> done);

// Whether the catalogue asked for is here (or will not come).
bool words_ready();

// The words as they are: the catalogue's text, or `english` itself (a string literal) when the
// catalogue lacks it. Valid until the catalogue changes, which happens before the first frame.
const char* tr(const char* english);
std::string tr(std::string_view english, i18n::MessageArguments arguments);
std::string tr_count(std::string_view english, std::uint64_t n, i18n::MessageArguments arguments = {});
// A number in the shopper's digits ("۳" in Persian); tr_count() writes {count} with them too.
std::string format_number(std::uint64_t n);
i18n::NumberDigits number_digits();

} // namespace support::widget

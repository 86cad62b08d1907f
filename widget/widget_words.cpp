#include "widget/widget_words.h"

#include "shared/core/text/language.h"
#include "shared/web/fetch_text.h"
#include "shared/web/web_app.h"

#include <cstdio>
#include <utility>

namespace support::widget {
namespace detail {
// Generated from widget/messages/en.json by widget/CMakeLists.txt: its plural entries.
extern const char* const k_english_plurals;
} // namespace detail

namespace {

struct Words {
    i18n::MessageCatalogue catalogue;
    bool ready = true;
};

Words& words() {
    static Words instance = [] {
        Words w;
        if (auto english = i18n::MessageCatalogue::parse(detail::k_english_plurals, "en"))
            w.catalogue = std::move(*english);
        return w;
    }();
    return instance;
}

} // namespace

std::string catalogue_language(std::string_view locale) {
    switch (text::language_from_tag(locale)) {
    case text::Language::Hebrew:
        return "he";
    case text::Language::Arabic:
        return "ar";
    case text::Language::Persian:
        return "fa";
    case text::Language::English:
    case text::Language::Other:
        break;
    }
    return {};
}

void load_words(std::string_view locale, std::function<void()> done) {
    const std::string language = catalogue_language(locale);
    const std::string url =
        language.empty() ? std::string() : web::asset_url("messages/" + language + ".json");
    if (url.empty()) {
        done();
        return;
    }
    words().ready = false;
    web::fetch_text(url, [language, locale = std::string(locale),
                          done = std::move(done)](Result<web::FetchedText> fetched) {
        Result<i18n::MessageCatalogue> catalogue =
            fetched ? i18n::MessageCatalogue::parse(fetched->body, language)
                    : Result<i18n::MessageCatalogue>(fetched.error());
        if (catalogue) {
            catalogue->set_number_digits(i18n::number_digits_for(locale));
            words().catalogue = std::move(*catalogue);
        } else {
            std::fprintf(stderr,
                         "SupportWidget: the %s words could not be loaded (%s at %s: %s); using English\n",
                         language.c_str(), catalogue.error().code.c_str(), catalogue.error().field.c_str(),
                         catalogue.error().message.c_str());
        }
        words().ready = true;
        done();
    });
}

bool words_ready() {
    return words().ready;
}

const char* tr(const char* english) {
    const std::string* text = words().catalogue.find_text(english);
    return text ? text->c_str() : english;
}

std::string tr(std::string_view english, i18n::MessageArguments arguments) {
    return words().catalogue.text(english, arguments);
}

std::string tr_count(std::string_view english, std::uint64_t n, i18n::MessageArguments arguments) {
    return words().catalogue.count(english, n, arguments);
}

std::string format_number(std::uint64_t n) {
    return i18n::format_integer(n, words().catalogue.number_digits());
}

i18n::NumberDigits number_digits() {
    return words().catalogue.number_digits();
}

} // namespace support::widget

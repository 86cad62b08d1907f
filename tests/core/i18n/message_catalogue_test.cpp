#include "shared/core/i18n/message_catalogue.h"

#include "catch_amalgamated.hpp"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace support::i18n;

namespace {

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path);
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

MessageCatalogue catalogue_of(const char* language) {
    const std::filesystem::path file =
        std::filesystem::path(SW_MESSAGES_DIR) / (std::string(language) + ".json");
    auto parsed = MessageCatalogue::parse(read(file), language);
    INFO(file.string() << ": " << (parsed ? "" : parsed.error().message + " at " + parsed.error().field));
    REQUIRE(parsed);
    return std::move(*parsed);
}

std::set<std::string> placeholders_in(const std::string& text) {
    std::set<std::string> names;
    const std::regex placeholder("\\{([a-z]+)\\}");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), placeholder); it != std::sregex_iterator();
         ++it)
        names.insert((*it)[1]);
    return names;
}

} // namespace

TEST_CASE("A message is given in the catalogue's language, and in English when it has none") {
    auto he = MessageCatalogue::parse(R"({"Yes": "כן", "Send": "שליחה"})", "he");
    REQUIRE(he);
    CHECK(he->text("Yes") == "כן");
    CHECK(he->text("Retry") == "Retry");
    CHECK(MessageCatalogue().text("Yes") == "Yes");
}

TEST_CASE("Placeholders are filled in, and the same one more than once") {
    auto fa = MessageCatalogue::parse(
        R"({"We will reply to {email}.": "به {email} پاسخ می‌دهیم."})", "fa");
    REQUIRE(fa);
    CHECK(fa->text("We will reply to {email}.", {{"email", "ada@example.com"}}) ==
          "به ada@example.com پاسخ می‌دهیم.");
    CHECK(fill_placeholders("{a} and {a}, not {b}", {{"a", "x{a}"}}) == "x{a} and x{a}, not {b}");
}

TEST_CASE("A count takes the plural form its language's rules choose") {
    auto ar = MessageCatalogue::parse(R"j({"{count} articles found": {
        "zero": "لا مقالات", "one": "مقالة واحدة", "two": "مقالتان",
        "few": "{count} مقالات", "many": "{count} مقالة", "other": "{count} مقالة (other)"
}
})j",
                                      "ar");
    REQUIRE(ar);
    CHECK(ar->count("{count} articles found", 0) == "لا مقالات");
    CHECK(ar->count("{count} articles found", 2) == "مقالتان");
    CHECK(ar->count("{count} articles found", 5) == "5 مقالات");
    CHECK(ar->count("{count} articles found", 12) == "12 مقالة");
    CHECK(ar->count("{count} articles found", 100) == "100 مقالة (other)");
    // In Egypt, with Arabic-Indic digits.
    ar->set_number_digits(number_digits_for("ar-EG"));
    CHECK(ar->count("{count} articles found", 12) == "١٢ مقالة");
    // A language missing a category it needs falls back to "other".
    auto he = MessageCatalogue::parse(
        R"({"{count} articles found": {"one": "מאמר אחד", "other": "{count} מאמרים"}})", "he");
    REQUIRE(he);
    CHECK(he->count("{count} articles found", 2) == "2 מאמרים");
    // Without the message, the English key with its number.
    CHECK(MessageCatalogue().count("{count} articles found", 3) == "3 articles found");
}

TEST_CASE("A catalogue that is not one gives an error with a stable id and where it is") {
    auto bad_json = MessageCatalogue::parse("{\"Yes\": ", "he");
    REQUIRE_FALSE(bad_json);
    CHECK(bad_json.error().code == "messages.bad_json");
    auto array = MessageCatalogue::parse("[]", "he");
    REQUIRE_FALSE(array);
    CHECK(array.error().code == "messages.not_an_object");
    auto number = MessageCatalogue::parse(R"({"Yes": 1})", "he");
    REQUIRE_FALSE(number);
    CHECK(number.error().code == "messages.bad_entry");
    CHECK(number.error().field == "/Yes");
    auto category = MessageCatalogue::parse(R"({"{count} a/b": {"several": "x", "other": "y"}})", "he");
    REQUIRE_FALSE(category);
    CHECK(category.error().code == "messages.bad_plural");
    CHECK(category.error().field == "/{count} a~1b/several");
    auto no_other = MessageCatalogue::parse(R"({"{count} x": {"one": "x"}})", "he");
    REQUIRE_FALSE(no_other);
    CHECK(no_other.error().code == "messages.bad_plural");
}

TEST_CASE("The widget's catalogues have every English message, each plural form their language needs, and "
          "the same placeholders") {
    const MessageCatalogue en = catalogue_of("en");
    CHECK(en.size() > 60);
    for (const char* language : {"he", "ar", "fa"}) {
        const MessageCatalogue translated = catalogue_of(language);
        INFO(language);
        CHECK(translated.keys() == en.keys());
        for (const std::string_view key : en.keys()) {
            INFO(key);
            const std::string english = en.text(key);
            CHECK(placeholders_in(translated.text(key)) == placeholders_in(std::string(key)));
            CHECK(translated.text(key) != ""); // never blank
            if (key.find("{count}") == std::string_view::npos)
                continue;
            // Every count from 0 to 120 reads in this language's own words, never the English key.
            for (unsigned n = 0; n <= 120; ++n)
                CHECK(translated.count(key, n) != en.count(key, n));
        }
    }
}

TEST_CASE("Every word the widget says is in the English catalogue") {
    // tr("…") and tr_count("…", n) in the widget's sources: each key must be in en.json, or the
    // other languages could never translate it.
    const MessageCatalogue en = catalogue_of("en");
    const std::regex call("\\btr(?:_count)?\\(\"((?:[^\"\\\\]|\\\\.)*)\"");
    std::size_t calls = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(SW_WIDGET_SOURCE_DIR)) {
        if (entry.path().extension() != ".cpp")
            continue;
        const std::string source = read(entry.path());
        for (auto it = std::sregex_iterator(source.begin(), source.end(), call); it != std::sregex_iterator();
             ++it) {
            std::string key = (*it)[1];
            // The sources write a few characters as UTF-8 escapes.
            for (const auto& [escape, text] : {std::pair<std::string, std::string>{"\\xE2\\x80\\xA6", "…"},
                                               {"\\xE2\\x80\\x9C", "“"},
                                               {"\\xE2\\x80\\x9D", "”"}}) {
                for (std::size_t at = key.find(escape); at != std::string::npos; at = key.find(escape))
                    key.replace(at, escape.size(), text);
            }
            INFO(entry.path().filename().string() << ": " << key);
            CHECK(en.has(key));
            ++calls;
        }
    }
    CHECK(calls > 50);
}

#include "shared/core/text/word_breaker.h"

#include "shared/core/text/fold_for_search.h"

#include "catch_amalgamated.hpp"

#include <vector>

using namespace support::text;

namespace {

struct SeenWord {
    std::string text;   // the bytes of the original range
    std::string folded; // the joined folded word
    std::vector<std::string> parts;
};

std::vector<SeenWord> words_of(std::string_view text) {
    std::vector<SeenWord> seen;
    WordBreaker breaker(text);
    Word word;
    while (breaker.next(word)) {
        SeenWord entry{std::string(text.substr(word.begin, word.end - word.begin)), to_utf8(word.folded), {}};
        if (word.part_count() > 1)
            for (std::size_t i = 0; i < word.part_count(); ++i)
                entry.parts.push_back(to_utf8(word.part(i)));
        seen.push_back(entry);
    }
    return seen;
}

} // namespace

TEST_CASE("Words carry the byte range they came from, punctuation splits them") {
    const auto words = words_of("Returns: 30 days, no receipt!");
    REQUIRE(words.size() == 5);
    CHECK(words[0].text == "Returns");
    CHECK(words[0].folded == "returns");
    CHECK(words[1].text == "30");
    CHECK(words[4].text == "receipt");
}

TEST_CASE("Apostrophes inside English words do not split them") {
    const auto words = words_of("don't");
    REQUIRE(words.size() == 1);
    CHECK(words[0].folded == "dont");
}

TEST_CASE("Hebrew geresh and gershayim stay inside words") {
    auto words = words_of("שלחו דוא\"ל על צ'יפס");
    REQUIRE(words.size() == 4);
    CHECK(words[1].text == "דוא\"ל");
    CHECK(words[1].folded == "דואל");
    CHECK(words[3].text == "צ'יפס");
    words = words_of("חיבור בלוטות' לטלפון");
    REQUIRE(words.size() == 3);
    CHECK(words[1].text == "בלוטות'"); // a closing geresh belongs to the word
    words = words_of("דו״ח");          // Hebrew gershayim U+05F4
    REQUIRE(words.size() == 1);
    CHECK(words[0].folded == "דוח");
}

TEST_CASE("Hebrew maqaf separates words") {
    CHECK(words_of("בית־ספר").size() == 2);
}

TEST_CASE("A Persian ZWNJ joins parts of one word that search also sees apart") {
    const auto words = words_of("می\xE2\x80\x8Cتوانید");
    REQUIRE(words.size() == 1);
    CHECK(words[0].folded == "ميتوانيد");
    CHECK(words[0].parts == std::vector<std::string>{"مي", "توانيد"});
}

TEST_CASE("Hyphenated words are one word with parts") {
    const auto words = words_of("Wi-Fi and USB-C");
    REQUIRE(words.size() == 3);
    CHECK(words[0].folded == "wifi");
    CHECK(words[0].parts == std::vector<std::string>{"wi", "fi"});
    CHECK(words[2].text == "USB-C");
    CHECK(words_of("well - known").size() == 2); // a free-standing hyphen is punctuation
}

TEST_CASE("Arabic words keep their byte ranges through tashkeel") {
    const std::string text = "سياسة الضَّمَان";
    const auto words = words_of(text);
    REQUIRE(words.size() == 2);
    CHECK(words[1].text == "الضَّمَان");
    CHECK(words[1].folded == "الضمان");
}

TEST_CASE("Invalid UTF-8 never stops the breaker") {
    const auto words = words_of("ok \xFF\xFE bad \xE2\x80");
    REQUIRE(words.size() == 2);
    CHECK(words[1].text == "bad");
}

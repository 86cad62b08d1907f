#include "shared/core/text/utf8.h"

#include "catch_amalgamated.hpp"

using namespace support::text;

TEST_CASE("UTF-8 decodes one to four byte sequences with their lengths") {
    const std::string text = "a\xC3\xA9\xD7\x90\xE2\x82\xAC\xF0\x9F\x98\x80";
    CHECK(decode_utf8(text, 0).value == U'a');
    CHECK(decode_utf8(text, 1).value == U'é');
    CHECK(decode_utf8(text, 3).value == U'א');
    CHECK(decode_utf8(text, 5).value == U'€');
    CHECK(decode_utf8(text, 8).value == U'\U0001F600');
    CHECK(decode_utf8(text, 8).length == 4);
}

TEST_CASE("Malformed UTF-8 decodes as one replacement character per bad byte") {
    for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xE2\x82", "\xF5\x80\x80\x80", "\x80"}) {
        CHECK(decode_utf8(bad, 0).value == k_replacement_character);
        CHECK(decode_utf8(bad, 0).length == 1);
        CHECK_FALSE(is_valid_utf8(bad));
    }
    CHECK(is_valid_utf8("שלום \xEF\xBF\xBD")); // a literal U+FFFD is valid
}

TEST_CASE("Encoding round-trips and truncation never splits a sequence") {
    std::string out;
    for (char32_t c : {U'a', U'é', U'ש', U'€', U'\U0001F600'})
        append_utf8(out, c);
    CHECK(out == "a\xC3\xA9\xD7\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    CHECK(truncate_utf8("שלום", 3) == "ש");
    CHECK(truncate_utf8("abc", 10) == "abc");
}

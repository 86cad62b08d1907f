#include "catch_amalgamated.hpp"

#include "shared/core/protocol/url_encoding.h"

using namespace support::protocol;

TEST_CASE("query parameters are found by name and form-decoded", "[url_encoding]") {
    CHECK(query_parameter("/c?locale=pt-BR", "locale") == "pt-BR");
    CHECK(query_parameter("/c?x=1&locale=he&locale=ar", "locale") == "he");
    CHECK(query_parameter("/c?q=send+back%21", "q") == "send back!");
    CHECK(query_parameter("/c?%6Cocale=en", "locale") == "en");
    CHECK(query_parameter("/c?locale=en#frag", "locale") == "en");
    CHECK(query_parameter("/c?locale", "locale") == "");
    CHECK(query_parameter("/c?locale=", "locale") == "");
}

TEST_CASE("absent parameters and malformed escapes give nothing", "[url_encoding]") {
    CHECK_FALSE(query_parameter("/c", "locale").has_value());
    CHECK_FALSE(query_parameter("/c?", "locale").has_value());
    CHECK_FALSE(query_parameter("/c?locales=en&xlocale=en", "locale").has_value());
    CHECK_FALSE(query_parameter("/c?locale=%zz", "locale").has_value());
    CHECK_FALSE(query_parameter("/c?locale=en%4", "locale").has_value());
    CHECK_FALSE(query_parameter("/c?locale=en%", "locale").has_value());
}

TEST_CASE("components are encoded so that decoding gives the same bytes back", "[url_encoding]") {
    CHECK(encode_url_component("pt-BR") == "pt-BR");
    CHECK(encode_url_component("my shop/a?b&c=d#e+f%") == "my%20shop%2Fa%3Fb%26c%3Dd%23e%2Bf%25");
    CHECK(encode_url_component("שלום") == "%D7%A9%D7%9C%D7%95%D7%9D");
    CHECK(encode_url_component("a.b_c~d") == "a.b_c~d");
    for (std::string_view text : {"", "a b+c", "שלום עולם", "%%", "\x00\xff", "?&=#/"}) {
        INFO(text);
        CHECK(decode_percent_escapes(encode_url_component(text)) == std::string(text));
        CHECK(decode_percent_escapes(encode_url_component(text), PlusIs::Space) == std::string(text));
    }
}

TEST_CASE("decoding keeps '+' in paths and reads it as a space in queries", "[url_encoding]") {
    CHECK(decode_percent_escapes("a+b%20c") == "a+b c");
    CHECK(decode_percent_escapes("a+b%20c", PlusIs::Space) == "a b c");
    CHECK_FALSE(decode_percent_escapes("%G0").has_value());
    CHECK(target_path("/a/b?c=d#e") == "/a/b");
    CHECK(target_path("/a#e?x") == "/a");
}

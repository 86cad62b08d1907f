// Query parameters as the content API reads them (?locale=…).
#include "catch_amalgamated.hpp"

#include "server/http/query_string.h"

using namespace support::server;

TEST_CASE("query parameters are found by name and form-decoded", "[query_string]") {
    CHECK(query_parameter("/c?locale=pt-BR", "locale") == "pt-BR");
    CHECK(query_parameter("/c?x=1&locale=he&locale=ar", "locale") == "he");
    CHECK(query_parameter("/c?q=send+back%21", "q") == "send back!");
    CHECK(query_parameter("/c?%6Cocale=en", "locale") == "en");
    CHECK(query_parameter("/c?locale=en#frag", "locale") == "en");
    CHECK(query_parameter("/c?locale", "locale") == "");
    CHECK(query_parameter("/c?locale=", "locale") == "");
}

TEST_CASE("absent parameters and malformed escapes give nothing", "[query_string]") {
    CHECK_FALSE(query_parameter("/c", "locale").has_value());
    CHECK_FALSE(query_parameter("/c?", "locale").has_value());
    CHECK_FALSE(query_parameter("/c?locales=en&xlocale=en", "locale").has_value());
    CHECK_FALSE(query_parameter("/c?locale=%zz", "locale").has_value());
    CHECK_FALSE(query_parameter("/c?locale=en%4", "locale").has_value());
    CHECK_FALSE(query_parameter("/c?locale=en%", "locale").has_value());
}

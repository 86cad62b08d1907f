// CSS selector syntax for guide step targets: the Chromium-checked fixture, each error id, where
// messages point and how they quote, and hostile input.
#include "catch_amalgamated.hpp"

#include "shared/core/guide/css_selector.h"

#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace support::guide;

namespace {

struct SelectorCase {
    int line = 0;
    std::string verdict;
    std::string selector;
};

// selector_cases.txt: "VERDICT<TAB>SELECTOR" lines; '#' comment lines and blank lines ignored.
std::vector<SelectorCase> load_cases() {
    std::ifstream file(SW_SELECTOR_CASES);
    REQUIRE(file.good());
    std::vector<SelectorCase> cases;
    std::string text;
    int line = 0;
    while (std::getline(file, text)) {
        ++line;
        if (text.empty() || text[0] == '#')
            continue;
        const std::size_t tab = text.find('\t');
        INFO("selector_cases.txt:" << line);
        REQUIRE(tab != std::string::npos);
        cases.push_back({line, text.substr(0, tab), text.substr(tab + 1)});
    }
    return cases;
}

std::string error_code(std::string_view selector) {
    const auto result = check_css_selector(selector);
    return result.has_value() ? std::string("ok") : result.error().code;
}

std::string message_of(std::string_view selector) {
    const auto result = check_css_selector(selector);
    REQUIRE_FALSE(result.has_value());
    return result.error().message;
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80    ? 1
                                   : lead >= 0xF0 ? 4
                                   : lead >= 0xE0 ? 3
                                   : lead >= 0xC2 ? 2
                                                  : 0;
        if (length == 0 || i + length > text.size())
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                return false;
        }
        i += length;
    }
    return true;
}

bool is_known_error(const std::string& code) {
    return code == "guide.selector.empty" || code == "guide.selector.too_long" ||
           code == "guide.selector.syntax" || code == "guide.selector.unknown_pseudo_class" ||
           code == "guide.selector.pseudo_element" || code == "guide.selector.too_deep";
}

std::string nested(std::string_view open, int depth, std::string_view inner) {
    std::string out;
    for (int i = 0; i < depth; ++i)
        out += open;
    out += inner;
    out.append(static_cast<std::size_t>(depth), ')');
    return out;
}

} // namespace

TEST_CASE("the selector fixture covers every verdict with enough cases") {
    const std::vector<SelectorCase> cases = load_cases();
    CHECK(cases.size() >= 120);
    int valid = 0, invalid = 0, element_never = 0;
    for (const SelectorCase& c : cases) {
        INFO("selector_cases.txt:" << c.line << " verdict " << c.verdict);
        CHECK((c.verdict == "valid" || c.verdict == "invalid" || c.verdict == "element-never"));
        valid += c.verdict == "valid";
        invalid += c.verdict == "invalid";
        element_never += c.verdict == "element-never";
    }
    CHECK(valid >= 40);
    CHECK(invalid >= 40);
    CHECK(element_never >= 5);
}

TEST_CASE("check_css_selector accepts every valid case of the fixture") {
    for (const SelectorCase& c : load_cases()) {
        if (c.verdict != "valid")
            continue;
        const auto result = check_css_selector(c.selector);
        INFO("selector_cases.txt:" << c.line << ": " << c.selector);
        INFO((result.has_value() ? std::string() : result.error().message));
        CHECK(result.has_value());
    }
}

TEST_CASE("check_css_selector rejects every invalid case of the fixture") {
    for (const SelectorCase& c : load_cases()) {
        if (c.verdict != "invalid")
            continue;
        INFO("selector_cases.txt:" << c.line << ": " << c.selector);
        const std::string code = error_code(c.selector);
        CHECK(code != "ok");
        CHECK(is_known_error(code));
    }
}

TEST_CASE("check_css_selector reports the fixture's element-never cases as pseudo-elements") {
    for (const SelectorCase& c : load_cases()) {
        if (c.verdict != "element-never")
            continue;
        INFO("selector_cases.txt:" << c.line << ": " << c.selector);
        CHECK(error_code(c.selector) == "guide.selector.pseudo_element");
    }
}

TEST_CASE("check_css_selector reports an empty selector as guide.selector.empty") {
    CHECK(error_code("") == "guide.selector.empty");
    CHECK(error_code(" \t\n") == "guide.selector.empty");
    CHECK(error_code("/* nothing */") == "guide.selector.empty");
    CHECK(error_code("/* unterminated") == "guide.selector.syntax");
}

TEST_CASE("check_css_selector reports more than 512 bytes as guide.selector.too_long") {
    CHECK(check_css_selector(std::string(k_max_selector_bytes, 'a')).has_value());
    const auto result = check_css_selector(std::string(k_max_selector_bytes + 1, 'a'));
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().code == "guide.selector.too_long");
    CHECK(result.error().message.find("513 bytes") != std::string::npos);
    CHECK(result.error().message.find("column 513") != std::string::npos);
    // A long selector with a mistake is told about the mistake first.
    CHECK(error_code(std::string(600, 'a') + "]") == "guide.selector.syntax");
}

TEST_CASE("check_css_selector reports bad tokens, brackets and strings as guide.selector.syntax") {
    for (const char* selector :
         {"input[name]]", "a[", "(", ")", "a >", "[a=\"b\nc\"]", "[a=\"b", "a\\", "#123", "a|b", "a\vb"}) {
        INFO(selector);
        CHECK(error_code(selector) == "guide.selector.syntax");
    }
    CHECK(error_code(std::string_view("a\0b", 3)) == "guide.selector.syntax");
}

TEST_CASE("check_css_selector reports an unknown pseudo-class by name") {
    const auto result = check_css_selector("a:hovr");
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().code == "guide.selector.unknown_pseudo_class");
    CHECK(result.error().message == "unknown pseudo-class ':hovr' at column 2 in \"a:hovr\"");
    CHECK(error_code(":contains(a)") == "guide.selector.unknown_pseudo_class");
    CHECK(error_code(":not(:hovr)") == "guide.selector.unknown_pseudo_class");
}

TEST_CASE("check_css_selector reports pseudo-elements, which a step cannot target") {
    const auto result = check_css_selector("p::before");
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().code == "guide.selector.pseudo_element");
    CHECK(result.error().field.empty());
    CHECK(result.error().message.rfind("pseudo-element '::before' at column 2 in \"p::before\"", 0) == 0);
    CHECK(error_code("p:first-letter") == "guide.selector.pseudo_element");
}

TEST_CASE("check_css_selector allows 8 nested functional pseudo-classes and reports a 9th as too_deep") {
    CHECK(check_css_selector(nested(":not(", 8, "a")).has_value());
    CHECK(check_css_selector(nested(":is(", 7, ":nth-child(2n+1)")).has_value());
    const auto result = check_css_selector(nested(":not(", 9, "a"));
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().code == "guide.selector.too_deep");
    CHECK(result.error().message.find("at column 41") != std::string::npos);
    CHECK(error_code(nested(":is(", 8, ":lang(en)")) == "guide.selector.too_deep");
}

TEST_CASE("check_css_selector names the column of an unexpected bracket") {
    CHECK(message_of("input[name]]") == "unexpected ']' at column 12 in \"input[name]]\"");
    CHECK(message_of("a)") == "unexpected ')' at column 2 in \"a)\"");
}

TEST_CASE("check_css_selector counts columns in characters, not bytes") {
    CHECK(message_of("é日]").find("at column 3") != std::string::npos);
}

TEST_CASE("check_css_selector explains common mistakes") {
    CHECK(message_of("#123").find("must not start with a digit") != std::string::npos);
    CHECK(message_of(".1a").find("must not start with a digit") != std::string::npos);
    CHECK(message_of("a,").find("a selector must follow ','") != std::string::npos);
    CHECK(message_of("a >").find("a selector must follow '>'") != std::string::npos);
    CHECK(message_of("[a=b s]").find("only the flag 'i'") != std::string::npos);
    CHECK(message_of("[a=\"b").find("unterminated string") != std::string::npos);
    CHECK(message_of("[a=\"b\nc\"]").rfind("line break inside a string (write \\A for one) at column 6", 0) ==
          0);
    CHECK(message_of("a /* x").find("unterminated comment (the closing '*/' is missing) at column 3") !=
          std::string::npos);
    CHECK(message_of(":has(:is(:has(a)))").find("':has()' inside ':has()'") != std::string::npos);
}

TEST_CASE("check_css_selector rejects what the browser forgives but what never helps a guide") {
    // querySelector() accepts these, closing what is open at the end, dropping what it does not
    // understand inside :is() and :where(), or treating a trailing '\' as U+FFFD. Each is almost
    // certainly a typo.
    for (const char* selector :
         {"[a", "[a=b", "[a=\"b", ":not(a", "a /* x", "a\\", "#\\", ":is(:unknown)", ":where(a, :hovr)",
          ":is(> a)", ":dir(up)", ":has(:is(:has(a)))", "&", "*|*", "|a", "[*|a]", ":is(a, ::before)"}) {
        INFO(selector);
        CHECK_FALSE(check_css_selector(selector).has_value());
    }
}

TEST_CASE("check_css_selector treats LF, CR, CRLF, FF and tab as whitespace, but not VT") {
    CHECK(check_css_selector("a\nb").has_value());
    CHECK(check_css_selector("a\rb").has_value());
    CHECK(check_css_selector("a\r\nb").has_value());
    CHECK(check_css_selector("a\fb").has_value());
    CHECK(check_css_selector("ul\n  > li").has_value());
    CHECK(check_css_selector("#\\31\r\n23").has_value());
    CHECK(check_css_selector("[a=\"b\\\nc\"]").has_value());
    CHECK(check_css_selector("[a=\"b\\\r\nc\"]").has_value());
    CHECK_FALSE(check_css_selector("a\vb").has_value());
}

TEST_CASE("check_css_selector quotes a huge selector in a short message") {
    const std::string huge = std::string(100000, 'a') + "]";
    const std::string message = message_of(huge);
    CHECK(message.size() < 300);
    CHECK(message.find("at column 100001") != std::string::npos);
    CHECK(message.find("\xE2\x80\xA6") != std::string::npos); // …
}

TEST_CASE("check_css_selector escapes control characters and cuts quotes on a UTF-8 boundary") {
    const std::string message = message_of("a\x01\x1b[b]\n]");
    CHECK(message.find("\\x01\\x1b[b]\\n]") != std::string::npos);
    for (char c : message)
        CHECK(static_cast<unsigned char>(c) >= 0x20);

    std::string accents;
    for (int i = 0; i < 100; ++i)
        accents += "\xC3\xA9"; // é
    const std::string cut = message_of(accents + "]");
    CHECK(is_valid_utf8(cut));
    CHECK(cut.size() < 300);

    const std::string malformed = message_of("\xFF\xC3]");
    CHECK(is_valid_utf8(malformed));
    CHECK(malformed.find("\\xff\\xc3]") != std::string::npos);
}

TEST_CASE("check_css_selector survives 100,000 nested parentheses and :not(") {
    CHECK(error_code(std::string(100000, '(')) == "guide.selector.syntax");
    std::string nots;
    while (nots.size() < 100000)
        nots += ":not(";
    const std::string code = error_code(nots);
    CHECK((code == "guide.selector.too_deep" || code == "guide.selector.syntax"));
    std::string is_then_parens;
    for (int i = 0; i < 5; ++i)
        is_then_parens += ":is(";
    is_then_parens += std::string(100000, '(');
    CHECK(error_code(is_then_parens) == "guide.selector.syntax");
    CHECK(error_code(std::string(100000, '[')) == "guide.selector.syntax");
    CHECK(error_code("a" + std::string(100000, ' ') + "]") == "guide.selector.syntax");
}

TEST_CASE("check_css_selector never crashes on random selector soup") {
    static constexpr std::string_view k_alphabet = "ab-_19n#.:[]()=~|^$*+>, \"'\\/\t\nif\xC3\xA9"
                                                   "is(not(has(nth-child(";
    std::mt19937 random(20240611);
    std::uniform_int_distribution<std::size_t> length(0, 48);
    std::uniform_int_distribution<std::size_t> pick(0, k_alphabet.size() - 1);
    int accepted = 0;
    for (int i = 0; i < 10000; ++i) {
        std::string selector;
        const std::size_t n = length(random);
        for (std::size_t k = 0; k < n; ++k)
            selector += k_alphabet[pick(random)];
        const auto result = check_css_selector(selector);
        if (result.has_value()) {
            ++accepted;
            continue;
        }
        INFO(selector);
        CHECK(is_known_error(result.error().code));
        CHECK(result.error().message.size() < 600);
    }
    CHECK(accepted > 0);
}

TEST_CASE("check_css_selector never crashes on random bytes") {
    std::mt19937 random(7);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<std::size_t> length(0, 64);
    for (int i = 0; i < 10000; ++i) {
        std::string selector;
        const std::size_t n = length(random);
        for (std::size_t k = 0; k < n; ++k)
            selector += static_cast<char>(byte(random));
        const auto result = check_css_selector(selector);
        if (!result.has_value()) {
            CHECK(is_known_error(result.error().code));
            CHECK(is_valid_utf8(result.error().message));
        }
    }
}

// The Markdown subset of help articles: blocks, inline styles, links and what stays literal.
#include "catch_amalgamated.hpp"

#include "shared/core/content/markdown.h"

#include <chrono>
#include <string>

using namespace support::content;

namespace {

// A block's spans as compact markup, one wrapper set per span: <b>, <i>, <code>, <a href=…>.
std::string markup(const Block& block) {
    std::string out;
    for (const InlineSpan& span : block.spans) {
        std::string text = span.text;
        if (span.code)
            text = "<code>" + text + "</code>";
        if (span.italic)
            text = "<i>" + text + "</i>";
        if (span.bold)
            text = "<b>" + text + "</b>";
        if (!span.link_href.empty())
            text = "<a href=" + span.link_href + ">" + text + "</a>";
        out += text;
    }
    return out;
}

// The markup of a source that must parse into exactly one paragraph.
std::string inline_markup(std::string_view source) {
    const MarkdownDocument document = parse_markdown(source);
    REQUIRE(document.blocks.size() == 1);
    CHECK(document.blocks[0].kind == BlockKind::Paragraph);
    return markup(document.blocks[0]);
}

} // namespace

TEST_CASE("blank lines separate paragraphs and the lines of one paragraph join with a space", "[markdown]") {
    const auto document = parse_markdown("First line\nsecond line\n\n\n  Next paragraph  \n");
    REQUIRE(document.blocks.size() == 2);
    CHECK(markup(document.blocks[0]) == "First line second line");
    CHECK(markup(document.blocks[1]) == "Next paragraph");
}

TEST_CASE("empty and blank sources have no blocks", "[markdown]") {
    CHECK(parse_markdown("").blocks.empty());
    CHECK(parse_markdown(" \n\t\n\r\n").blocks.empty());
}

TEST_CASE("'- ' and '* ' lines are bullet items", "[markdown]") {
    const auto document = parse_markdown("- one\n* two\n-   three  ");
    REQUIRE(document.blocks.size() == 3);
    for (const Block& block : document.blocks)
        CHECK(block.kind == BlockKind::BulletItem);
    CHECK(markup(document.blocks[0]) == "one");
    CHECK(markup(document.blocks[1]) == "two");
    CHECK(markup(document.blocks[2]) == "three");
}

TEST_CASE("numbered items keep the number as written, with '.' or ')'", "[markdown]") {
    const auto document = parse_markdown("1. Open the order\n2) Choose items\n7. Print the label");
    REQUIRE(document.blocks.size() == 3);
    CHECK(document.blocks[0].kind == BlockKind::NumberedItem);
    CHECK(document.blocks[0].number == 1);
    CHECK(markup(document.blocks[0]) == "Open the order");
    CHECK(document.blocks[1].number == 2);
    CHECK(document.blocks[2].number == 7);
    CHECK(markup(document.blocks[2]) == "Print the label");
}

TEST_CASE("a list directly after a paragraph line starts its own blocks", "[markdown]") {
    const auto document = parse_markdown("You can pay with:\n- cards\n- PayPal\nThat is all.");
    REQUIRE(document.blocks.size() == 3);
    CHECK(document.blocks[0].kind == BlockKind::Paragraph);
    CHECK(markup(document.blocks[0]) == "You can pay with:");
    CHECK(document.blocks[1].kind == BlockKind::BulletItem);
    // A line after an item without a blank line continues the item.
    CHECK(document.blocks[2].kind == BlockKind::BulletItem);
    CHECK(markup(document.blocks[2]) == "PayPal That is all.");
}

TEST_CASE("lines that only look like list markers stay paragraph text", "[markdown]") {
    CHECK(inline_markup("-5 degrees is cold") == "-5 degrees is cold");
    CHECK(inline_markup("1.5 kg is the limit") == "1.5 kg is the limit");
    CHECK(inline_markup("1234567890. too many digits") == "1234567890. too many digits");
    CHECK(inline_markup("-") == "-");
    CHECK(inline_markup("*") == "*");
    CHECK(inline_markup("# Heading stays literal") == "# Heading stays literal");
    CHECK(inline_markup("<b>html</b> | table |") == "<b>html</b> | table |");
}

TEST_CASE("**bold**, *italic*, _italic_ and `code`", "[markdown]") {
    CHECK(inline_markup("You have **30 days** to return") == "You have <b>30 days</b> to return");
    CHECK(inline_markup("an *important* note") == "an <i>important</i> note");
    CHECK(inline_markup("an _important_ note") == "an <i>important</i> note");
    CHECK(inline_markup("enter `SAVE10` at checkout") == "enter <code>SAVE10</code> at checkout");
    CHECK(inline_markup("__strong__") == "<b>strong</b>");
}

TEST_CASE("bold and italic nest in every order", "[markdown]") {
    CHECK(inline_markup("***both***") == "<b><i>both</i></b>");
    CHECK(inline_markup("**bold *both* bold**") == "<b>bold </b><b><i>both</i></b><b> bold</b>");
    CHECK(inline_markup("*it **both** it*") == "<i>it </i><b><i>both</i></b><i> it</i>");
    CHECK(inline_markup("**`code` in bold**") == "<b><code>code</code></b><b> in bold</b>");
    CHECK(inline_markup("***a** b*") == "<b><i>a</i></b><i> b</i>");
}

TEST_CASE("links carry their href, and link text may be styled", "[markdown]") {
    CHECK(inline_markup("See [our policy](/returns.html) first") ==
          "See <a href=/returns.html>our policy</a> first");
    CHECK(inline_markup("[**Returns** page](https://shop.example/returns)") ==
          "<a href=https://shop.example/returns><b>Returns</b></a><a href=https://shop.example/returns> "
          "page</a>");
    CHECK(inline_markup("**see [here](#top)**") == "<b>see </b><a href=#top><b>here</b></a>");
    CHECK(inline_markup("[mail us](mailto:help@shop.example) or [call](tel:+15550100)") ==
          "<a href=mailto:help@shop.example>mail us</a> or <a href=tel:+15550100>call</a>");
    CHECK(inline_markup("[wiki](https://en.wikipedia.org/wiki/Foo_(bar))") ==
          "<a href=https://en.wikipedia.org/wiki/Foo_(bar)>wiki</a>");
    CHECK(inline_markup("[](/faq)") == "<a href=/faq>/faq</a>");
}

TEST_CASE("unmatched markers stay literal text", "[markdown]") {
    CHECK(inline_markup("2 * 3 = 6") == "2 * 3 = 6");
    CHECK(inline_markup("**not closed") == "**not closed");
    CHECK(inline_markup("closed** too") == "closed** too");
    CHECK(inline_markup("a `tick") == "a `tick");
    CHECK(inline_markup("[not a link] (spaced)") == "[not a link] (spaced)");
    CHECK(inline_markup("[x](no close") == "[x](no close");
    CHECK(inline_markup("[x](has space)") == "[x](has space)");
    CHECK(inline_markup("order_id_number and snake_case") == "order_id_number and snake_case");
    CHECK(inline_markup("** spaced **") == "** spaced **");
    CHECK(inline_markup("*a **b") == "*a **b");
}

TEST_CASE("a backslash escapes the next marker character", "[markdown]") {
    CHECK(inline_markup(R"(\*not italic\*)") == "*not italic*");
    CHECK(inline_markup(R"(\[x\](/y))") == "[x](/y)");
    CHECK(inline_markup(R"(a \` b \\ c)") == R"(a ` b \ c)");
    CHECK(inline_markup(R"(C:\Users\shop)") == R"(C:\Users\shop)");
    CHECK(inline_markup(R"(**bold \*\* still**)") == "<b>bold ** still</b>");
    CHECK(inline_markup("ends with \\") == "ends with \\");
}

TEST_CASE("code spans keep markers inside them as text", "[markdown]") {
    CHECK(inline_markup("`**not bold**`") == "<code>**not bold**</code>");
    CHECK(inline_markup("``a ` b``") == "<code>a ` b</code>");
    CHECK(inline_markup("`` `ticks` ``") == "<code>`ticks`</code>");
    CHECK(inline_markup("`[x](/y)`") == "<code>[x](/y)</code>");
}

TEST_CASE("CRLF and lone CR line endings read like LF", "[markdown]") {
    const auto document = parse_markdown("Line one\r\nline two\r\n\r\n- item\r\n1. step\rlast\r\n");
    REQUIRE(document.blocks.size() == 3);
    CHECK(markup(document.blocks[0]) == "Line one line two");
    CHECK(markup(document.blocks[1]) == "item");
    CHECK(markup(document.blocks[2]) == "step last");
    CHECK(to_plain_text(document).find('\r') == std::string::npos);
}

TEST_CASE("Hebrew and Arabic text is kept byte for byte, with styles around it", "[markdown]") {
    CHECK(inline_markup("יש לכם **30 ימים** להחזיר") == "יש לכם <b>30 ימים</b> להחזיר");
    CHECK(inline_markup("مرحبا *بالعالم*") == "مرحبا <i>بالعالم</i>");
    CHECK(inline_markup("[מדיניות](/he/returns)") == "<a href=/he/returns>מדיניות</a>");
    // '_' between letters of any script is not emphasis.
    CHECK(inline_markup("א_ב_ג") == "א_ב_ג");
    // Vowel points, ZWNJ and RTL marks survive untouched.
    const std::string pointed = "שָׁלוֹם می\u200cخواهم \u200f**ok**";
    CHECK(to_plain_text(parse_markdown(pointed)) == "שָׁלוֹם می\u200cخواهم \u200fok");
}

TEST_CASE("unsafe links are reported and shown as plain text", "[markdown]") {
    std::vector<MarkdownProblem> problems;
    const auto document = parse_markdown(
        "[click](javascript:alert(1)) and [data](DATA:text/html,x) but [ok](https://shop.example)",
        &problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].code == "content.markdown.unsafe_link");
    CHECK(problems[0].message.find("javascript:alert(1)") != std::string::npos);
    CHECK(problems[1].code == "content.markdown.unsafe_link");
    REQUIRE(document.blocks.size() == 1);
    CHECK(markup(document.blocks[0]) == "click and data but <a href=https://shop.example>ok</a>");
}

TEST_CASE("unsafe links render as text even when nobody collects the problems", "[markdown]") {
    CHECK(inline_markup("[x](vbscript:msgbox)") == "x");
    CHECK(inline_markup("[x](relative.html)") == "x");
}

TEST_CASE("is_safe_link allows web, mail, phone, paths and anchors only", "[markdown]") {
    CHECK(is_safe_link("https://shop.example/a"));
    CHECK(is_safe_link("HTTP://shop.example"));
    CHECK(is_safe_link("mailto:help@shop.example"));
    CHECK(is_safe_link("tel:+15550100"));
    CHECK(is_safe_link("/returns.html"));
    CHECK(is_safe_link("./sizes"));
    CHECK(is_safe_link("../faq"));
    CHECK(is_safe_link("#shipping"));
    CHECK_FALSE(is_safe_link(""));
    CHECK_FALSE(is_safe_link("javascript:alert(1)"));
    CHECK_FALSE(is_safe_link("JaVaScRiPt:alert(1)"));
    CHECK_FALSE(is_safe_link("java\tscript:alert(1)"));
    CHECK_FALSE(is_safe_link("data:text/html;base64,PHNjcmlwdD4="));
    CHECK_FALSE(is_safe_link("vbscript:x"));
    CHECK_FALSE(is_safe_link("file:///etc/passwd"));
    CHECK_FALSE(is_safe_link("returns.html"));
    CHECK_FALSE(is_safe_link(" https://x"));
}

TEST_CASE("to_plain_text puts each block on its own line without markers", "[markdown]") {
    const auto document = parse_markdown("Hello **world**,\nsee [this](/x).\n\n- one\n- `two`\n\n3. three");
    CHECK(to_plain_text(document) == "Hello world, see this.\none\ntwo\nthree");
    CHECK(to_plain_text(parse_markdown("")).empty());
}

TEST_CASE("pathological inputs parse quickly and lose no text", "[markdown]") {
    std::string brackets;
    std::string mixed;
    std::string ticks;
    for (int i = 0; i < 8000; ++i) {
        brackets += "[a](";
        mixed += "*a _b **c __d ";
        ticks += std::string(static_cast<std::size_t>(i % 40 + 1), '`') + "x";
    }
    const auto started = std::chrono::steady_clock::now();
    const std::string plain_brackets = to_plain_text(parse_markdown(brackets));
    const std::string plain_mixed = to_plain_text(parse_markdown(mixed));
    const std::string plain_ticks = to_plain_text(parse_markdown(ticks));
    const auto took = std::chrono::steady_clock::now() - started;
    CHECK(plain_brackets == brackets);
    CHECK(plain_mixed.size() == mixed.size() - 1); // only the trailing blank is trimmed
    CHECK(!plain_ticks.empty());
    CHECK(took < std::chrono::seconds(5));
}

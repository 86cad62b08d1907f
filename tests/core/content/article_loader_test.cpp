// Loading and validating help articles from file texts: every problem id, every problem at once,
// and no crash on hostile input.
#include "catch_amalgamated.hpp"

#include "shared/core/content/article_loader.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

using namespace support::content;

namespace {

LoadedContent load(std::vector<ContentFile> files) {
    return load_articles(files);
}

LoadedContent load_one(std::string path, std::string text) {
    return load({ContentFile{std::move(path), std::move(text)}});
}

// The problems with this code.
std::vector<ContentProblem> problems_with(const LoadedContent& content, std::string_view code) {
    std::vector<ContentProblem> found;
    std::copy_if(content.problems.begin(), content.problems.end(), std::back_inserter(found),
                 [&](const ContentProblem& problem) { return problem.code == code; });
    return found;
}

// The only problem of a file, which must have exactly one.
ContentProblem only_problem(const LoadedContent& content) {
    INFO("problems: " << content.problems.size()
                      << (content.problems.empty() ? "" : ", first " + content.problems[0].code));
    REQUIRE(content.problems.size() == 1);
    return content.problems[0];
}

const std::string k_valid_article = R"({
  "id": "returns-policy",
  "locale": "en",
  "title": "How do I return an item?",
  "body": "You have **30 days** to return an item. See [our policy](/returns.html).",
  "tags": ["returns", "refund"],
  "synonyms": ["send back", "money back"],
  "pages": ["/cart.html", "/products/*"],
  "products": ["NW-TR2-GRN", "category:footwear"]
})";

// A small valid article with one field set to a JSON value (added when it is not one of id,
// title and body; removed when the value is empty).
std::string article_with(std::string_view field, std::string_view value) {
    std::vector<std::pair<std::string, std::string>> fields{
        {"id", "\"a1\""}, {"title", "\"Title\""}, {"body", "\"Body text\""}};
    const auto it =
        std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == field; });
    if (it != fields.end())
        it->second = std::string(value);
    else
        fields.emplace_back(std::string(field), std::string(value));
    std::string out = "{";
    for (const auto& [name, json_value] : fields) {
        if (json_value.empty())
            continue;
        out += (out.size() > 1 ? ", \"" : "\"") + name + "\": " + json_value;
    }
    return out + "}";
}

} // namespace

TEST_CASE("a valid article file loads every field, with the locale from its folder", "[content][loader]") {
    const auto content = load_one("en/returns.json", k_valid_article);
    CHECK(content.problems.empty());
    REQUIRE(content.articles.size() == 1);
    const Article& article = content.articles[0];
    CHECK(article.id == "returns-policy");
    CHECK(article.locale == "en");
    CHECK(article.title == "How do I return an item?");
    CHECK(article.body.starts_with("You have **30 days**"));
    CHECK(article.tags == std::vector<std::string>{"returns", "refund"});
    CHECK(article.synonyms == std::vector<std::string>{"send back", "money back"});
    CHECK(article.pages == std::vector<std::string>{"/cart.html", "/products/*"});
    CHECK(article.products == std::vector<std::string>{"NW-TR2-GRN", "category:footwear"});
}

TEST_CASE("a file may hold an array of articles; the locale field is optional", "[content][loader]") {
    const auto content = load_one("pt-BR/faq.json", R"([
        {"id": "one", "title": "Um", "body": "Primeiro"},
        {"id": "two", "title": "Dois", "body": "Segundo", "locale": "pt-br"}
    ])");
    CHECK(content.problems.empty());
    REQUIRE(content.articles.size() == 2);
    CHECK(content.articles[0].id == "one");
    CHECK(content.articles[1].id == "two");
    CHECK(content.articles[1].locale == "pt-BR"); // the folder's spelling
}

TEST_CASE("Hebrew and Arabic articles load byte for byte, a UTF-8 BOM is fine", "[content][loader]") {
    const std::string hebrew =
        R"({"id": "returns-policy", "title": "איך מחזירים מוצר?", "body": "יש לכם **30 ימים**"})";
    const auto content =
        load({{"he/returns.json", "\xEF\xBB\xBF" + hebrew},
              {"ar/returns.json",
               R"({"id": "returns-policy", "title": "كيف أُرجع منتجًا؟", "body": "لديك ٣٠ يومًا"})"}});
    CHECK(content.problems.empty());
    REQUIRE(content.articles.size() == 2);
    CHECK(content.articles[0].title == "איך מחזירים מוצר?");
    CHECK(content.articles[1].title == "كيف أُرجع منتجًا؟");
}

TEST_CASE("content.file.too_large: files over 1 MB are refused unread, 10 MB strings included",
          "[content][loader]") {
    const std::string huge =
        R"({"id": "a", "title": "t", "body": ")" + std::string(10 * 1024 * 1024, 'x') + "\"}";
    const auto problem = only_problem(load_one("en/huge.json", huge));
    CHECK(problem.code == "content.file.too_large");
    CHECK(problem.file == "en/huge.json");
    CHECK(problem.severity == Severity::Error);
}

TEST_CASE("content.file.invalid_utf8 names the line and column", "[content][loader]") {
    const auto content =
        load_one("en/bad.json", "{\"id\": \"a\",\n \"title\": \"caf\xE9\", \"body\": \"x\"}");
    const auto problem = only_problem(content);
    CHECK(problem.code == "content.file.invalid_utf8");
    CHECK(problem.message.find("line 2, column 15") != std::string::npos);
    CHECK(content.articles.empty());
    // Overlong forms and surrogates are invalid too.
    CHECK(only_problem(load_one("en/a.json", "\"\xC0\xAF\"")).code == "content.file.invalid_utf8");
    CHECK(only_problem(load_one("en/a.json", "\"\xED\xA0\x80\"")).code == "content.file.invalid_utf8");
    CHECK(only_problem(load_one("en/a.json", "\"\xF4\x90\x80\x80\"")).code == "content.file.invalid_utf8");
}

TEST_CASE("content.file.too_deep: 100,000 levels of nesting are refused without recursion",
          "[content][loader]") {
    CHECK(only_problem(load_one("en/deep.json", std::string(100000, '['))).code == "content.file.too_deep");
    std::string objects;
    for (int i = 0; i < 100000; ++i)
        objects += "{\"a\":";
    CHECK(only_problem(load_one("en/deep.json", objects)).code == "content.file.too_deep");
    // Brackets inside strings do not count.
    const auto content = load_one(
        "en/ok.json", R"({"id": "a", "title": "[[[[[[[[[[[[[[[[[[[[", "body": "{{{{{{{{{{{{{{{{{{{{{{"})");
    CHECK(content.problems.empty());
}

TEST_CASE("content.file.invalid_json names the line and column", "[content][loader]") {
    const auto truncated = only_problem(load_one("en/cut.json", "{\n  \"id\": \"a\",\n  \"title\": \"t"));
    CHECK(truncated.code == "content.file.invalid_json");
    CHECK(truncated.message.find("line 3") != std::string::npos);
    CHECK(truncated.message.find("column") != std::string::npos);
    CHECK(truncated.pointer.empty());

    const auto empty = only_problem(load_one("en/empty.json", ""));
    CHECK(empty.code == "content.file.invalid_json");
    CHECK(empty.message.find("empty") != std::string::npos);
    CHECK(only_problem(load_one("en/blank.json", " \n\t")).code == "content.file.invalid_json");

    const auto nul = only_problem(load_one("en/nul.json", std::string("{\"id\": \"a\0\"}", 12)));
    CHECK(nul.code == "content.file.invalid_json");
    CHECK(only_problem(load_one("en/nul.json", std::string("\0\0\0", 3))).code ==
          "content.file.invalid_json");
    CHECK(only_problem(load_one("en/comma.json", R"({"id": "a",})")).code == "content.file.invalid_json");
}

TEST_CASE("content.file.not_in_locale_folder: a file outside any locale folder", "[content][loader]") {
    const auto content = load_one("returns.json", k_valid_article);
    CHECK(only_problem(content).code == "content.file.not_in_locale_folder");
    CHECK(content.articles.empty());
}

TEST_CASE("content.locale.bad_name: once per folder whose name is not a language tag", "[content][loader]") {
    const auto content = load({{"english/a.json", article_with("id", "\"a\"")},
                               {"english/b.json", article_with("id", "\"b\"")},
                               {"pt_BR/c.json", article_with("id", "\"c\"")}});
    const auto bad = problems_with(content, "content.locale.bad_name");
    REQUIRE(bad.size() == 2);
    CHECK(bad[0].file == "english");
    CHECK(bad[1].file == "pt_BR");
    CHECK(content.articles.empty());
}

TEST_CASE("content.article.not_an_object: array items that are not objects", "[content][loader]") {
    const auto content = load_one("en/list.json", R"([{"id": "a", "title": "t", "body": "b"}, 42, "text"])");
    const auto bad = problems_with(content, "content.article.not_an_object");
    REQUIRE(bad.size() == 2);
    CHECK(bad[0].pointer == "/1");
    CHECK(bad[1].pointer == "/2");
    REQUIRE(content.articles.size() == 1); // the good one still loads
    CHECK(only_problem(load_one("en/n.json", "42")).code == "content.article.not_an_object");
}

TEST_CASE("content.article.missing_id", "[content][loader]") {
    const auto problem = only_problem(load_one("en/a.json", article_with("id", "")));
    CHECK(problem.code == "content.article.missing_id");
    CHECK(problem.pointer == "/id");
}

TEST_CASE("content.article.bad_id: uppercase, spaces, leading dash, too long", "[content][loader]") {
    for (const char* id : {"\"Returns\"", "\"returns policy\"", "\"-returns\"", "\"\"", "\"r\u00e9turn\""}) {
        INFO(id);
        const auto problem = only_problem(load_one("en/a.json", article_with("id", id)));
        CHECK(problem.code == "content.article.bad_id");
        CHECK(problem.pointer == "/id");
    }
    const auto too_long = load_one("en/a.json", article_with("id", "\"" + std::string(65, 'a') + "\""));
    CHECK(only_problem(too_long).code == "content.article.bad_id");
    CHECK(load_one("en/a.json", article_with("id", "\"" + std::string(64, 'a') + "\"")).problems.empty());
}

TEST_CASE("content.article.duplicate_id: reported in both files, both left out; other locales are fine",
          "[content][loader]") {
    const auto content = load({{"en/a.json", article_with("id", "\"returns\"")},
                               {"en/b.json", R"([{"id": "other", "title": "t", "body": "b"},
                                                 {"id": "returns", "title": "t", "body": "b"}])"},
                               {"he/a.json", article_with("id", "\"returns\"")}});
    const auto duplicates = problems_with(content, "content.article.duplicate_id");
    REQUIRE(duplicates.size() == 2);
    CHECK(duplicates[0].file == "en/a.json");
    CHECK(duplicates[0].pointer == "/id");
    CHECK(duplicates[0].message.find("en/b.json") != std::string::npos);
    CHECK(duplicates[1].file == "en/b.json");
    CHECK(duplicates[1].pointer == "/1/id");
    CHECK(duplicates[1].message.find("en/a.json") != std::string::npos);
    REQUIRE(content.articles.size() == 2);
    CHECK(content.articles[0].id == "other");
    CHECK(content.articles[1].locale == "he");
}

TEST_CASE("content.article.missing_title: absent or blank", "[content][loader]") {
    CHECK(only_problem(load_one("en/a.json", article_with("title", ""))).code ==
          "content.article.missing_title");
    const auto blank = only_problem(load_one("en/a.json", article_with("title", "\"  \"")));
    CHECK(blank.code == "content.article.missing_title");
    CHECK(blank.pointer == "/title");
}

TEST_CASE("content.article.title_too_long counts characters, not bytes", "[content][loader]") {
    std::string long_title;
    for (int i = 0; i < 201; ++i)
        long_title += "a";
    CHECK(only_problem(load_one("en/a.json", article_with("title", "\"" + long_title + "\""))).code ==
          "content.article.title_too_long");
    std::string hebrew_title;
    for (int i = 0; i < 200; ++i)
        hebrew_title += "ש"; // 400 bytes, 200 characters
    CHECK(load_one("he/a.json", article_with("title", "\"" + hebrew_title + "\"")).problems.empty());
}

TEST_CASE("content.article.missing_body: absent or blank", "[content][loader]") {
    CHECK(only_problem(load_one("en/a.json", article_with("body", ""))).code ==
          "content.article.missing_body");
    CHECK(only_problem(load_one("en/a.json", article_with("body", "\"\""))).code ==
          "content.article.missing_body");
}

TEST_CASE("content.article.body_too_long: over 64 KB", "[content][loader]") {
    const auto problem = only_problem(
        load_one("en/a.json", article_with("body", "\"" + std::string(64 * 1024 + 1, 'x') + "\"")));
    CHECK(problem.code == "content.article.body_too_long");
    CHECK(problem.pointer == "/body");
    CHECK(load_one("en/a.json", article_with("body", "\"" + std::string(64 * 1024, 'x') + "\""))
              .problems.empty());
}

TEST_CASE("content.article.wrong_type: every field of the wrong type, each with its pointer",
          "[content][loader]") {
    const auto content = load_one(
        "en/a.json",
        R"({"id": 1, "locale": 5, "title": [], "body": {}, "tags": "x", "synonyms": null, "pages": 3, "products": true})");
    const auto wrong = problems_with(content, "content.article.wrong_type");
    std::vector<std::string> pointers;
    for (const auto& problem : wrong)
        pointers.push_back(problem.pointer);
    CHECK(pointers == std::vector<std::string>{"/id", "/locale", "/title", "/body", "/tags", "/synonyms",
                                               "/pages", "/products"});
    CHECK(content.problems.size() == wrong.size());
    CHECK(content.articles.empty());
}

TEST_CASE("content.article.wrong_type: a list item that is not a string", "[content][loader]") {
    const auto problem = only_problem(load_one("en/a.json", article_with("tags", R"(["a", "b", 3])")));
    CHECK(problem.code == "content.article.wrong_type");
    CHECK(problem.pointer == "/tags/2");
    CHECK(problem.message.find("a number") != std::string::npos);
}

TEST_CASE("content.article.locale_mismatch: the locale field disagrees with the folder",
          "[content][loader]") {
    const auto content = load_one("en/a.json", article_with("locale", "\"he\""));
    const auto problem = only_problem(content);
    CHECK(problem.code == "content.article.locale_mismatch");
    CHECK(problem.pointer == "/locale");
    CHECK(content.articles.empty());
}

TEST_CASE("content.article.bad_page_pattern", "[content][loader]") {
    for (const char* pages : {R"(["cart.html"])", R"(["/cart html"])", R"(["/cart?x=1"])", R"([""])"}) {
        INFO(pages);
        const auto problem = only_problem(load_one("en/a.json", article_with("pages", pages)));
        CHECK(problem.code == "content.article.bad_page_pattern");
        CHECK(problem.pointer == "/pages/0");
    }
}

TEST_CASE("content.article.bad_product", "[content][loader]") {
    for (const char* products : {R"(["has space"])", R"(["category:"])", R"([""])", R"(["a/b"])"}) {
        INFO(products);
        const auto problem = only_problem(load_one("en/a.json", article_with("products", products)));
        CHECK(problem.code == "content.article.bad_product");
    }
}

TEST_CASE("content.article.too_many_items: more than 64 in a list", "[content][loader]") {
    std::string tags = "[";
    for (int i = 0; i < 65; ++i)
        tags += std::string(i ? "," : "") + "\"t" + std::to_string(i) + "\"";
    tags += "]";
    const auto problem = only_problem(load_one("en/a.json", article_with("synonyms", tags)));
    CHECK(problem.code == "content.article.too_many_items");
    CHECK(problem.pointer == "/synonyms");
}

TEST_CASE("content.article.string_too_long: a list item over 256 bytes", "[content][loader]") {
    const auto problem = only_problem(
        load_one("en/a.json", article_with("tags", "[\"ok\", \"" + std::string(257, 't') + "\"]")));
    CHECK(problem.code == "content.article.string_too_long");
    CHECK(problem.pointer == "/tags/1");
}

TEST_CASE("content.article.unknown_field is a warning and the article still loads", "[content][loader]") {
    const auto content = load_one("en/a.json", article_with("sumary", "\"typo\""));
    const auto problem = only_problem(content);
    CHECK(problem.code == "content.article.unknown_field");
    CHECK(problem.severity == Severity::Warning);
    CHECK(problem.pointer == "/sumary");
    CHECK(content.articles.size() == 1);
    CHECK(content.error_count() == 0);
    CHECK(content.warning_count() == 1);
    // Field names are escaped as JSON pointer tokens.
    CHECK(only_problem(load_one("en/a.json", article_with("a/b~c", "1"))).pointer == "/a~1b~0c");
}

TEST_CASE("content.markdown.unsafe_link is a warning and the article is still served", "[content][loader]") {
    const auto content = load_one("en/a.json", article_with("body", R"x("[win](javascript:alert(1))")x"));
    const auto problem = only_problem(content);
    CHECK(problem.code == "content.markdown.unsafe_link");
    CHECK(problem.severity == Severity::Warning);
    CHECK(problem.pointer == "/body");
    CHECK(content.articles.size() == 1);
}

TEST_CASE("every problem of a file is reported at once and good articles beside bad ones load",
          "[content][loader]") {
    const auto content = load_one("en/many.json", R"([
        {"id": "Bad Id", "title": "", "body": "ok", "tags": [1], "extra": true},
        {"id": "good", "title": "Fine", "body": "Fine too"},
        {"title": "no id", "pages": ["nope"]}
    ])");
    std::vector<std::string> codes;
    for (const auto& problem : content.problems)
        codes.push_back(problem.code + " " + problem.pointer);
    CHECK(codes == std::vector<std::string>{
                       "content.article.unknown_field /0/extra", "content.article.bad_id /0/id",
                       "content.article.missing_title /0/title", "content.article.wrong_type /0/tags/0",
                       "content.article.missing_id /2/id", "content.article.missing_body /2/body",
                       "content.article.bad_page_pattern /2/pages/0"});
    REQUIRE(content.articles.size() == 1);
    CHECK(content.articles[0].id == "good");
    CHECK(content.error_count() == 6);
    CHECK(content.warning_count() == 1);
}

TEST_CASE("content.file.too_many_problems: a file with thousands of problems lists the first 100",
          "[content][loader]") {
    std::string numbers = "[";
    for (int i = 0; i < 5000; ++i)
        numbers += i ? ",1" : "1";
    numbers += "]";
    const auto content = load_one("en/numbers.json", numbers);
    REQUIRE(content.problems.size() == 101);
    CHECK(content.problems.back().code == "content.file.too_many_problems");
    CHECK(content.problems.back().message.find("4900 more") != std::string::npos);
}

TEST_CASE("problems are grouped by file", "[content][loader]") {
    const auto content = load({{"en/b.json", article_with("title", "")},
                               {"en/a.json", article_with("id", "\"b\"")},
                               {"en/c.json", article_with("id", "\"b\"")}});
    std::vector<std::string> files;
    for (const auto& problem : content.problems)
        files.push_back(problem.file);
    CHECK(std::is_sorted(files.begin(), files.end()));
    CHECK(files.size() == 3);
}

TEST_CASE("ids, page patterns and product references follow their formats", "[content][loader]") {
    CHECK(is_article_id("returns-policy"));
    CHECK(is_article_id("404"));
    CHECK_FALSE(is_article_id("Returns"));
    CHECK_FALSE(is_article_id("-x"));
    CHECK_FALSE(is_article_id("a_b"));
    CHECK(is_page_pattern("/"));
    CHECK(is_page_pattern("/products/*"));
    CHECK_FALSE(is_page_pattern("products/*"));
    CHECK_FALSE(is_page_pattern("/a#b"));
    CHECK(is_product_reference("NW-TR2-GRN"));
    CHECK(is_product_reference("category:footwear"));
    CHECK_FALSE(is_product_reference("category:"));
    CHECK_FALSE(is_product_reference("a b"));
    CHECK(severity_name(Severity::Error) == "error");
    CHECK(severity_name(Severity::Warning) == "warning");
}

// The content API's JSON bundle: what the server writes, the widget reads back unchanged; what a
// proxy or a stale cache may hand the widget instead becomes an error value.
#include "catch_amalgamated.hpp"

#include "shared/core/content/article_bundle.h"

#include <string>

using namespace support::content;

namespace {

ArticleBundle sample_bundle() {
    ArticleBundle bundle;
    bundle.site = "demo";
    bundle.locale = "he";
    bundle.articles.push_back(Article{"returns-policy",
                                      "he",
                                      "איך מחזירים מוצר?",
                                      "יש לכם **30 ימים**.\n\n- \"quoted\" \\ back\tslash\n- שלב",
                                      {"החזרה", "refund"},
                                      {"send back"},
                                      {"/cart.html", "/products/*"},
                                      {"NW-TR2-GRN", "category:footwear"}});
    bundle.articles.push_back(Article{"contact-us", "he", "צור קשר", "כתבו לנו", {}, {}, {}, {}});
    return bundle;
}

bool same_article(const Article& a, const Article& b) {
    return a.id == b.id && a.locale == b.locale && a.title == b.title && a.body == b.body &&
           a.tags == b.tags && a.synonyms == b.synonyms && a.pages == b.pages && a.products == b.products;
}

support::Error parse_error(std::string_view json) {
    auto result = parse_article_bundle(json);
    REQUIRE_FALSE(result.has_value());
    return result.error();
}

} // namespace

TEST_CASE("a serialized bundle parses back to the same articles", "[content][bundle]") {
    const ArticleBundle bundle = sample_bundle();
    const std::string json = serialize_article_bundle(bundle);
    auto parsed = parse_article_bundle(json);
    REQUIRE(parsed.has_value());
    CHECK(parsed->site == "demo");
    CHECK(parsed->locale == "he");
    REQUIRE(parsed->articles.size() == 2);
    CHECK(same_article(parsed->articles[0], bundle.articles[0]));
    CHECK(same_article(parsed->articles[1], bundle.articles[1]));
    // Serializing is deterministic, so ETags over the bytes are stable.
    CHECK(serialize_article_bundle(*parsed) == json);
}

TEST_CASE("the bundle has the documented shape and keeps non-ASCII text unescaped", "[content][bundle]") {
    ArticleBundle bundle{"demo", "en", {Article{"a", "en", "Title", "Body", {"t"}, {}, {}, {}}}};
    CHECK(serialize_article_bundle(bundle) ==
          R"({"articles":[{"body":"Body","id":"a","locale":"en","pages":[],"products":[],"synonyms":[],)"
          R"("tags":["t"],"title":"Title"}],"locale":"en","site":"demo"})");
    CHECK(serialize_article_bundle(sample_bundle()).find("איך מחזירים") != std::string::npos);
    CHECK(serialize_article_bundle(ArticleBundle{"demo", "en", {}}) ==
          R"({"articles":[],"locale":"en","site":"demo"})");
}

TEST_CASE("invalid UTF-8 in a bundle is replaced when serializing instead of failing", "[content][bundle]") {
    ArticleBundle bundle{"demo", "en", {Article{"a", "en", "bad \xFF byte", "b", {}, {}, {}, {}}}};
    auto parsed = parse_article_bundle(serialize_article_bundle(bundle));
    REQUIRE(parsed.has_value());
    CHECK(parsed->articles[0].title == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("optional lists may be absent when parsing", "[content][bundle]") {
    auto parsed = parse_article_bundle(
        R"({"site":"demo","locale":"en","articles":[{"id":"a","locale":"en","title":"T","body":"B"}],"future":1})");
    REQUIRE(parsed.has_value());
    REQUIRE(parsed->articles.size() == 1);
    CHECK(parsed->articles[0].tags.empty());
}

TEST_CASE("content.bundle.invalid_json for anything that is not JSON", "[content][bundle]") {
    for (std::string_view text :
         {std::string_view(""), std::string_view("{\"site\":"), std::string_view("<html>proxy error</html>"),
          std::string_view("\xFF\xFE"), std::string_view("{\"site\":\"a\0\"}", 13)}) {
        CHECK(parse_error(text).code == "content.bundle.invalid_json");
    }
}

TEST_CASE("content.bundle.bad_shape names the field at fault as a JSON pointer", "[content][bundle]") {
    CHECK(parse_error("[]").code == "content.bundle.bad_shape");
    CHECK(parse_error("[]").field.empty());
    CHECK(parse_error(R"({"locale":"en","articles":[]})").field == "/site");
    CHECK(parse_error(R"({"site":1,"locale":"en","articles":[]})").field == "/site");
    CHECK(parse_error(R"({"site":"d","articles":[]})").field == "/locale");
    CHECK(parse_error(R"({"site":"d","locale":"en"})").field == "/articles");
    CHECK(parse_error(R"({"site":"d","locale":"en","articles":{}})").field == "/articles");
    CHECK(parse_error(R"({"site":"d","locale":"en","articles":[5]})").field == "/articles/0");
    CHECK(parse_error(R"({"site":"d","locale":"en","articles":[{"id":"a","locale":"en","title":"t"}]})")
              .field == "/articles/0/body");
    const auto bad_tag = parse_error(
        R"({"site":"d","locale":"en","articles":[{"id":"a","locale":"en","title":"t","body":"b","tags":["x",2]}]})");
    CHECK(bad_tag.code == "content.bundle.bad_shape");
    CHECK(bad_tag.field == "/articles/0/tags/1");
    CHECK(
        parse_error(
            R"({"site":"d","locale":"en","articles":[{"id":"a","locale":"en","title":"t","body":"b","pages":"x"}]})")
            .field == "/articles/0/pages");
}

TEST_CASE("deeply nested input is refused without a crash", "[content][bundle]") {
    CHECK(parse_error(std::string(100000, '[')).code == "content.bundle.bad_shape");
    std::string nested = R"({"site":"d","locale":"en","articles":)";
    nested += std::string(50000, '[') + std::string(50000, ']') + "}";
    CHECK_FALSE(parse_article_bundle(nested).has_value());
}

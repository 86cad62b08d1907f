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

support::guide::Guide sample_guide() {
    using namespace support::guide;
    Guide guide;
    guide.id = "find-size";
    guide.locale = "he";
    guide.title = "מצאו את המידה";
    guide.summary = "שתי דקות";
    guide.pages = {"/product.html"};
    GuideStep ask;
    ask.id = "ask";
    ask.title = "יודעים את המידה?";
    ask.target = {".sizes", "fieldset"};
    ask.placement = Placement::Left;
    ask.branches = {{"כן", "pick"}, {"לא", "end"}};
    ask.wait_ms = 9000;
    GuideStep pick;
    pick.id = "pick";
    pick.title = "בחרו";
    pick.body = "שורה\n\nפסקה";
    pick.page = "/product.html";
    pick.advance = {AdvanceKind::ElementVisible, {"#done"}, {}};
    pick.next = "end";
    guide.steps = {ask, pick};
    return guide;
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
    ArticleBundle bundle{"demo", "en", {Article{"a", "en", "Title", "Body", {"t"}, {}, {}, {}}}, {}};
    CHECK(serialize_article_bundle(bundle) ==
          R"({"articles":[{"body":"Body","id":"a","locale":"en","pages":[],"products":[],"synonyms":[],)"
          R"("tags":["t"],"title":"Title"}],"guides":[],"locale":"en","site":"demo"})");
    CHECK(serialize_article_bundle(sample_bundle()).find("איך מחזירים") != std::string::npos);
    CHECK(serialize_article_bundle(ArticleBundle{"demo", "en", {}, {}}) ==
          R"({"articles":[],"guides":[],"locale":"en","site":"demo"})");
}

TEST_CASE("invalid UTF-8 in a bundle is replaced when serializing instead of failing", "[content][bundle]") {
    ArticleBundle bundle{"demo", "en", {Article{"a", "en", "bad \xFF byte", "b", {}, {}, {}, {}}}, {}};
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

TEST_CASE("guides travel in the bundle and parse back field for field", "[content][bundle]") {
    ArticleBundle bundle = sample_bundle();
    bundle.guides.push_back(sample_guide());
    const std::string json = serialize_article_bundle(bundle);
    auto parsed = parse_article_bundle(json);
    REQUIRE(parsed.has_value());
    REQUIRE(parsed->guides.size() == 1);
    const auto& guide = parsed->guides[0];
    CHECK(guide.id == "find-size");
    CHECK(guide.title == "מצאו את המידה");
    CHECK(guide.summary == "שתי דקות");
    CHECK(guide.pages == std::vector<std::string>{"/product.html"});
    REQUIRE(guide.steps.size() == 2);
    CHECK(guide.steps[0].target == std::vector<std::string>{".sizes", "fieldset"});
    CHECK(guide.steps[0].placement == support::guide::Placement::Left);
    REQUIRE(guide.steps[0].branches.size() == 2);
    CHECK(guide.steps[0].branches[0].label == "כן");
    CHECK(guide.steps[0].wait_ms == 9000);
    CHECK(guide.steps[1].advance.kind == support::guide::AdvanceKind::ElementVisible);
    CHECK(guide.steps[1].advance.selectors == std::vector<std::string>{"#done"});
    CHECK(guide.steps[1].page == "/product.html");
    CHECK(guide.steps[1].next == "end");
    CHECK(serialize_article_bundle(*parsed) == json);
}

TEST_CASE("a bundle without guides (an older server) has none", "[content][bundle]") {
    auto parsed = parse_article_bundle(R"({"site":"demo","locale":"en","articles":[]})");
    REQUIRE(parsed.has_value());
    CHECK(parsed->guides.empty());
}

TEST_CASE("content.bundle.bad_shape names the guide field at fault", "[content][bundle]") {
    auto field_of = [](std::string_view guides) {
        const support::Error error = parse_error(R"({"site":"demo","locale":"en","articles":[],"guides":)" +
                                                 std::string(guides) + "}");
        CHECK(error.code == "content.bundle.bad_shape");
        return error.field;
    };
    CHECK(field_of("{}") == "/guides");
    CHECK(field_of("[3]") == "/guides/0");
    CHECK(field_of(R"([{"id":"g","title":"G","steps":[]}])") == "/guides/0/steps");
    CHECK(field_of(R"([{"id":"g","title":"G","steps":[{"id":"a"}]}])") == "/guides/0/steps/0/title");
    CHECK(
        field_of(R"([{"id":"g","title":"G","steps":[{"id":"a","title":"A","advance":{"when":"soon"}}]}])") ==
        "/guides/0/steps/0/advance/when");
    CHECK(field_of(R"([{"id":"g","title":"G","steps":[{"id":"a","title":"A","next":"b"}]}])") ==
          "/guides/0/steps/0/next");
    CHECK(field_of(R"([{"id":"g","title":"G","steps":[{"id":"a","title":"A","target":[1]}]}])") ==
          "/guides/0/steps/0/target/0");
}

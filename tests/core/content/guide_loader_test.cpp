// Loading and validating guide files: the format's every field, every problem id with the JSON
// pointer it names, and the combined loader that sorts a help folder into articles and guides.
#include "catch_amalgamated.hpp"

#include "shared/core/content/guide_loader.h"
#include "shared/core/content/help_content_loader.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace support::content;
using support::guide::AdvanceKind;
using support::guide::Placement;

namespace {

LoadedGuides load_one(std::string text, std::string path = "en/guides/g.json") {
    std::vector<ContentFile> files{{std::move(path), std::move(text)}};
    return load_guides(files);
}

std::vector<ContentProblem> with_code(const LoadedGuides& loaded, std::string_view code) {
    std::vector<ContentProblem> found;
    std::copy_if(loaded.problems.begin(), loaded.problems.end(), std::back_inserter(found),
                 [&](const ContentProblem& p) { return p.code == code; });
    return found;
}

std::string codes(const LoadedGuides& loaded) {
    std::string out;
    for (const ContentProblem& p : loaded.problems)
        out += p.code + " at " + p.pointer + "; ";
    return out;
}

// The one problem with `code`; the guide is left out when it is an error.
ContentProblem only(const LoadedGuides& loaded, std::string_view code) {
    INFO("problems: " << codes(loaded));
    const auto found = with_code(loaded, code);
    REQUIRE(found.size() == 1);
    if (found[0].severity == Severity::Error)
        CHECK(loaded.guides.empty());
    return found[0];
}

// A valid one-step guide whose step has `field: value` added (or replaced).
std::string with_step_field(std::string_view field, std::string_view value) {
    return R"({"id": "g", "title": "G", "steps": [{"id": "s", "title": "Step", "target": "#a", ")" +
           std::string(field) + "\": " + std::string(value) + "}]}";
}

const std::string k_coupon_guide = R"({
  "id": "apply-coupon",
  "title": "Apply a coupon",
  "summary": "Use a discount code",
  "pages": ["/cart.html"],
  "steps": [
    {"id": "code", "title": "Enter your code", "body": "Type the code.",
     "target": ["#coupon-code", "input[name=coupon]"], "placement": "bottom", "advance": "field_filled",
     "wait_ms": 8000},
    {"id": "apply", "title": "Press Apply", "target": "#apply-coupon", "advance": {"when": "target_clicked"}},
    {"title": "Check your total", "target": "#totals", "page": "/cart.html"}
  ]
})";

} // namespace

TEST_CASE("a valid guide file loads every field, with the locale from its folder") {
    const LoadedGuides loaded = load_one(k_coupon_guide);
    INFO(codes(loaded));
    CHECK(loaded.problems.empty());
    REQUIRE(loaded.guides.size() == 1);
    const auto& guide = loaded.guides[0];
    CHECK(guide.id == "apply-coupon");
    CHECK(guide.locale == "en");
    CHECK(guide.title == "Apply a coupon");
    CHECK(guide.summary == "Use a discount code");
    CHECK(guide.pages == std::vector<std::string>{"/cart.html"});
    REQUIRE(guide.steps.size() == 3);
    CHECK(guide.steps[0].target == std::vector<std::string>{"#coupon-code", "input[name=coupon]"});
    CHECK(guide.steps[0].placement == Placement::Bottom);
    CHECK(guide.steps[0].advance.kind == AdvanceKind::FieldFilled);
    CHECK(guide.steps[0].wait_ms == 8000);
    CHECK(guide.steps[1].target == std::vector<std::string>{"#apply-coupon"});
    CHECK(guide.steps[1].advance.kind == AdvanceKind::TargetClicked);
    CHECK(guide.steps[2].id == "3"); // a step without an id is saved by its position
    CHECK(guide.steps[2].page == "/cart.html");
    CHECK(guide.steps[2].advance.kind == AdvanceKind::Manual);
}

TEST_CASE("advance objects carry their selector or page") {
    const LoadedGuides loaded = load_one(R"({"id": "g", "title": "G", "steps": [
        {"id": "go", "title": "Go", "advance": {"when": "url_reached", "page": "/order-status.html"}},
        {"id": "see", "title": "See", "advance": {"when": "element_visible", "selector": ["#result", ".result"]}},
        {"id": "ask", "title": "Ask", "branches": [{"label": "Yes", "next": "go"}, {"label": "No", "next": "end"}]}
    ]})");
    INFO(codes(loaded));
    CHECK(loaded.problems.empty());
    REQUIRE(loaded.guides.size() == 1);
    const auto& steps = loaded.guides[0].steps;
    CHECK(steps[0].advance.kind == AdvanceKind::UrlReached);
    CHECK(steps[0].advance.page == "/order-status.html");
    CHECK(steps[1].advance.selectors == std::vector<std::string>{"#result", ".result"});
    REQUIRE(steps[2].branches.size() == 2);
    CHECK(steps[2].branches[1].next == "end");
}

TEST_CASE("content.guide.bad_selector: an unparsable target names the selector's place") {
    const auto problem = only(load_one(with_step_field("target", R"(["#ok", "input[name=coupon"])")),
                              "content.guide.bad_selector");
    CHECK(problem.pointer == "/steps/0/target/1");
    CHECK(problem.file == "en/guides/g.json");
    CHECK(problem.message.find("guide.selector.") != std::string::npos);
    CHECK(only(load_one(with_step_field("target", R"("##a")")), "content.guide.bad_selector").pointer ==
          "/steps/0/target");
    CHECK(only(load_one(with_step_field("advance", R"({"when": "element_visible", "selector": "div:nope"})")),
               "content.guide.bad_selector")
              .pointer == "/steps/0/advance/selector");
}

TEST_CASE("content.guide.too_many_items: more than 8 selectors, or none") {
    CHECK(only(load_one(with_step_field("target", "[]")), "content.guide.too_many_items").pointer ==
          "/steps/0/target");
    CHECK(only(load_one(with_step_field("target", R"(["a","b","c","d","e","f","g","h","i"])")),
               "content.guide.too_many_items")
              .pointer == "/steps/0/target");
}

TEST_CASE("content.guide.bad_advance, bad_placement, bad_wait and wrong types") {
    CHECK(only(load_one(with_step_field("advance", R"("on_click")")), "content.guide.bad_advance").pointer ==
          "/steps/0/advance");
    CHECK(only(load_one(with_step_field("advance", R"({"selector": "#a"})")), "content.guide.bad_advance")
              .pointer == "/steps/0/advance/when");
    CHECK(
        only(load_one(with_step_field("placement", R"("middle")")), "content.guide.bad_placement").pointer ==
        "/steps/0/placement");
    CHECK(only(load_one(with_step_field("wait_ms", "-5")), "content.guide.bad_wait").pointer ==
          "/steps/0/wait_ms");
    CHECK(only(load_one(with_step_field("wait_ms", "600000")), "content.guide.bad_wait").pointer ==
          "/steps/0/wait_ms");
    CHECK(only(load_one(with_step_field("target", "12")), "content.guide.wrong_type").pointer ==
          "/steps/0/target");
    CHECK(only(load_one(with_step_field("next", "2")), "content.guide.wrong_type").pointer ==
          "/steps/0/next");
    CHECK(only(load_one(with_step_field("body", "[]")), "content.guide.wrong_type").pointer ==
          "/steps/0/body");
}

TEST_CASE("advance kinds need what they watch: a target, a page or a selector") {
    CHECK(
        only(load_one(R"({"id": "g", "title": "G", "steps": [{"title": "T", "advance": "target_clicked"}]})"),
             "content.guide.advance_needs_target")
            .pointer == "/steps/0/advance");
    CHECK(only(load_one(R"({"id": "g", "title": "G", "steps": [{"title": "T", "advance": "field_filled"}]})"),
               "content.guide.advance_needs_target")
              .pointer == "/steps/0/advance");
    CHECK(only(load_one(with_step_field("advance", R"("url_reached")")), "content.guide.advance_needs_page")
              .pointer == "/steps/0/advance");
    CHECK(only(load_one(with_step_field("advance", R"({"when": "element_visible"})")),
               "content.guide.advance_needs_selector")
              .pointer == "/steps/0/advance/when");
    CHECK(only(load_one(with_step_field("advance", R"({"when": "url_reached", "page": "order-status"})")),
               "content.guide.bad_page_pattern")
              .pointer == "/steps/0/advance/page");
}

TEST_CASE("questions: 2 to 6 labelled answers, no advance, next ignored") {
    CHECK(only(load_one(with_step_field("branches", R"([{"label": "Only", "next": "end"}])")),
               "content.guide.branch_count")
              .pointer == "/steps/0/branches");
    CHECK(only(load_one(with_step_field("branches", R"([{"label": "A", "next": "end"}, {"next": "end"}])")),
               "content.guide.branch_without_label")
              .pointer == "/steps/0/branches/1/label");
    CHECK(only(load_one(with_step_field("branches", R"([{"label": "A", "next": "end"}, {"label": "B"}])")),
               "content.guide.unknown_step")
              .pointer == "/steps/0/branches/1/next");
    const std::string with_advance = R"({"id": "g", "title": "G", "steps": [{"title": "T", "target": "#a",
        "advance": "target_clicked", "branches": [{"label": "A", "next": "end"}, {"label": "B", "next": "end"}]}]})";
    CHECK(only(load_one(with_advance), "content.guide.question_with_advance").pointer == "/steps/0/advance");
    const std::string with_next = R"({"id": "g", "title": "G", "steps": [{"title": "T", "next": "end",
        "branches": [{"label": "A", "next": "end"}, {"label": "B", "next": "end"}]}]})";
    const LoadedGuides loaded = load_one(with_next);
    CHECK(only(loaded, "content.guide.next_ignored").severity == Severity::Warning);
    CHECK(loaded.guides.size() == 1);
}

TEST_CASE("guide-level fields: id, title, summary, pages, steps") {
    CHECK(
        only(load_one(R"({"title": "G", "steps": [{"title": "T"}]})"), "content.guide.missing_id").pointer ==
        "/id");
    CHECK(only(load_one(R"({"id": "Apply Coupon", "title": "G", "steps": [{"title": "T"}]})"),
               "content.guide.bad_id")
              .pointer == "/id");
    CHECK(
        only(load_one(R"({"id": "g", "steps": [{"title": "T"}]})"), "content.guide.missing_title").pointer ==
        "/title");
    CHECK(only(load_one(R"({"id": "g", "title": "  ", "steps": [{"title": "T"}]})"),
               "content.guide.missing_title")
              .pointer == "/title");
    CHECK(only(load_one(R"({"id": "g", "title": ")" + std::string(201, 'x') +
                        R"(", "steps": [{"title": "T"}]})"),
               "content.guide.title_too_long")
              .pointer == "/title");
    CHECK(only(load_one(R"({"id": "g", "title": "G", "pages": ["cart.html"], "steps": [{"title": "T"}]})"),
               "content.guide.bad_page_pattern")
              .pointer == "/pages/0");
    CHECK(only(load_one(R"({"id": "g", "title": "G"})"), "content.guide.no_steps").pointer == "/steps");
    CHECK(only(load_one(R"({"id": "g", "title": "G", "steps": []})"), "content.guide.no_steps").pointer ==
          "/steps");
    std::string many = R"({"id": "g", "title": "G", "steps": [)";
    for (int i = 0; i < 51; ++i)
        many += std::string(i ? "," : "") + R"({"title": "T"})";
    CHECK(only(load_one(many + "]}"), "content.guide.too_many_steps").pointer == "/steps");
    CHECK(only(load_one(R"({"id": "g", "title": "G", "locale": "he", "steps": [{"title": "T"}]})"),
               "content.guide.locale_mismatch")
              .pointer == "/locale");
    // One bad item of an array leaves the good guides beside it.
    const LoadedGuides mixed = load_one(R"([{"id": "g", "title": "G", "steps": [{"title": "T"}]}, 5])");
    REQUIRE(with_code(mixed, "content.guide.not_an_object").size() == 1);
    CHECK(with_code(mixed, "content.guide.not_an_object")[0].pointer == "/1");
    CHECK(mixed.guides.size() == 1);
}

TEST_CASE("content.guide.string_too_long: a summary or an answer longer than the widget shows") {
    CHECK(only(load_one(R"({"id": "g", "title": "G", "summary": ")" + std::string(301, 's') +
                        R"(", "steps": [{"title": "T"}]})"),
               "content.guide.string_too_long")
              .pointer == "/summary");
    CHECK(only(load_one(
                   with_step_field("branches", R"([{"label": ")" + std::string(81, 'l') +
                                                   R"(", "next": "end"}, {"label": "B", "next": "end"}])")),
               "content.guide.string_too_long")
              .pointer == "/steps/0/branches/0/label");
}

TEST_CASE("step-level fields: object, id, title, body") {
    CHECK(only(load_one(R"({"id": "g", "title": "G", "steps": ["click here"]})"),
               "content.guide.step_not_an_object")
              .pointer == "/steps/0");
    CHECK(only(load_one(R"({"id": "g", "title": "G", "steps": [{"id": "Step One", "title": "T"}]})"),
               "content.guide.bad_step_id")
              .pointer == "/steps/0/id");
    CHECK(only(load_one(R"({"id": "g", "title": "G", "steps": [{"body": "no title"}]})"),
               "content.guide.step_without_text")
              .pointer == "/steps/0/title");
    CHECK(only(load_one(with_step_field("title", "\"" + std::string(121, 'x') + "\"")),
               "content.guide.step_title_too_long")
              .pointer == "/steps/0/title");
    CHECK(only(load_one(with_step_field("body", "\"" + std::string(2001, 'x') + "\"")),
               "content.guide.step_body_too_long")
              .pointer == "/steps/0/body");
}

TEST_CASE("links between steps are checked once every step reads: unknown, duplicate, loops") {
    CHECK(only(load_one(with_step_field("next", R"("nowhere")")), "content.guide.unknown_step").pointer ==
          "/steps/0/next");
    const std::string duplicate =
        R"({"id": "g", "title": "G", "steps": [{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]})";
    CHECK(only(load_one(duplicate), "content.guide.duplicate_step_id").pointer == "/steps/1/id");
    const std::string loop =
        R"({"id": "g", "title": "G", "steps": [{"id": "a", "title": "A"}, {"id": "b", "title": "B", "next": "a"}]})";
    const LoadedGuides loaded = load_one(loop);
    CHECK(with_code(loaded, "content.guide.cycle_without_exit").size() == 2);
    CHECK(loaded.guides.empty());
    // In an array, pointers start at the guide's index.
    CHECK(only(load_one("[" + duplicate + "]"), "content.guide.duplicate_step_id").pointer ==
          "/0/steps/1/id");
}

TEST_CASE("content.guide.unknown_field warns and keeps the guide") {
    const LoadedGuides loaded = load_one(with_step_field("highlight", "true"));
    const auto problem = only(loaded, "content.guide.unknown_field");
    CHECK(problem.severity == Severity::Warning);
    CHECK(problem.pointer == "/steps/0/highlight");
    CHECK(loaded.guides.size() == 1);
}

TEST_CASE("content.guide.duplicate_id: every file using the id in a locale; other locales translate") {
    const std::vector<ContentFile> files{
        {"en/guides/a.json", R"({"id": "g", "title": "A", "steps": [{"title": "T"}]})"},
        {"en/guides/b.json", R"({"id": "g", "title": "B", "steps": [{"title": "T"}]})"},
        {"he/guides/a.json", R"({"id": "g", "title": "א", "steps": [{"title": "ט"}]})"},
    };
    const LoadedGuides loaded = load_guides(files);
    const auto found = with_code(loaded, "content.guide.duplicate_id");
    REQUIRE(found.size() == 2);
    CHECK(found[0].file == "en/guides/a.json");
    CHECK(found[1].file == "en/guides/b.json");
    REQUIRE(loaded.guides.size() == 1);
    CHECK(loaded.guides[0].locale == "he");
}

TEST_CASE("a broken guide file does not take the next file's guides with it") {
    const std::vector<ContentFile> files{
        {"en/guides/a-broken.json",
         R"({"id": "broken", "title": "B", "steps": [{"title": "T", "target": "a["}]})"},
        {"en/guides/b-good.json", R"({"id": "good", "title": "G", "steps": [{"title": "T"}]})"},
        {"en/guides/c-invalid.json", "{"},
        {"en/guides/d-good.json", R"({"id": "good-too", "title": "G", "steps": [{"title": "T"}]})"},
    };
    const LoadedGuides loaded = load_guides(files);
    REQUIRE(loaded.guides.size() == 2);
    CHECK(loaded.guides[0].id == "good");
    CHECK(loaded.guides[1].id == "good-too");
}

TEST_CASE("guide files get the content.file problems every content file can have") {
    CHECK(only(load_one("{\"id\": "), "content.file.invalid_json").file == "en/guides/g.json");
    CHECK(only(load_one(""), "content.file.invalid_json").message.find("guide") != std::string::npos);
    CHECK(only(load_one("\"\xC3\x28\""), "content.file.invalid_utf8").pointer.empty());
    CHECK(
        only(load_one(std::string(40, '[') + std::string(40, ']')), "content.file.too_deep").pointer.empty());
    CHECK(only(load_one(R"({"id": "g", "title": "G", "steps": [{"title": "T"}]})", "english/guides/g.json"),
               "content.locale.bad_name")
              .file == "english/guides/g.json");
}

TEST_CASE("hostile bytes never crash the guide loader") {
    std::uint32_t seed = 7;
    const std::string alphabet = "{}[]\":,0123456789abcdeftrunl \\/#.>*steps";
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        for (int i = 0; i < 80; ++i) {
            seed = seed * 1103515245u + 12345u;
            text += alphabet[(seed >> 16) % alphabet.size()];
        }
        (void)load_one("{\"id\":\"g\",\"title\":\"G\",\"steps\":[" + text);
        (void)load_one(text);
    }
    SUCCEED("no crash");
}

TEST_CASE("is_guide_file_path: <locale>/guides/<name>.json only") {
    CHECK(is_guide_file_path("en/guides/apply-coupon.json"));
    CHECK_FALSE(is_guide_file_path("en/apply-coupon.json"));
    CHECK_FALSE(is_guide_file_path("en/guides/old/apply.json"));
    CHECK_FALSE(is_guide_file_path("guides/apply.json"));
    CHECK_FALSE(is_guide_file_path("en/guides/readme.md"));
}

TEST_CASE("a help folder's files are sorted into articles and guides, problems grouped by file") {
    const std::vector<ContentFile> files{
        {"en/returns.json", R"({"id": "returns", "title": "Returns", "body": "30 days"})"},
        {"en/guides/apply-coupon.json", k_coupon_guide},
        {"en/guides/broken.json",
         R"({"id": "broken", "title": "B", "steps": [{"title": "T", "target": "a["}]})"},
    };
    const LoadedContent content = load_help_content(files);
    REQUIRE(content.articles.size() == 1);
    REQUIRE(content.guides.size() == 1);
    CHECK(content.guides[0].id == "apply-coupon");
    REQUIRE(content.problems.size() == 1);
    CHECK(content.problems[0].code == "content.guide.bad_selector");
    CHECK(content.problems[0].file == "en/guides/broken.json");
}

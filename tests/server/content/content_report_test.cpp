// How content problems and summaries read on a terminal.
#include "catch_amalgamated.hpp"

#include "server/content/content_report.h"

using namespace support::server;
using support::content::Article;
using support::content::ContentProblem;
using support::content::LoadedContent;
using support::content::Severity;

TEST_CASE("a problem reads FILE:POINTER: severity code: message, under the content folder",
          "[content_report]") {
    const ContentProblem problem{"content.article.wrong_type", Severity::Error, "en/returns.json", "/tags/2",
                                 "tags must be an array of strings; item 2 is a number"};
    CHECK(
        format_content_problem("demo_site/help", problem) ==
        "demo_site/help/en/returns.json:/tags/2: error content.article.wrong_type: tags must be an array of "
        "strings; item 2 is a number");
    CHECK(format_content_problem("help/", problem).starts_with("help/en/returns.json:/tags/2: "));
}

TEST_CASE("a whole-file problem leaves out the pointer; warnings say warning", "[content_report]") {
    CHECK(format_content_problem("help", {"content.file.invalid_json", Severity::Error, "en/a.json", "",
                                          "bad"}) == "help/en/a.json: error content.file.invalid_json: bad");
    CHECK(format_content_problem(
              "help", {"content.markdown.unsafe_link", Severity::Warning, "he/a.json", "/body", "link"}) ==
          "help/he/a.json:/body: warning content.markdown.unsafe_link: link");
}

TEST_CASE("the summary counts articles, locales (ignoring case), errors and warnings", "[content_report]") {
    LoadedContent loaded;
    CHECK(format_content_summary(loaded) == "0 articles and 0 guides in 0 locales, 0 errors, 0 warnings");
    loaded.articles = {Article{"a", "en", "t", "b", {}, {}, {}, {}},
                       Article{"a", "pt-BR", "t", "b", {}, {}, {}, {}},
                       Article{"b", "pt-br", "t", "b", {}, {}, {}, {}}};
    loaded.problems = {{"content.article.missing_title", Severity::Error, "en/x.json", "/title", "m"},
                       {"content.markdown.unsafe_link", Severity::Warning, "en/y.json", "/body", "m"},
                       {"content.article.unknown_field", Severity::Warning, "en/y.json", "/x", "m"}};
    CHECK(format_content_summary(loaded) == "3 articles and 0 guides in 2 locales, 1 error, 2 warnings");
    loaded.articles.resize(1);
    loaded.problems.clear();
    CHECK(format_content_summary(loaded) == "1 article and 0 guides in 1 locale, 0 errors, 0 warnings");
}

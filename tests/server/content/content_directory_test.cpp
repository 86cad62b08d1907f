// Reading a site's help content folder from disk, before the loader validates it.
#include "catch_amalgamated.hpp"

#include "server/content/content_directory.h"
#include "temp_dir.h"

#include <string>

using namespace support::server;
using support::server::test::TempDir;

namespace {

std::string article(std::string_view id, std::string_view title) {
    return "{\"id\": \"" + std::string(id) + "\", \"title\": \"" + std::string(title) +
           "\", \"body\": \"Text\"}";
}

} // namespace

TEST_CASE("locale folders and their .json files are read in name order", "[content_directory]") {
    TempDir dir;
    dir.write("he/b.json", article("b", "ב"));
    dir.write("en/b.json", article("b", "B"));
    dir.write("en/a.json", article("a", "A"));
    dir.write("ar/a.json", article("a", "أ"));
    auto loaded = load_content_directory(dir.path());
    REQUIRE(loaded.has_value());
    CHECK(loaded->problems.empty());
    std::vector<std::string> order;
    for (const auto& a : loaded->articles)
        order.push_back(a.locale + "/" + a.id);
    CHECK(order == std::vector<std::string>{"ar/a", "en/a", "en/b", "he/b"});
}

TEST_CASE("dot names and files that are not .json are skipped", "[content_directory]") {
    TempDir dir;
    dir.write("en/a.json", article("a", "A"));
    dir.write("en/.a.json.swp", "garbage");
    dir.write("en/notes.md", "# notes");
    dir.write(".git/config.json", "garbage");
    dir.write("README.md", "# help");
    std::filesystem::create_directories(dir.path() / "en" / "drafts.json");
    auto loaded = load_content_directory(dir.path());
    REQUIRE(loaded.has_value());
    CHECK(loaded->problems.empty());
    CHECK(loaded->articles.size() == 1);
}

TEST_CASE("an empty folder or an empty locale loads no articles and no problems", "[content_directory]") {
    TempDir dir;
    auto empty = load_content_directory(dir.path());
    REQUIRE(empty.has_value());
    CHECK(empty->articles.empty());
    CHECK(empty->problems.empty());
    std::filesystem::create_directories(dir.path() / "he");
    CHECK(load_content_directory(dir.path())->problems.empty());
}

TEST_CASE("a .json file beside the locale folders is reported", "[content_directory]") {
    TempDir dir;
    dir.write("returns.json", article("returns", "Returns"));
    auto loaded = load_content_directory(dir.path());
    REQUIRE(loaded.has_value());
    REQUIRE_FALSE(loaded->problems.empty());
    CHECK(loaded->problems[0].code == "content.file.not_in_locale_folder");
    CHECK(loaded->problems[0].file == "returns.json");
}

TEST_CASE("a file over 1 MB is reported as too large", "[content_directory]") {
    TempDir dir;
    dir.write("en/huge.json", std::string(3 * 1024 * 1024, ' '));
    auto loaded = load_content_directory(dir.path());
    REQUIRE(loaded.has_value());
    REQUIRE(loaded->problems.size() == 1);
    CHECK(loaded->problems[0].code == "content.file.too_large");
    CHECK(loaded->problems[0].file == "en/huge.json");
}

TEST_CASE("a missing folder or a file in its place is an error value", "[content_directory]") {
    TempDir dir;
    auto missing = load_content_directory(dir.path() / "nope");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == "content.directory.not_found");
    const auto file = dir.write("file.txt", "x");
    auto not_directory = load_content_directory(file);
    REQUIRE_FALSE(not_directory.has_value());
    CHECK(not_directory.error().code == "content.directory.not_a_directory");
}

TEST_CASE("symlinked locale folders and files are followed", "[content_directory]") {
    TempDir dir;
    dir.write("shared/he/a.json", article("a", "א"));
    std::filesystem::create_directories(dir.path() / "site");
    std::filesystem::create_directory_symlink(dir.path() / "shared/he", dir.path() / "site/he");
    auto loaded = load_content_directory(dir.path() / "site");
    REQUIRE(loaded.has_value());
    REQUIRE(loaded->articles.size() == 1);
    CHECK(loaded->articles[0].locale == "he");
}

TEST_CASE("guide files in a locale's guides folder are read and validated with the articles",
          "[content_directory]") {
    TempDir dir;
    dir.write("en/a.json", article("a", "A"));
    dir.write(
        "en/guides/apply-coupon.json",
        R"({"id": "apply-coupon", "title": "Apply a coupon", "steps": [{"title": "Enter it", "target": "#code"}]})");
    dir.write("en/guides/broken.json",
              R"({"id": "broken", "title": "B", "steps": [{"title": "T", "target": "a["}]})");
    dir.write("en/guides/notes.md", "# not a guide");
    dir.write("en/guides/old/ignored.json", "garbage");
    dir.write("he/guides/apply-coupon.json",
              R"({"id": "apply-coupon", "title": "הזנת קופון", "steps": [{"title": "הקלידו"}]})");
    auto loaded = load_content_directory(dir.path());
    REQUIRE(loaded.has_value());
    CHECK(loaded->articles.size() == 1);
    REQUIRE(loaded->guides.size() == 2);
    CHECK(loaded->guides[0].locale == "en");
    CHECK(loaded->guides[1].locale == "he");
    REQUIRE(loaded->problems.size() == 1);
    CHECK(loaded->problems[0].code == "content.guide.bad_selector");
    CHECK(loaded->problems[0].file == "en/guides/broken.json");
    CHECK(loaded->problems[0].pointer == "/steps/0/target");
}

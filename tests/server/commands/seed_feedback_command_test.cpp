#include "catch_amalgamated.hpp"

#include "server/commands/seed_feedback_command.h"
#include "server/storage/storage.h"
#include "temp_dir.h"

#include <set>
#include <sstream>

using namespace support::server;
using support::server::test::TempDir;

namespace {

struct Ran {
    int exit_code = -1;
    std::string out;
    std::string err;
};

Ran seed(const std::vector<std::string>& args) {
    std::vector<std::string_view> views(args.begin(), args.end());
    std::ostringstream out;
    std::ostringstream err;
    const int code = run_seed_feedback(views, out, err);
    return {code, out.str(), err.str()};
}

struct SeedSite {
    TempDir dir;
    std::string db = (dir.path() / "var" / "support.db").string();
    std::string help = (dir.path() / "help").string();
    SeedSite() {
        dir.write(
            "help/en/returns.json",
            R"({"id":"returns","locale":"en","title":"Returns","body":"Send it back within 30 days."})");
        dir.write("help/he/returns.json",
                  R"({"id":"returns","locale":"he","title":"החזרות","body":"אפשר להחזיר תוך 30 יום."})");
        dir.write("help/en/guides/track.json",
                  R"({"id":"track","title":"Track","summary":"Find your parcel.","steps":[)"
                  R"({"id":"open","title":"Open","body":"Open the page."},)"
                  R"({"id":"number","title":"Number","body":"Type the number."}]})");
    }
};

} // namespace

TEST_CASE("seed-feedback fills the store with feedback about the site's own articles and guides, once",
          "[cli][seeder]") {
    SeedSite site;
    const auto ran = seed({"--site", "demo=" + site.help, "--db", site.db, "--count", "400", "--if-empty"});
    CHECK(ran.exit_code == 0);
    CHECK(ran.out ==
          "seeded 400 feedback items for site demo over the last 30 days (1 articles, 1 guides)\n");

    auto storage = open_storage(site.db).value();
    CHECK(storage->count_feedback("demo").value() == 400);
    FeedbackQuery query;
    query.limit = 200;
    std::set<std::string> subjects;
    const auto page = storage->list_feedback(query).value();
    for (const auto& item : page.items) {
        if (item.submission.kind == support::protocol::FeedbackKind::ArticleHelpful ||
            item.submission.kind == support::protocol::FeedbackKind::Guide)
            subjects.insert(item.submission.subject);
        CHECK(item.submission.context.page_url.starts_with("http://127.0.0.1:8080/"));
    }
    CHECK(subjects == std::set<std::string>{"returns", "track"});
    const auto insights = storage->feedback_insights({}).value();
    REQUIRE(insights.guides.size() == 1);
    for (const auto& step : insights.guides[0].steps)
        CHECK((step.step == "open" || step.step == "number"));
    storage.reset();

    const auto again = seed({"--site", "demo=" + site.help, "--db", site.db, "--if-empty"});
    CHECK(again.exit_code == 0);
    CHECK(again.out == "site demo has 400 feedback items already; nothing seeded\n");
}

TEST_CASE("seed-feedback refuses bad arguments with a stable id", "[cli][seeder]") {
    SeedSite site;
    CHECK(seed({"--db", site.db}).err.starts_with("seed.args.missing_site"));
    CHECK(seed({"--site", "demo"}).err.starts_with("seed.args.bad_site"));
    CHECK(seed({"--site", "demo=" + site.help, "--count", "0"}).err.starts_with("seed.args.bad_number"));
    CHECK(seed({"--site", "demo=" + site.help, "--origin", "shop.example"})
              .err.starts_with("seed.args.bad_origin"));
    CHECK(
        seed({"--site", "demo=" + site.help, "--colour", "red"}).err.starts_with("seed.args.unknown_option"));
    const auto missing = seed({"--site", "demo=" + (site.dir.path() / "nowhere").string(), "--db", site.db});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.starts_with("content.directory.not_found"));
}

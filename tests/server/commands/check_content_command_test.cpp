// `support-server check-content DIR`: every problem, the summary line and the exit code, called
// directly and as the binary site owners run.
#include "catch_amalgamated.hpp"

#include "child_process.h"
#include "server/commands/check_content_command.h"
#include "temp_dir.h"

#include <sstream>
#include <string>
#include <vector>

using namespace support::server;
using namespace support::server::test;

namespace {

const std::string k_binary = SW_SUPPORT_SERVER_PATH;

struct CommandOutput {
    int exit_code = -1;
    std::string out;
    std::string err;
};

CommandOutput check(std::vector<std::string_view> args) {
    std::ostringstream out;
    std::ostringstream err;
    const int exit_code = run_check_content(args, out, err);
    return CommandOutput{exit_code, out.str(), err.str()};
}

void write_good_site(const TempDir& dir) {
    dir.write("help/en/returns.json",
              R"({"id": "returns", "title": "How do I return an item?", "body": "Within **30 days**."})");
    dir.write("help/en/shipping.json", R"([{"id": "shipping", "title": "Shipping", "body": "3 days"},
                                           {"id": "tracking", "title": "Tracking", "body": "See your email"}])");
    dir.write("help/he/returns.json", R"({"id": "returns", "title": "איך מחזירים?", "body": "תוך 30 יום"})");
}

} // namespace

TEST_CASE("check-content: a good folder prints only the summary and exits 0", "[check_content]") {
    TempDir dir;
    write_good_site(dir);
    const auto result = check({(dir.path() / "help").string()});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "4 articles and 0 guides in 2 locales, 0 errors, 0 warnings\n");
    CHECK(result.err.empty());
}

TEST_CASE("check-content: warnings are printed but exit 0", "[check_content]") {
    TempDir dir;
    write_good_site(dir);
    dir.write("help/en/links.json",
              R"x({"id": "links", "title": "Links", "body": "[x](javascript:void(0))", "color": 1})x");
    const std::string help = (dir.path() / "help").string();
    const auto result = check({help});
    CHECK(result.exit_code == 0);
    CHECK(result.out ==
          help +
              "/en/links.json:/color: warning content.article.unknown_field: unknown field 'color' "
              "is ignored (the fields are id, locale, title, body, tags, synonyms, pages, products)\n" +
              help +
              "/en/links.json:/body: warning content.markdown.unsafe_link: link to 'javascript:void(0)' "
              "is not allowed (use http:, https:, mailto:, tel:, a /path or #anchor); it is shown as "
              "plain text\n"
              "5 articles and 0 guides in 2 locales, 0 errors, 2 warnings\n");
}

TEST_CASE("check-content: every error in every file is printed, then the summary, exit 1",
          "[check_content]") {
    TempDir dir;
    write_good_site(dir);
    dir.write("help/en/broken.json", "{\"id\": \"broken\",\n \"title\": ");
    dir.write("help/en/types.json", R"({"id": "types", "title": 5, "body": "b", "tags": ["a", 2]})");
    dir.write("help/en/copy.json", R"({"id": "returns", "title": "Again", "body": "b"})");
    dir.write("help/English/a.json", R"({"id": "a", "title": "A", "body": "b"})");
    const std::string help = (dir.path() / "help").string();
    const auto result = check({help});
    CHECK(result.exit_code == 1);
    INFO(result.out);
    const auto has = [&](const std::string& text) { return result.out.find(text) != std::string::npos; };
    CHECK(has(help + "/English: error content.locale.bad_name: folder 'English' is not a language tag"));
    CHECK(has(help +
              "/en/broken.json: error content.file.invalid_json: not valid JSON: parse error at line 2"));
    CHECK(has(help + "/en/copy.json:/id: error content.article.duplicate_id: id 'returns' is also used in "
                     "en/returns.json"));
    CHECK(has(help + "/en/returns.json:/id: error content.article.duplicate_id: id 'returns' is also used in "
                     "en/copy.json"));
    CHECK(has(help + "/en/types.json:/title: error content.article.wrong_type: title must be a string, got a "
                     "number"));
    CHECK(has(help + "/en/types.json:/tags/1: error content.article.wrong_type"));
    CHECK(result.out.ends_with("\n3 articles and 0 guides in 2 locales, 6 errors, 0 warnings\n"));
}

TEST_CASE("check-content: bad arguments and unusable folders exit 2 with an error id", "[check_content]") {
    TempDir dir;
    const auto missing = check({(dir.path() / "nope").string()});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.starts_with("content.directory.not_found: "));
    CHECK(missing.out.empty());
    CHECK(check({}).err.starts_with("server.args.missing_directory: "));
    CHECK(check({}).exit_code == 2);
    CHECK(check({"a", "b"}).err.starts_with("server.args.unexpected_argument: "));
    CHECK(check({"--strict", "a"}).err.starts_with("server.args.unknown_option: "));
    CHECK(check({dir.write("file.json", "{}").string()})
              .err.starts_with("content.directory.not_a_directory: "));
    const auto help = check({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out == check_content_usage());
}

TEST_CASE("cli: support-server check-content prints problems on stdout with exit codes 0, 1 and 2",
          "[check_content][cli]") {
    TempDir dir;
    write_good_site(dir);
    const std::string help = (dir.path() / "help").string();
    const auto good = run_to_completion({k_binary, "check-content", help});
    CHECK(good.exit_code == 0);
    CHECK(good.out == "4 articles and 0 guides in 2 locales, 0 errors, 0 warnings\n");

    dir.write("help/he/empty.json", "");
    const auto bad = run_to_completion({k_binary, "check-content", help});
    CHECK(bad.exit_code == 1);
    CHECK(bad.out ==
          help + "/he/empty.json: error content.file.invalid_json: the file is empty; write one article "
                 "object or an array of them\n4 articles and 0 guides in 2 locales, 1 error, 0 warnings\n");

    const auto missing = run_to_completion({k_binary, "check-content", help + "/nope"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("content.directory.not_found") != std::string::npos);

    const auto usage = run_to_completion({k_binary, "--help"});
    CHECK(usage.out.find("check-content") != std::string::npos);
}

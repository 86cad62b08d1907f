// GET /api/v1/sites/{site}/content: the handler through the route table, then the support-server
// binary with --site over real sockets.
#include "catch_amalgamated.hpp"

#include "child_process.h"
#include "router_answer.h"
#include "server/content/content_api.h"
#include "server/http/http_caching.h"
#include "server/routes.h"
#include "server/static/static_files.h"
#include "shared/core/content/article_bundle.h"
#include "support_server_process.h"
#include "temp_dir.h"
#include "wire_client.h"

#include <csignal>
#include <memory>
#include <regex>
#include <string>

using support::server::testing::answer;

using namespace support::server;
using namespace support::server::test;
using support::content::Article;
using namespace std::chrono_literals;

namespace {

Article article(std::string id, std::string locale, std::string title) {
    return Article{std::move(id), std::move(locale), std::move(title), "Body", {}, {}, {}, {}};
}

struct ContentSite {
    TempDir dir;
    Router router;

    explicit ContentSite(std::vector<SiteContent> sites) {
        dir.write("site/index.html", "<h1>shop</h1>");
        auto files = StaticFiles::open({{"/", dir.path() / "site"}});
        REQUIRE(files.has_value());
        router = make_routes(std::make_shared<const StaticFiles>(std::move(*files)),
                             std::make_shared<const ContentApi>(sites));
    }

    HttpResponse get(std::string target, HeaderList headers = {}, std::string method = "GET") const {
        return answer(router, HttpRequest{std::move(method), std::move(target), std::move(headers), {}});
    }
};

ContentSite demo_site() {
    return ContentSite(
        {SiteContent{"demo",
                     {article("returns", "en", "Returns"), article("returns", "he", "החזרות"),
                      article("shipping", "en", "Shipping"), article("returns", "pt-BR", "Devoluções"),
                      article("returns", "zh-Hant", "退貨")},
                     {}},
         SiteContent{"hebrew-only", {article("returns", "he", "החזרות")}, {}}});
}

// The locale and article ids of a bundle body.
std::string locale_of(const HttpResponse& response) {
    auto bundle = support::content::parse_article_bundle(response.body_bytes());
    REQUIRE(bundle.has_value());
    return bundle->locale;
}

} // namespace

TEST_CASE("content: a locale's articles come as a JSON bundle with a strong ETag", "[content_api]") {
    const auto site = demo_site();
    const auto response = site.get("/api/v1/sites/demo/content?locale=en");
    CHECK(response.status == 200);
    CHECK(response.header("Content-Type") == "application/json");
    CHECK(response.header("Cache-Control") == "no-cache");
    CHECK(response.header("Content-Language") == "en");
    CHECK(response.header("X-Content-Type-Options") == "nosniff");
    const std::string etag(response.header("ETag"));
    CHECK(etag.starts_with("\""));
    CHECK(etag == make_etag_for_bytes(response.body_bytes()));
    auto bundle = support::content::parse_article_bundle(response.body_bytes());
    REQUIRE(bundle.has_value());
    CHECK(bundle->site == "demo");
    CHECK(bundle->locale == "en");
    REQUIRE(bundle->articles.size() == 2);
    CHECK(bundle->articles[0].id == "returns");
    CHECK(bundle->articles[1].id == "shipping");
    CHECK(site.get("/api/v1/sites/demo/content?locale=he").header("ETag") != etag);
}

TEST_CASE("content: If-None-Match with the current ETag answers 304 without a body", "[content_api]") {
    const auto site = demo_site();
    const std::string etag(site.get("/api/v1/sites/demo/content?locale=he").header("ETag"));
    const auto cached = site.get("/api/v1/sites/demo/content?locale=he", {{"If-None-Match", etag}});
    CHECK(cached.status == 304);
    CHECK(cached.body_bytes().empty());
    CHECK(cached.header("ETag") == etag);
    CHECK(site.get("/api/v1/sites/demo/content?locale=en", {{"If-None-Match", etag}}).status == 200);
}

TEST_CASE("content: locale fallback goes exact, language, same language, then en", "[content_api]") {
    const auto site = demo_site();
    CHECK(locale_of(site.get("/api/v1/sites/demo/content?locale=he")) == "he");
    CHECK(locale_of(site.get("/api/v1/sites/demo/content?locale=HE")) == "he");
    CHECK(locale_of(site.get("/api/v1/sites/demo/content?locale=he-IL")) == "he");
    CHECK(locale_of(site.get("/api/v1/sites/demo/content?locale=pt-br")) == "pt-BR");
    CHECK(locale_of(site.get("/api/v1/sites/demo/content?locale=pt")) == "pt-BR");
    CHECK(locale_of(site.get("/api/v1/sites/demo/content?locale=pt-PT")) == "pt-BR");
    CHECK(locale_of(site.get("/api/v1/sites/demo/content?locale=zh-Hant-TW")) == "zh-Hant");
    CHECK(locale_of(site.get("/api/v1/sites/demo/content?locale=fr")) == "en");
    const auto french = site.get("/api/v1/sites/demo/content?locale=fr-CA");
    CHECK(french.header("Content-Language") == "en");
}

TEST_CASE("content: a site without English articles falls back to an empty en bundle", "[content_api]") {
    const auto site = demo_site();
    const auto response = site.get("/api/v1/sites/hebrew-only/content?locale=fr");
    CHECK(response.status == 200);
    CHECK(response.body_bytes() == R"({"articles":[],"guides":[],"locale":"en","site":"hebrew-only"})");
    CHECK(ContentSite({SiteContent{"empty", {}, {}}})
              .get("/api/v1/sites/empty/content?locale=he")
              .body_bytes() == R"({"articles":[],"guides":[],"locale":"en","site":"empty"})");
}

TEST_CASE("content: an unknown site is 404 content.site.not_found", "[content_api]") {
    const auto site = demo_site();
    const auto response = site.get("/api/v1/sites/nope/content?locale=en");
    CHECK(response.status == 404);
    CHECK(response.header("Content-Type") == "application/json");
    CHECK(response.body_bytes() ==
          R"({"error":{"code":"content.site.not_found","message":"no site called 'nope'",)"
          R"("field":"site"}})");
    const auto no_sites = ContentSite({}).get("/api/v1/sites/demo/content?locale=en");
    CHECK(no_sites.status == 404);
}

TEST_CASE("content: a missing or malformed locale is 400 content.locale.bad_name", "[content_api]") {
    const auto site = demo_site();
    for (const char* query : {"", "?", "?lang=en", "?locale=", "?locale=e", "?locale=en_US",
                              "?locale=english", "?locale=%zz", "?locale=en%00", "?locale=../../etc"}) {
        INFO("query " << query);
        const auto response = site.get(std::string("/api/v1/sites/demo/content") + query);
        CHECK(response.status == 400);
        CHECK(response.body_bytes().find("\"code\":\"content.locale.bad_name\"") != std::string::npos);
        CHECK(response.body_bytes().find("\"field\":\"locale\"") != std::string::npos);
    }
}

TEST_CASE("content: clients that accept gzip get the compressed bundle with its own ETag", "[content_api]") {
    std::string body;
    for (int i = 0; i < 100; ++i)
        body += "Return any item within **30 days** of delivery. ";
    Article long_article = article("returns", "en", "Returns");
    long_article.body = body;
    const ContentSite site({SiteContent{"demo", {long_article}, {}}});
    const auto plain = site.get("/api/v1/sites/demo/content?locale=en");
    const auto gzip = site.get("/api/v1/sites/demo/content?locale=en", {{"Accept-Encoding", "gzip, br"}});
    CHECK(plain.header("Vary") == "Accept-Encoding");
    CHECK_FALSE(plain.has_header("Content-Encoding"));
    CHECK(gzip.status == 200);
    CHECK(gzip.header("Content-Encoding") == "gzip");
    CHECK(gzip.header("Vary") == "Accept-Encoding");
    CHECK(gzip.body_bytes().substr(0, 2) == "\x1f\x8b");
    CHECK(gzip.body_bytes().size() < plain.body_bytes().size() / 4);
    CHECK(gzip.header("ETag") != plain.header("ETag"));
    const std::string gzip_etag(gzip.header("ETag"));
    CHECK(site.get("/api/v1/sites/demo/content?locale=en",
                   {{"Accept-Encoding", "gzip"}, {"If-None-Match", gzip_etag}})
              .status == 304);
    CHECK(site.get("/api/v1/sites/demo/content?locale=en", {{"If-None-Match", gzip_etag}}).status == 200);
    CHECK_FALSE(site.get("/api/v1/sites/demo/content?locale=en", {{"Accept-Encoding", "gzip;q=0"}})
                    .has_header("Content-Encoding"));
}

TEST_CASE("content: HEAD has the headers without the body; POST is 405", "[content_api]") {
    const auto site = demo_site();
    const auto get = site.get("/api/v1/sites/demo/content?locale=en");
    const auto head = site.get("/api/v1/sites/demo/content?locale=en", {}, "HEAD");
    CHECK(head.status == 200);
    CHECK(head.body_bytes().empty());
    CHECK(head.head_content_length == std::optional<std::uint64_t>(get.body_bytes().size()));
    CHECK(head.header("ETag") == get.header("ETag"));
    const auto post = site.get("/api/v1/sites/demo/content?locale=en", {}, "POST");
    CHECK(post.status == 405);
    CHECK(post.header("Allow") == "GET, HEAD");
}

// ---- The support-server binary ------------------------------------------------------------------

namespace {

const std::string k_binary = SW_SUPPORT_SERVER_PATH;

struct HelpFolder {
    TempDir dir;
    HelpFolder() {
        dir.write("site/index.html", "<h1>shop</h1>");
        dir.write("help/en/returns.json",
                  R"({"id": "returns", "title": "How do I return an item?", "body": "Within **30 days**."})");
        dir.write("help/en/broken.json", R"({"id": "broken", "title": )");
        dir.write("help/he/returns.json",
                  R"({"id": "returns", "title": "איך מחזירים?", "body": "תוך 30 יום"})");
        dir.write("help/ar/returns.json",
                  R"x({"id": "returns", "title": "كيف أُرجع؟", "body": "[x](javascript:alert(1))"})x");
    }
    std::string site() const { return (dir.path() / "site").string(); }
    std::string help() const { return (dir.path() / "help").string(); }
};

} // namespace

TEST_CASE("cli: serve --site serves the content API, ETag and 304, fallback, 404 and 400",
          "[cli][content_api]") {
    HelpFolder folder;
    ChildProcess child({k_binary, "serve", "--port", "0", "--root", folder.site(), "--site",
                        "demo=" + folder.help(), "--db", (folder.dir.path() / "support.db").string()});
    REQUIRE(child.started());
    const auto port = read_listening_port(child);

    const auto english = http_get(port, "/api/v1/sites/demo/content?locale=en-GB");
    CHECK(english.status == 200);
    CHECK(english.header("Content-Type") == "application/json");
    CHECK(english.header("Content-Language") == "en");
    CHECK(english.body.find("How do I return an item?") != std::string::npos);
    CHECK(english.body.find("broken") == std::string::npos); // left out: it has an error

    const std::string etag(english.header("ETag"));
    REQUIRE_FALSE(etag.empty());
    const auto revalidated =
        http_get(port, "/api/v1/sites/demo/content?locale=en", {{"If-None-Match", etag}});
    CHECK(revalidated.status == 304);
    CHECK(revalidated.body.empty());

    const auto gzipped =
        http_get(port, "/api/v1/sites/demo/content?locale=en", {{"Accept-Encoding", "gzip"}});
    CHECK(gzipped.status == 200);
    CHECK(gzipped.header("Content-Encoding") == "gzip");

    const auto hebrew = http_get(port, "/api/v1/sites/demo/content?locale=he");
    CHECK(hebrew.body.find("איך מחזירים?") != std::string::npos);
    const auto arabic = http_get(port, "/api/v1/sites/demo/content?locale=ar-EG");
    CHECK(arabic.header("Content-Language") == "ar"); // served despite its unsafe-link warning
    CHECK(http_get(port, "/api/v1/sites/demo/content?locale=fr").header("Content-Language") == "en");
    CHECK(http_get(port, "/api/v1/sites/other/content?locale=en").status == 404);
    CHECK(http_get(port, "/api/v1/sites/demo/content").status == 400);
    CHECK(http_get(port, "/index.html").body == "<h1>shop</h1>");

    child.send_signal(SIGTERM);
    CHECK(child.wait_for_exit(10s) == std::optional<int>(0));
    const std::string err = child.rest_of_stderr();
    CHECK(err.find("site demo: " + folder.help() + "/en/broken.json: error content.file.invalid_json") !=
          std::string::npos);
    CHECK(err.find("site demo: " + folder.help() +
                   "/ar/returns.json:/body: warning content.markdown.unsafe_link") != std::string::npos);
    CHECK(err.find("site demo: 3 articles and 0 guides in 3 locales, 1 error, 1 warning") !=
          std::string::npos);
}

TEST_CASE("cli: serve starts with an empty content folder and answers an empty en bundle",
          "[cli][content_api]") {
    TempDir dir;
    dir.write("site/index.html", "x");
    std::filesystem::create_directories(dir.path() / "help");
    ChildProcess child({k_binary, "serve", "--port", "0", "--root", (dir.path() / "site").string(), "--site",
                        "demo=" + (dir.path() / "help").string(), "--db",
                        (dir.path() / "support.db").string()});
    const auto port = read_listening_port(child);
    CHECK(http_get(port, "/api/v1/sites/demo/content?locale=he").body ==
          R"({"articles":[],"guides":[],"locale":"en","site":"demo"})");
    child.send_signal(SIGTERM);
    CHECK(child.wait_for_exit(10s) == std::optional<int>(0));
}

TEST_CASE("cli: serve refuses a --site folder that does not exist (exit 2)", "[cli][content_api]") {
    TempDir dir;
    dir.write("site/index.html", "x");
    const auto result =
        run_to_completion({k_binary, "serve", "--port", "0", "--root", (dir.path() / "site").string(),
                           "--site", "demo=" + (dir.path() / "nope").string()});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("content.directory.not_found") != std::string::npos);
    CHECK(result.out.empty());
    const auto bad_name = run_to_completion({k_binary, "serve", "--root", (dir.path() / "site").string(),
                                             "--site", "Demo=" + dir.path().string()});
    CHECK(bad_name.exit_code == 2);
    CHECK(bad_name.err.find("server.args.bad_site") != std::string::npos);
}

TEST_CASE("content: guides come in the bundle of their locale", "[content_api]") {
    support::guide::Guide coupon;
    coupon.id = "apply-coupon";
    coupon.locale = "en";
    coupon.title = "Apply a coupon";
    support::guide::GuideStep step;
    step.id = "code";
    step.title = "Enter your code";
    step.target = {"#coupon-code"};
    coupon.steps = {step};
    support::guide::Guide hebrew = coupon;
    hebrew.locale = "he";
    hebrew.title = "הזנת קופון";
    const ContentSite site({SiteContent{"demo", {article("returns", "en", "Returns")}, {coupon, hebrew}},
                            SiteContent{"guides-only", {}, {hebrew}}});
    auto en =
        support::content::parse_article_bundle(site.get("/api/v1/sites/demo/content?locale=en").body_bytes());
    REQUIRE(en.has_value());
    REQUIRE(en->guides.size() == 1);
    CHECK(en->guides[0].title == "Apply a coupon");
    CHECK(en->guides[0].steps[0].target == std::vector<std::string>{"#coupon-code"});
    auto he = support::content::parse_article_bundle(
        site.get("/api/v1/sites/demo/content?locale=he-IL").body_bytes());
    REQUIRE(he.has_value());
    CHECK(he->articles.empty());
    REQUIRE(he->guides.size() == 1);
    CHECK(he->guides[0].title == "הזנת קופון");
    // A locale with only guides is a locale of the site.
    CHECK(locale_of(site.get("/api/v1/sites/guides-only/content?locale=he")) == "he");
}

#include "catch_amalgamated.hpp"

#include "router_answer.h"
#include "server/routes.h"
#include "server/static/static_files.h"
#include "temp_dir.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

using support::server::testing::answer;

using namespace support::server;
using support::server::test::TempDir;

namespace {

const std::string k_widget_js = "window.SupportWidget = {};\n";
const std::string k_widget_js_gz = std::string("\x1f\x8b\x08\x00gzipped-widget-bytes", 24);

HttpRequest request(std::string target, HeaderList headers = {}, std::string method = "GET") {
    return HttpRequest{std::move(method), std::move(target), std::move(headers), {}};
}

// A site like the demo: demo_site at / first, then dist at /, and console at /admin.
struct DemoSite {
    TempDir dir;
    Router router;

    DemoSite() {
        dir.write("demo_site/index.html", "<h1>Demo shop</h1>");
        dir.write("demo_site/help/index.html", "<h1>Help</h1>");
        dir.write("dist/support-widget.js", k_widget_js);
        dir.write("dist/support-widget.js.gz", k_widget_js_gz);
        dir.write("dist/support-widget-core.3fa9c2d1e0.wasm", std::string("\0asm\x01\0\0\0", 8));
        dir.write("dist/logo.png", "png-bytes");
        dir.write("dist/logo.png.gz", "never-served");
        dir.write("dist/empty-dir/.keep", "");
        dir.write("dist/.env", "TOKEN=hidden");
        dir.write("console/index.html", "<h1>Console</h1>");
        auto files = StaticFiles::open({{"/", dir.path() / "demo_site"},
                                        {"/", dir.path() / "dist"},
                                        {"/admin", dir.path() / "console"}});
        REQUIRE(files.has_value());
        router = make_routes(std::make_shared<const StaticFiles>(std::move(*files)));
    }

    HttpResponse get(std::string target, HeaderList headers = {}) const {
        return answer(router, request(std::move(target), std::move(headers)));
    }
};

} // namespace

TEST_CASE("static files: / serves index.html as no-cache HTML", "[static_files]") {
    DemoSite site;
    const auto response = site.get("/");
    CHECK(response.status == 200);
    CHECK(response.body_bytes() == "<h1>Demo shop</h1>");
    CHECK(response.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(response.header("Cache-Control") == "no-cache");
    CHECK(response.header("X-Content-Type-Options") == "nosniff");
    CHECK(response.header("Vary") == "Accept-Encoding");
}

TEST_CASE("static files: roots sharing a prefix are searched in order", "[static_files]") {
    DemoSite site;
    CHECK(site.get("/index.html").body_bytes() == "<h1>Demo shop</h1>");
    const auto loader = site.get("/support-widget.js");
    CHECK(loader.status == 200);
    CHECK(loader.body_bytes() == k_widget_js);

    DemoSite shadowed;
    shadowed.dir.write("demo_site/support-widget.js", "from demo_site");
    CHECK(shadowed.get("/support-widget.js").body_bytes() == "from demo_site");
}

TEST_CASE("static files: a prefixed root serves under its prefix only", "[static_files]") {
    DemoSite site;
    CHECK(site.get("/admin/").body_bytes() == "<h1>Console</h1>");
    CHECK(site.get("/admin/index.html").body_bytes() == "<h1>Console</h1>");
    CHECK(site.get("/adminx/index.html").status == 404);
    const auto redirect = site.get("/admin?tab=2");
    CHECK(redirect.status == 301);
    CHECK(redirect.header("Location") == "/admin/");
}

TEST_CASE("static files: directories serve their index.html, and redirect without a slash",
          "[static_files]") {
    DemoSite site;
    CHECK(site.get("/help/").body_bytes() == "<h1>Help</h1>");
    CHECK(site.get("/help").status == 301);
    CHECK(site.get("/help").header("Location") == "/help/");
    CHECK(site.get("/empty-dir/").status == 404);
    CHECK(site.get("/support-widget.js/").status == 404);
}

TEST_CASE("static files: wasm is served as application/wasm with the exact bytes", "[static_files]") {
    DemoSite site;
    const auto response = site.get("/support-widget-core.3fa9c2d1e0.wasm");
    CHECK(response.status == 200);
    CHECK(response.header("Content-Type") == "application/wasm");
    CHECK(response.body_bytes() == std::string("\0asm\x01\0\0\0", 8));
}

TEST_CASE("static files: cache headers for hashed, html and loader names", "[static_files]") {
    DemoSite site;
    CHECK(site.get("/support-widget-core.3fa9c2d1e0.wasm").header("Cache-Control") ==
          "public, max-age=31536000, immutable");
    CHECK(site.get("/index.html").header("Cache-Control") == "no-cache");
    CHECK(site.get("/support-widget.js").header("Cache-Control") == "public, max-age=300");
}

TEST_CASE("static files: the query string is ignored", "[static_files]") {
    DemoSite site;
    CHECK(site.get("/support-widget.js?v=123").body_bytes() == k_widget_js);
}

TEST_CASE("static files: ETag then If-None-Match answers 304 without a body", "[static_files]") {
    DemoSite site;
    const auto first = site.get("/support-widget.js");
    const std::string etag(first.header("ETag"));
    REQUIRE(etag.size() > 2);
    CHECK(etag.front() == '"');
    CHECK(etag.back() == '"');

    const auto again = site.get("/support-widget.js", {{"If-None-Match", etag}});
    CHECK(again.status == 304);
    CHECK(again.body_bytes().empty());
    CHECK(again.header("ETag") == etag);
    CHECK(again.header("Cache-Control") == "public, max-age=300");

    CHECK(site.get("/support-widget.js", {{"If-None-Match", "\"stale\", " + etag}}).status == 304);
    CHECK(site.get("/support-widget.js", {{"If-None-Match", "W/" + etag}}).status == 304);
    CHECK(site.get("/support-widget.js", {{"If-None-Match", "*"}}).status == 304);
    CHECK(site.get("/support-widget.js", {{"If-None-Match", "\"stale\""}}).status == 200);
}

TEST_CASE("static files: a changed file gets a new ETag and a full 200", "[static_files]") {
    DemoSite site;
    const std::string old_etag(site.get("/support-widget.js").header("ETag"));

    const auto path = site.dir.write("dist/support-widget.js", "window.SupportWidget = {v: 2};\n");
    const auto changed = site.get("/support-widget.js", {{"If-None-Match", old_etag}});
    CHECK(changed.status == 200);
    CHECK(changed.body_bytes() == "window.SupportWidget = {v: 2};\n");
    CHECK(changed.header("ETag") != old_etag);

    // Same size, new modification time: still a new tag.
    const std::string size_etag(changed.header("ETag"));
    site.dir.write("dist/support-widget.js", "window.SupportWidget = {v: 3};\n");
    std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) + std::chrono::seconds(5));
    const auto touched = site.get("/support-widget.js", {{"If-None-Match", size_etag}});
    CHECK(touched.status == 200);
    CHECK(touched.header("ETag") != size_etag);
}

TEST_CASE("static files: gzip variant only when accepted, with its own ETag", "[static_files]") {
    DemoSite site;
    const auto gzipped = site.get("/support-widget.js", {{"Accept-Encoding", "br, gzip;q=0.8"}});
    CHECK(gzipped.status == 200);
    CHECK(gzipped.header("Content-Encoding") == "gzip");
    CHECK(gzipped.header("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(gzipped.header("Vary") == "Accept-Encoding");
    CHECK(gzipped.body_bytes() == k_widget_js_gz);

    for (const std::string accept : {"", "identity", "gzip;q=0", "br"}) {
        INFO("Accept-Encoding: " << accept);
        HeaderList headers;
        if (!accept.empty())
            headers.emplace_back("Accept-Encoding", accept);
        const auto plain = site.get("/support-widget.js", headers);
        CHECK(plain.status == 200);
        CHECK_FALSE(plain.has_header("Content-Encoding"));
        CHECK(plain.header("Vary") == "Accept-Encoding");
        CHECK(plain.body_bytes() == k_widget_js);
        CHECK(plain.header("ETag") != gzipped.header("ETag"));
    }

    const std::string gzip_etag(gzipped.header("ETag"));
    CHECK(
        site.get("/support-widget.js", {{"Accept-Encoding", "gzip"}, {"If-None-Match", gzip_etag}}).status ==
        304);
    CHECK(site.get("/support-widget.js", {{"If-None-Match", gzip_etag}}).status == 200);
}

TEST_CASE("static files: no gzip for types that do not compress, nor without a .gz file", "[static_files]") {
    DemoSite site;
    const auto png = site.get("/logo.png", {{"Accept-Encoding", "gzip"}});
    CHECK(png.status == 200);
    CHECK(png.body_bytes() == "png-bytes");
    CHECK_FALSE(png.has_header("Content-Encoding"));
    CHECK_FALSE(png.has_header("Vary"));

    const auto wasm = site.get("/support-widget-core.3fa9c2d1e0.wasm", {{"Accept-Encoding", "gzip"}});
    CHECK_FALSE(wasm.has_header("Content-Encoding"));
    CHECK(wasm.header("Vary") == "Accept-Encoding");
}

TEST_CASE("static files: HEAD sends the GET headers and length without the body", "[static_files]") {
    DemoSite site;
    const auto head = answer(site.router, request("/support-widget.js", {}, "HEAD"));
    CHECK(head.status == 200);
    CHECK(head.body_bytes().empty());
    REQUIRE(head.head_content_length.has_value());
    CHECK(*head.head_content_length == k_widget_js.size());
    CHECK(head.header("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(head.header("ETag") == site.get("/support-widget.js").header("ETag"));
}

TEST_CASE("static files: other methods answer 405 with Allow: GET, HEAD", "[static_files]") {
    DemoSite site;
    for (const char* method : {"POST", "PUT", "DELETE", "OPTIONS", "PATCH"}) {
        INFO(method);
        const auto response = answer(site.router, request("/index.html", {}, method));
        CHECK(response.status == 405);
        CHECK(response.header("Allow") == "GET, HEAD");
        CHECK(response.header("X-Content-Type-Options") == "nosniff");
        CHECK(response.body_bytes().find("server.static.method_not_allowed") != std::string::npos);
    }
}

TEST_CASE("static files: missing and hidden files are 404 with a JSON error", "[static_files]") {
    DemoSite site;
    for (const char* target : {"/nope.js", "/.env", "/dist/.env", "/admin/nope"}) {
        INFO(target);
        const auto response = site.get(target);
        CHECK(response.status == 404);
        CHECK(response.header("Content-Type") == "application/json");
        CHECK(response.body_bytes() ==
              R"({"error":{"code":"server.static.not_found","message":"no such file","field":"path"}})");
    }
}

TEST_CASE("static files: opening a missing root is an error with an id", "[static_files]") {
    TempDir dir;
    auto missing = StaticFiles::open({{"/", dir.path() / "nope"}});
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == "server.args.root_not_found");

    const auto file = dir.write("file.txt", "x");
    auto not_directory = StaticFiles::open({{"/", file}});
    REQUIRE_FALSE(not_directory.has_value());
    CHECK(not_directory.error().code == "server.args.root_not_directory");
}

TEST_CASE("static files: the body is the open file, never read into memory, whatever its size",
          "[static_files]") {
    DemoSite site;
    // A sparse 3 GB file: reading it into memory (as once) would be refused or exhaust it.
    constexpr std::uintmax_t k_large = 3ull * 1024 * 1024 * 1024;
    const auto large = site.dir.write("dist/large.bin", "");
    std::filesystem::resize_file(large, k_large);

    const auto response = site.get("/large.bin");
    CHECK(response.status == 200);
    REQUIRE(response.file_body != nullptr);
    CHECK(response.body.empty());
    CHECK(response.body_size() == k_large);

    const auto small = site.get("/support-widget.js");
    REQUIRE(small.file_body != nullptr);
    CHECK(small.body_bytes() == k_widget_js);
}

TEST_CASE("static files: HEAD and 304 answer from metadata and hold no file open", "[static_files]") {
    DemoSite site;
    const auto head = answer(site.router, request("/support-widget.js", {}, "HEAD"));
    CHECK(head.file_body == nullptr);
    CHECK(head.head_content_length == std::optional<std::uint64_t>(k_widget_js.size()));

    const std::string etag(site.get("/support-widget.js").header("ETag"));
    const auto cached = site.get("/support-widget.js", {{"If-None-Match", etag}});
    CHECK(cached.status == 304);
    CHECK(cached.file_body == nullptr);
}

TEST_CASE("static files: the ETag follows the file's size and time, read from the opened file",
          "[static_files]") {
    DemoSite site;
    const std::string before(site.get("/support-widget.js").header("ETag"));
    site.dir.write("dist/support-widget.js", "window.SupportWidget = {version: 2};\n");
    const auto after = site.get("/support-widget.js");
    CHECK(after.header("ETag") != before);
    CHECK(after.body_bytes() == "window.SupportWidget = {version: 2};\n");
}

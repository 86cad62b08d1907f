#include "catch_amalgamated.hpp"

#include "router_answer.h"
#include "server/routes.h"
#include "server/static/static_files.h"
#include "temp_dir.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

using support::server::testing::answer;

using namespace support::server;
using support::server::test::TempDir;

namespace {

const std::string k_secret = "TOP-SECRET-never-served-7f3a";

// temp/
//   secret.txt                 outside the root
//   root-evil/secret.txt       a sibling whose name starts with the root's name
//   root/index.html, root/a/file.txt
//   root/link-out -> temp      directory symlink leading out
//   root/secret-link.txt -> ../secret.txt
//   root/evil -> ../root-evil
//   root/app.js, root/app.js.gz -> ../secret.txt   a pre-compressed variant leading out
//   root/alias.txt -> a/file.txt                   a symlink that stays inside (allowed)
struct TraversalSite {
    TempDir dir;
    Router router;

    TraversalSite() {
        namespace fs = std::filesystem;
        const auto& top = dir.path();
        dir.write("secret.txt", k_secret);
        dir.write("root-evil/secret.txt", k_secret);
        dir.write("root/index.html", "<h1>public</h1>");
        dir.write("root/a/file.txt", "public file");
        dir.write("root/app.js", "console.log('public');");
        fs::create_directory_symlink(top, top / "root/link-out");
        fs::create_symlink("../secret.txt", top / "root/secret-link.txt");
        fs::create_directory_symlink("../root-evil", top / "root/evil");
        fs::create_symlink("../secret.txt", top / "root/app.js.gz");
        fs::create_symlink("a/file.txt", top / "root/alias.txt");
        auto files = StaticFiles::open({{"/", top / "root"}, {"/mounted", top / "root/a"}});
        REQUIRE(files.has_value());
        router = make_routes(std::make_shared<const StaticFiles>(std::move(*files)));
    }

    HttpResponse get(std::string_view target, HeaderList headers = {}) const {
        return answer(router, HttpRequest{"GET", std::string(target), std::move(headers), {}});
    }
};

} // namespace

TEST_CASE("path traversal: every form is refused and the secret never leaks", "[path_traversal]") {
    TraversalSite site;
    const std::string_view targets[] = {
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2e/secret.txt",
        "/%2e%2E/secret.txt",
        "/.%2e/secret.txt",
        "/..%2fsecret.txt",
        "/a/%2e%2e%2f..%2fsecret.txt",
        "/a/../../secret.txt",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/..%5csecret.txt",
        "/%00",
        "/index.html%00.txt",
        std::string_view("/index.html\0../secret.txt", 25),
        "//etc/passwd",
        "//secret.txt",
        "http://x/../secret.txt",
        "http://x/secret.txt",
        "/link-out/secret.txt",
        "/secret-link.txt",
        "/evil/secret.txt",
        "/mounted/../secret.txt",
        "/mounted/%2e%2e/%2e%2e/secret.txt",
        "/secret.txt",
        "/./secret.txt",
        "/a/./../../secret.txt",
        "/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/%252e%252e/secret.txt",
    };
    for (std::string_view target : targets) {
        INFO("target '" << std::string(target) << "'");
        const auto response = site.get(target);
        CHECK((response.status == 400 || response.status == 404));
        CHECK(response.body_bytes().find(k_secret) == std::string::npos);
        CHECK(response.header("Content-Type") == "application/json");
        const bool has_error_code =
            response.body_bytes().find("\"code\":\"server.static.bad_path\"") != std::string::npos ||
            response.body_bytes().find("\"code\":\"server.static.not_found\"") != std::string::npos;
        CHECK(has_error_code);
        CHECK(response.body_bytes().find("\"field\":\"path\"") != std::string::npos);
    }
}

TEST_CASE("path traversal: malformed targets answer 400 server.static.bad_path", "[path_traversal]") {
    TraversalSite site;
    for (std::string_view target : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2f", "/%00", "//etc/passwd",
                                    "http://x/../secret.txt", "/..\\secret.txt"}) {
        INFO("target '" << target << "'");
        const auto response = site.get(target);
        CHECK(response.status == 400);
        CHECK(response.body_bytes().find("\"code\":\"server.static.bad_path\"") != std::string::npos);
    }
}

TEST_CASE("path traversal: a symlink leading out of the root is not found", "[path_traversal]") {
    TraversalSite site;
    for (std::string_view target : {"/link-out/secret.txt", "/secret-link.txt", "/evil/secret.txt"}) {
        INFO("target '" << target << "'");
        const auto response = site.get(target);
        CHECK(response.status == 404);
        CHECK(response.body_bytes().find("\"code\":\"server.static.not_found\"") != std::string::npos);
    }
}

TEST_CASE("path traversal: a .gz variant leading out of the root is never sent", "[path_traversal]") {
    TraversalSite site;
    const auto response = site.get("/app.js", {{"Accept-Encoding", "gzip"}});
    CHECK(response.status == 200);
    CHECK_FALSE(response.has_header("Content-Encoding"));
    CHECK(response.body_bytes() == "console.log('public');");
}

TEST_CASE("path traversal: a symlink that stays inside the root is served", "[path_traversal]") {
    TraversalSite site;
    const auto response = site.get("/alias.txt");
    CHECK(response.status == 200);
    CHECK(response.body_bytes() == "public file");
    CHECK(site.get("/mounted/file.txt").body_bytes() == "public file");
}

TEST_CASE("path traversal: a dot file reached through a symlink with an ordinary name stays hidden",
          "[path_traversal]") {
    namespace fs = std::filesystem;
    TraversalSite site;
    const auto& top = site.dir.path();
    site.dir.write("root/.env", k_secret);
    site.dir.write("root/.git/config", k_secret);
    fs::create_symlink(".env", top / "root/settings.txt");
    fs::create_directory_symlink(".git", top / "root/repo");
    fs::create_symlink(".env", top / "root/page.js.gz");
    site.dir.write("root/page.js", "public page");
    for (std::string_view target : {"/settings.txt", "/repo/config", "/.env", "/%2eenv"}) {
        INFO("target '" << target << "'");
        const auto response = site.get(target);
        CHECK(response.status == 404);
        CHECK(response.body_bytes().find(k_secret) == std::string::npos);
    }
    const auto page = site.get("/page.js", {{"Accept-Encoding", "gzip"}});
    CHECK(page.body_bytes() == "public page");
}

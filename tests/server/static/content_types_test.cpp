#include "catch_amalgamated.hpp"

#include "server/static/content_types.h"

#include <string_view>
#include <utility>

using namespace support::server;

TEST_CASE("content types follow the file extension", "[content_types]") {
    const std::pair<std::string_view, std::string_view> expected[] = {
        {"index.html", "text/html; charset=utf-8"},
        {"support-widget.js", "text/javascript; charset=utf-8"},
        {"module.mjs", "text/javascript; charset=utf-8"},
        {"site.css", "text/css; charset=utf-8"},
        {"data.json", "application/json"},
        {"support-widget-core.3fa9c2d1e0.wasm", "application/wasm"},
        {"logo.svg", "image/svg+xml"},
        {"photo.png", "image/png"},
        {"photo.jpg", "image/jpeg"},
        {"photo.webp", "image/webp"},
        {"favicon.ico", "image/x-icon"},
        {"font.ttf", "font/ttf"},
        {"font.woff2", "font/woff2"},
        {"notes.txt", "text/plain; charset=utf-8"},
        {"support-widget.js.map", "application/json"},
    };
    for (const auto& [name, type] : expected) {
        INFO(name);
        CHECK(content_type_for(name) == type);
    }
}

TEST_CASE("content types ignore the case of the extension and the folders", "[content_types]") {
    CHECK(content_type_for("INDEX.HTML") == "text/html; charset=utf-8");
    CHECK(content_type_for("assets/core.WASM") == "application/wasm");
    CHECK(content_type_for("a.b/readme") == "application/octet-stream");
}

TEST_CASE("unknown or missing extensions are application/octet-stream", "[content_types]") {
    CHECK(content_type_for("archive.xyz") == "application/octet-stream");
    CHECK(content_type_for("README") == "application/octet-stream");
    CHECK(content_type_for(".htaccess") == "application/octet-stream");
    CHECK(content_type_for("trailing.") == "application/octet-stream");
}

TEST_CASE("text, script and wasm types are compressible; images and woff2 are not", "[content_types]") {
    CHECK(is_compressible_type(content_type_for("a.html")));
    CHECK(is_compressible_type(content_type_for("a.js")));
    CHECK(is_compressible_type(content_type_for("a.wasm")));
    CHECK(is_compressible_type(content_type_for("a.svg")));
    CHECK_FALSE(is_compressible_type(content_type_for("a.png")));
    CHECK_FALSE(is_compressible_type(content_type_for("a.woff2")));
    CHECK_FALSE(is_compressible_type(content_type_for("a.unknown")));
}

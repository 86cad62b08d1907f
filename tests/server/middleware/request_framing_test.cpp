#include "catch_amalgamated.hpp"

#include "server/middleware/request_framing.h"

using namespace support::server;

namespace {

HttpRequest request(HeaderList headers, unsigned version = 11) {
    HttpRequest r{"POST", "/api", std::move(headers), {}};
    r.version = version;
    return r;
}

std::string code_of(const HttpRequest& r) {
    const auto error = request_framing_error(r);
    return error ? error->code : "";
}

} // namespace

TEST_CASE("a body framed by chunked, last, is accepted whatever codings come before", "[request_framing]") {
    CHECK(code_of(request({{"Host", "x"}, {"Transfer-Encoding", "chunked"}})).empty());
    CHECK(code_of(request({{"Host", "x"}, {"Transfer-Encoding", "gzip, Chunked"}})).empty());
    CHECK(code_of(request({{"Host", "x"}, {"Transfer-Encoding", "gzip"}, {"Transfer-Encoding", " chunked "}}))
              .empty());
    CHECK(code_of(request({{"Host", "x"}, {"Content-Length", "3"}})).empty());
}

TEST_CASE("a transfer coding list not ending in chunked, or on HTTP/1.0, is refused", "[request_framing]") {
    for (const char* codings : {"gzip", "chunked, gzip", "", "chunkedx"}) {
        INFO(codings);
        const auto error = request_framing_error(request({{"Host", "x"}, {"Transfer-Encoding", codings}}));
        REQUIRE(error);
        CHECK(error->code == "server.http.bad_transfer_encoding");
        CHECK(error->field == "Transfer-Encoding");
    }
    CHECK(code_of(request({{"Host", "x"}, {"Transfer-Encoding", "chunked"}}, 10)) ==
          "server.http.bad_transfer_encoding");
}

TEST_CASE("HTTP/1.1 needs exactly one Host; HTTP/1.0 at most one", "[request_framing]") {
    CHECK(code_of(request({})) == "server.http.bad_host");
    CHECK(code_of(request({{"Host", "a"}, {"host", "a"}})) == "server.http.bad_host");
    CHECK(code_of(request({}, 10)).empty());
    CHECK(code_of(request({{"Host", "a"}, {"Host", "b"}}, 10)) == "server.http.bad_host");
    const auto error = request_framing_error(request({}));
    REQUIRE(error);
    CHECK(error->field == "Host");
}

// The text/event-stream format and where a resumed stream starts.

#include "catch_amalgamated.hpp"

#include "server/sse/server_sent_event.h"

using namespace support::server;

namespace {

HttpRequest request_to(std::string target, HeaderList headers = {}) {
    HttpRequest request;
    request.method = "GET";
    request.target = std::move(target);
    request.headers = std::move(headers);
    return request;
}

} // namespace

TEST_CASE("sse: an event has its id, type and one data line per line of data", "[sse]") {
    CHECK(format_server_sent_event("5", "", R"({"a":1})") == "id: 5\ndata: {\"a\":1}\n\n");
    CHECK(format_server_sent_event("", "typing", "x") == "event: typing\ndata: x\n\n");
    // A line break inside the data must not end the event early or inject a field.
    CHECK(format_server_sent_event("1", "", "one\nid: 99\n") == "id: 1\ndata: one\ndata: id: 99\ndata: \n\n");
    CHECK(format_retry(2000) == "retry: 2000\n\n");
}

TEST_CASE("sse: a stream resumes after Last-Event-ID, else after ?last_event_id, else from the start",
          "[sse]") {
    CHECK(resume_after(request_to("/events")).value() == 0);
    CHECK(resume_after(request_to("/events", {{"Last-Event-ID", " 7 "}})).value() == 7);
    CHECK(resume_after(request_to("/events?last_event_id=4")).value() == 4);
    // The header is what EventSource sends when it reconnects: it is newer than the page's query.
    CHECK(resume_after(request_to("/events?last_event_id=4", {{"Last-Event-ID", "9"}})).value() == 9);
    for (const char* bad : {"-1", "1.5", "seven", "", "99999999999999999999999"}) {
        const auto refused = resume_after(request_to("/events", {{"Last-Event-ID", bad}}));
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == "api.stream.bad_last_event_id");
        CHECK(refused.error().field == "Last-Event-ID");
    }
    CHECK(resume_after(request_to("/events?last_event_id=x")).error().field == "last_event_id");
}

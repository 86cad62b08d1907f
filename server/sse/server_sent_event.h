#pragma once
// Server-Sent Events as they go on the wire (the "text/event-stream" format of the HTML standard),
// and the request's side of a resumed stream.
//
//   format_server_sent_event("5", "", "{…}")   → "id: 5\ndata: {…}\n\n"
//   format_server_sent_event("", "typing", "{…}") → "event: typing\ndata: {…}\n\n"  (no id: the
//                                               client's Last-Event-ID stays as it was)
//   format_retry(2000)                          → "retry: 2000\n\n"  (the client's reconnect delay)

#include "server/http/http_message.h"
#include "shared/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace support::server {

// Data with line breaks becomes one data: line per line (the client joins them with "\n").
std::string format_server_sent_event(std::string_view id, std::string_view type, std::string_view data);
std::string format_retry(std::int64_t milliseconds);

// Where a stream resumes: the Last-Event-ID header a reconnecting EventSource sends, else the
// last_event_id query parameter (a reloaded page's first connection, which cannot set the header),
// else 0 (from the start). Error: api.stream.bad_last_event_id (field Last-Event-ID), for a value
// that is not a decimal seq.
Result<std::uint64_t> resume_after(const HttpRequest& request);

// The response head of an event stream: text/event-stream, never cached or transformed.
HttpResponse event_stream_head();

} // namespace support::server

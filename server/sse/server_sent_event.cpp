#include "server/sse/server_sent_event.h"

#include "shared/core/protocol/url_encoding.h"

#include <charconv>

namespace support::server {

namespace {

constexpr std::size_t k_max_seq_digits = 20;

Result<std::uint64_t> parse_seq(std::string_view text, std::string_view field) {
    std::uint64_t seq = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seq);
    if (text.empty() || text.size() > k_max_seq_digits || error != std::errc() ||
        end != text.data() + text.size())
        return make_error("api.stream.bad_last_event_id", "Last-Event-ID must be the seq of an event",
                          std::string(field));
    return seq;
}

} // namespace

std::string format_server_sent_event(std::string_view id, std::string_view type, std::string_view data) {
    std::string event;
    event.reserve(data.size() + 32);
    if (!id.empty())
        event.append("id: ").append(id).append("\n");
    if (!type.empty())
        event.append("event: ").append(type).append("\n");
    for (;;) {
        const auto line_end = data.find('\n');
        event.append("data: ").append(data.substr(0, line_end)).append("\n");
        if (line_end == std::string_view::npos)
            break;
        data.remove_prefix(line_end + 1);
    }
    event.append("\n");
    return event;
}

std::string format_retry(std::int64_t milliseconds) {
    return "retry: " + std::to_string(milliseconds) + "\n\n";
}

Result<std::uint64_t> resume_after(const HttpRequest& request) {
    if (request.has_header("Last-Event-ID"))
        return parse_seq(trim_optional_whitespace(request.header("Last-Event-ID")), "Last-Event-ID");
    if (auto value = protocol::query_parameter(request.target, "last_event_id"))
        return parse_seq(*value, "last_event_id");
    return std::uint64_t{0};
}

HttpResponse event_stream_head() {
    HttpResponse response;
    response.set_header("Content-Type", "text/event-stream; charset=utf-8");
    response.set_header("Cache-Control", "no-store, no-transform");
    // Proxies that buffer responses (nginx) would hold the events back.
    response.set_header("X-Accel-Buffering", "no");
    return response;
}

} // namespace support::server

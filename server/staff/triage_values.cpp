#include "server/staff/triage_values.h"

#include "shared/core/text/utf8.h"
#include "shared/core/text/white_space.h"

namespace support::server {

namespace {

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x3000 ||
           (c >= 0x2000 && c <= 0x200A);
}

bool is_control(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029;
}

} // namespace

Result<std::string> normalize_tag(std::string_view tag) {
    if (!text::is_valid_utf8(tag))
        return make_error("api.staff.bad_tag", "a tag must be UTF-8", "/tag");
    std::string out;
    std::size_t characters = 0;
    bool pending_space = false;
    for (std::size_t offset = 0; offset < tag.size();) {
        const auto decoded = text::decode_utf8(tag, offset);
        offset += decoded.length;
        if (is_space(decoded.value)) {
            pending_space = !out.empty();
            continue;
        }
        if (is_control(decoded.value))
            return make_error("api.staff.bad_tag", "a tag cannot hold control characters", "/tag");
        if (pending_space) {
            out += ' ';
            ++characters;
            pending_space = false;
        }
        char32_t c = decoded.value;
        if (c >= 'A' && c <= 'Z')
            c = c - 'A' + 'a';
        text::append_utf8(out, c);
        ++characters;
    }
    if (out.empty())
        return make_error("api.staff.bad_tag", "a tag cannot be empty", "/tag");
    if (characters > k_max_tag_characters)
        return make_error("api.staff.bad_tag", "a tag is at most 40 characters", "/tag");
    return out;
}

Result<std::string> check_note(std::string_view note) {
    if (!text::is_valid_utf8(note))
        return make_error("api.staff.bad_note", "a note must be UTF-8", "/text");
    const std::string_view trimmed = text::trim_white_space(note);
    if (trimmed.empty())
        return make_error("api.staff.bad_note", "a note cannot be empty", "/text");
    if (trimmed.size() > k_max_note_bytes)
        return make_error("api.staff.bad_note", "a note is at most 4000 bytes", "/text");
    return std::string(trimmed);
}

Result<FeedbackStatus> check_status(std::string_view status) {
    if (const auto parsed = parse_feedback_status(status))
        return *parsed;
    return make_error("api.staff.bad_status", "expected new, in_progress or resolved", "/status");
}

} // namespace support::server

#include "shared/core/feedback/outbox_fields.h"

#include "shared/core/feedback/feedback_outbox.h"
#include "shared/core/text/utf8.h"

namespace support::feedback::detail {

namespace {

bool is_token_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == ':' || c == '-';
}

} // namespace

bool is_token(std::string_view text, std::size_t max_bytes) {
    if (text.empty() || text.size() > max_bytes)
        return false;
    for (const char c : text) {
        if (!is_token_char(c))
            return false;
    }
    return true;
}

std::string sanitize_error_id(std::string_view text) {
    std::string id(text.substr(0, k_max_error_id_bytes));
    for (char& c : id) {
        if (!is_token_char(c))
            c = '_';
    }
    return id;
}

bool is_valid_body_text(std::string_view body) {
    return !body.empty() && text::is_valid_utf8(body);
}

} // namespace support::feedback::detail

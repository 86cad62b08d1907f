#pragma once
// What staff may write on feedback, checked before it is stored:
//   - a tag: trimmed, inner runs of white space made one space, ASCII letters lower-cased
//     ("Shipping  Delay " → "shipping delay"), 1–40 characters, no control characters;
//     api.staff.bad_tag otherwise;
//   - a note: trimmed, 1–4000 bytes of UTF-8; api.staff.bad_note otherwise;
//   - a status: new, in_progress or resolved; api.staff.bad_status otherwise.
// Errors name the JSON field they came from (/tag, /text, /status).

#include "server/storage/feedback_record.h"
#include "shared/core/result.h"

#include <string>
#include <string_view>

namespace support::server {

inline constexpr std::size_t k_max_tag_characters = 40;
inline constexpr std::size_t k_max_note_bytes = 4000;

Result<std::string> normalize_tag(std::string_view tag);
Result<std::string> check_note(std::string_view text);
Result<FeedbackStatus> check_status(std::string_view status);

} // namespace support::server

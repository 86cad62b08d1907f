#pragma once
// What the outbox checks in the strings it keeps, shared by enqueue() and from_json(): kinds and
// error ids are short ASCII tokens, bodies valid UTF-8 (a JSON document must be, and the persisted
// form would otherwise not read back the same).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace support::feedback::detail {

inline constexpr std::string_view k_error_evicted = "feedback.outbox.evicted";
inline constexpr std::string_view k_error_expired = "feedback.outbox.expired";
inline constexpr std::string_view k_error_unspecified = "feedback.outbox.unspecified_error";

// 1 to max_bytes characters, each a letter, digit or one of _ . : -
bool is_token(std::string_view text, std::size_t max_bytes);

// An error id as the caller or storage gave it, made into something safe to keep: characters
// outside the token set become '_', and it is cut at k_max_error_id_bytes. Idempotent.
std::string sanitize_error_id(std::string_view text);

bool is_valid_body_text(std::string_view body);

// Times before 1970 are a caller's mistake; they are kept as 0 so that what is persisted reads back.
inline std::int64_t non_negative(std::int64_t ms) {
    return ms < 0 ? 0 : ms;
}

} // namespace support::feedback::detail

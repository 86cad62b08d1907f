#pragma once
// The page's localStorage, for what the widget keeps between visits (answers to "Was this
// helpful?", unanswered searches). Keys are scoped to the site (data-site), so two widgets on one
// origin never read each other's data. Storage may be missing, disabled, blocked or full; those
// are values, never a crash:
//   web.storage.unavailable     localStorage cannot be used here (privacy settings, sandboxed frame)
//   web.storage.quota_exceeded  the origin's storage is full

#include "shared/core/result.h"

#include <optional>
#include <string>
#include <string_view>

namespace support::web {

// The value stored under `key` for this site; nullopt when nothing is.
Result<std::optional<std::string>> storage_get(std::string_view key);
Result<void> storage_set(std::string_view key, std::string_view value);
// Removes what is stored under `key` (nothing stored is fine).
Result<void> storage_remove(std::string_view key);

// The key as stored: "support-widget:<site>:<key>".
std::string site_storage_key(std::string_view key);

} // namespace support::web

#pragma once
// The page's localStorage as the widget's key-value store. Keys are scoped to the site (data-site):
// "support-widget:<site>:<key>", so two widgets on one origin never read each other's data.
// Storage that is missing, disabled, blocked or full answers with the errors of
// shared/core/persistence/key_value_store.h.

#include "shared/core/persistence/key_value_store.h"

#include <string>
#include <string_view>

namespace support::web {

class SiteLocalStorage final : public persistence::KeyValueStore {
  public:
    Result<std::optional<std::string>> get(std::string_view key) override;
    Result<void> set(std::string_view key, std::string_view value) override;
    Result<void> remove(std::string_view key) override;
};

// The key as stored: "support-widget:<site>:<key>".
std::string site_storage_key(std::string_view key);

// Removes every key of the site's ("support-widget:<site>:…"), whoever wrote it; how many.
Result<int> remove_every_site_key();

} // namespace support::web

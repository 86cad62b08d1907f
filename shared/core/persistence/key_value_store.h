#pragma once
// Where the widget keeps what it remembers between visits (answers to "Was this helpful?", a guide
// in progress, the feedback outbox): string values under string keys. shared/core defines it,
// shared/web implements it over the page's localStorage (site-scoped), and native tests use
// MemoryKeyValueStore — so widget logic is testable without a browser, and consent (the session
// issue) has one place to be enforced.
//
// Storage may be missing, disabled, blocked or full; those are values, never a crash:
//   web.storage.unavailable     it cannot be used here (privacy settings, a sandboxed frame)
//   web.storage.quota_exceeded  it is full

#include "shared/core/result.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace support::persistence {

class KeyValueStore {
  public:
    virtual ~KeyValueStore() = default;

    // The value stored under `key`; nothing when none is.
    virtual Result<std::optional<std::string>> get(std::string_view key) = 0;
    virtual Result<void> set(std::string_view key, std::string_view value) = 0;
    // Removes what is stored under `key` (nothing stored is fine).
    virtual Result<void> remove(std::string_view key) = 0;
};

// In memory, for tests and for pages where nothing may be kept: can be made unavailable or given a
// quota in bytes (keys and values together), to exercise the error paths.
class MemoryKeyValueStore final : public KeyValueStore {
  public:
    Result<std::optional<std::string>> get(std::string_view key) override;
    Result<void> set(std::string_view key, std::string_view value) override;
    Result<void> remove(std::string_view key) override;

    void set_available(bool available) { m_available = available; }
    void set_quota_bytes(std::optional<std::size_t> quota) { m_quota = quota; }
    std::size_t size() const { return m_values.size(); }

  private:
    std::size_t used_bytes() const;

    std::map<std::string, std::string, std::less<>> m_values;
    bool m_available = true;
    std::optional<std::size_t> m_quota;
};

Error storage_unavailable_error();
Error storage_full_error();

} // namespace support::persistence

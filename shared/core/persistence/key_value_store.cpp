#include "shared/core/persistence/key_value_store.h"

namespace support::persistence {

Error storage_unavailable_error() {
    return make_error("web.storage.unavailable", "this page does not let the widget keep anything");
}

Error storage_full_error() {
    return make_error("web.storage.quota_exceeded", "the browser's storage for this site is full");
}

Result<std::optional<std::string>> MemoryKeyValueStore::get(std::string_view key) {
    if (!m_available)
        return storage_unavailable_error();
    const auto it = m_values.find(key);
    if (it == m_values.end())
        return std::optional<std::string>();
    return std::optional<std::string>(it->second);
}

Result<void> MemoryKeyValueStore::set(std::string_view key, std::string_view value) {
    if (!m_available)
        return storage_unavailable_error();
    if (m_quota) {
        std::size_t after = used_bytes() + key.size() + value.size();
        if (const auto it = m_values.find(key); it != m_values.end())
            after -= it->first.size() + it->second.size();
        if (after > *m_quota)
            return storage_full_error();
    }
    m_values.insert_or_assign(std::string(key), std::string(value));
    return ok();
}

Result<void> MemoryKeyValueStore::remove(std::string_view key) {
    if (!m_available)
        return storage_unavailable_error();
    if (const auto it = m_values.find(key); it != m_values.end())
        m_values.erase(it);
    return ok();
}

std::size_t MemoryKeyValueStore::used_bytes() const {
    std::size_t bytes = 0;
    for (const auto& [key, value] : m_values)
        bytes += key.size() + value.size();
    return bytes;
}

} // namespace support::persistence

#include "shared/core/persistence/shopper_key_store.h"

#include "shared/core/protocol/uuid.h"

namespace support::persistence {

std::string stored_shopper_key(KeyValueStore& storage) {
    auto stored = storage.get(k_shopper_key_key);
    if (!stored || !stored->has_value())
        return {};
    return protocol::canonical_uuid(**stored).value_or(std::string());
}

std::string load_or_create_shopper_key(KeyValueStore& storage,
                                       const std::array<std::uint8_t, 16>& random_bytes) {
    if (std::string kept = stored_shopper_key(storage); !kept.empty())
        return kept;
    std::string key = protocol::format_uuid_v4(random_bytes);
    (void)storage.set(k_shopper_key_key, key);
    return key;
}

} // namespace support::persistence

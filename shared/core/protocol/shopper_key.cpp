#include "shared/core/protocol/shopper_key.h"

#include "shared/core/protocol/uuid.h"

#include <nlohmann/json.hpp>

namespace support::protocol {

Result<std::string> decode_shopper_key(const WireObject& body) {
    SW_TRY(std::string key, body.string("shopper_key", Presence::Optional, 64));
    if (key.empty())
        return key;
    auto canonical = canonical_uuid(key);
    if (!canonical)
        return body.error("invalid_shopper_key", "\"shopper_key\" must be a UUID", "shopper_key");
    return std::move(*canonical);
}

std::string encode_forget_request(std::string_view shopper_key) {
    return nlohmann::json{{"shopper_key", shopper_key}}.dump();
}

Result<std::string> decode_forget_request(std::string_view text) {
    SW_TRY(nlohmann::json document, parse_wire_object(text, "api.forget"));
    const WireObject body(document, "", "api.forget");
    SW_TRY(std::string key, decode_shopper_key(body));
    if (key.empty())
        return body.error("missing_field", "\"shopper_key\" is required", "shopper_key");
    return key;
}

std::string encode_shopper_erasure(const ShopperErasure& erasure) {
    return nlohmann::json{{"feedback_deleted", erasure.feedback_deleted},
                          {"conversations_deleted", erasure.conversations_deleted}}
        .dump();
}

} // namespace support::protocol

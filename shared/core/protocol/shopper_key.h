#pragma once
// The shopper key: a random UUID one browser keeps per site (localStorage) and sends with each
// feedback event and chat it opens, so that SupportWidget('forget') can later ask support-server to
// delete exactly what that browser gave:
//
//   POST /api/v1/sites/{site}/shopper/forget   {"shopper_key": "…"}
//   → 200 {"feedback_deleted": 2, "conversations_deleted": 1}
//
// It names no person, and support-server stores only its SHA-256 digest (so a copy of the database
// cannot be used to delete anyone's data). Errors: <prefix>.invalid_shopper_key at "shopper_key".

#include "shared/core/protocol/wire_fields.h"
#include "shared/core/result.h"

#include <string>
#include <string_view>

namespace support::protocol {

// The body's optional "shopper_key", as a lowercase UUID; "" when it is absent.
Result<std::string> decode_shopper_key(const WireObject& body);

struct ShopperErasure {
    std::int64_t feedback_deleted = 0;
    std::int64_t conversations_deleted = 0;
    bool operator==(const ShopperErasure&) const = default;
};

// The forget request's body and its answer.
std::string encode_forget_request(std::string_view shopper_key);
// Errors: api.forget.* (invalid_json, missing_field, invalid_shopper_key).
Result<std::string> decode_forget_request(std::string_view body);
std::string encode_shopper_erasure(const ShopperErasure& erasure);

} // namespace support::protocol

#pragma once
// The server's answer to an accepted feedback submission, 201 the first time and 200 with the
// same receipt for every repeat of its client id:
//   {"client_id":"6f1c…","feedback_id":4211,"received_at_ms":1764825059301,"duplicate":false}
// The widget's outbox drops an event once it holds a receipt naming its client id.

#include "shared/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace support::protocol {

struct FeedbackReceipt {
    std::string client_id;
    std::int64_t feedback_id = 0;
    std::int64_t received_at_ms = 0;
    bool duplicate = false; // this request repeated one already stored
    bool operator==(const FeedbackReceipt&) const = default;
};

std::string encode_feedback_receipt(const FeedbackReceipt& receipt);
// Errors: api.receipt.* (invalid_json, missing_field, wrong_type …) naming the field.
Result<FeedbackReceipt> decode_feedback_receipt(std::string_view body);

} // namespace support::protocol

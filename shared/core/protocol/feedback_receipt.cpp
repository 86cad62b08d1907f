#include "shared/core/protocol/feedback_receipt.h"

#include "shared/core/protocol/wire_fields.h"

#include <limits>

namespace support::protocol {

using nlohmann::json;

std::string encode_feedback_receipt(const FeedbackReceipt& receipt) {
    json out = json::object();
    out["client_id"] = receipt.client_id;
    out["feedback_id"] = receipt.feedback_id;
    out["received_at_ms"] = receipt.received_at_ms;
    out["duplicate"] = receipt.duplicate;
    return out.dump();
}

Result<FeedbackReceipt> decode_feedback_receipt(std::string_view text) {
    SW_TRY(json document, parse_wire_object(text, "api.receipt"));
    const WireObject body(document, "", "api.receipt");
    constexpr auto k_max = std::numeric_limits<std::int64_t>::max();
    FeedbackReceipt receipt;
    SW_TRY(receipt.client_id, body.string("client_id", Presence::Required, 64));
    SW_TRY(auto id, body.integer("feedback_id", Presence::Required, 1, k_max));
    SW_TRY(auto received, body.integer("received_at_ms", Presence::Required, 0, k_max));
    SW_TRY(auto duplicate, body.boolean("duplicate", Presence::Optional));
    receipt.feedback_id = *id;
    receipt.received_at_ms = *received;
    receipt.duplicate = duplicate.value_or(false);
    return receipt;
}

} // namespace support::protocol

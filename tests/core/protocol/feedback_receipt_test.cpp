#include "shared/core/protocol/feedback_receipt.h"

#include "catch_amalgamated.hpp"

using namespace support::protocol;

TEST_CASE("A receipt survives encoding and decoding") {
    const FeedbackReceipt receipt{"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", 4211, 1764825059301, true};
    auto decoded = decode_feedback_receipt(encode_feedback_receipt(receipt));
    REQUIRE(decoded);
    CHECK(*decoded == receipt);
}

TEST_CASE("A receipt without a feedback id is refused, naming the field") {
    auto decoded = decode_feedback_receipt(R"({"client_id":"x","received_at_ms":1})");
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error().code == "api.receipt.missing_field");
    CHECK(decoded.error().field == "/feedback_id");
}

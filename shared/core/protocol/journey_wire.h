#pragma once
// What the shopper tried before asking a person, as the widget sends it with a new conversation
// and staff read it beside the transcript ("searched “refund eilat” — nothing found; read “How do
// I return an item?”; said it did not help"). Newest last, at most k_max_journey_steps.
//
//   "journey":[{"kind":"search","subject":"refund eilat","detail":"no_result","at_ms":…},
//              {"kind":"article","subject":"how-to-return","detail":"How do I return an item?","at_ms":…},
//              {"kind":"feedback","subject":"how-to-return","detail":"not_helpful","at_ms":…},
//              {"kind":"guide","subject":"apply-coupon","detail":"abandoned at step 2","at_ms":…},
//              {"kind":"page","subject":"/cart.html","detail":"Your cart","at_ms":…}]
//
// Errors name the field: <prefix>.wrong_type, too_long, missing_field, unknown_kind (at /journey/N).

#include "shared/core/protocol/wire_fields.h"
#include "shared/core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::protocol {

inline constexpr std::size_t k_max_journey_steps = 20;
inline constexpr std::size_t k_max_journey_text_bytes = 200;

enum class JourneyKind : std::uint8_t {
    Search,   // subject: the query; detail: "no_result" when nothing matched
    Article,  // subject: the article id; detail: its title
    Guide,    // subject: the guide id; detail: how far ("completed", "abandoned at step 2", "started")
    Feedback, // subject: the article id; detail: "helpful" or "not_helpful"
    Page, // a page of the site the shopper visited with the widget loaded: subject its path, detail its title
};

std::string_view journey_kind_name(JourneyKind kind); // "search", "article", "guide", "feedback", "page"
std::optional<JourneyKind> journey_kind_from_name(std::string_view name);

struct JourneyStep {
    JourneyKind kind = JourneyKind::Search;
    std::string subject;
    std::string detail;
    std::int64_t at_ms = 0;
    bool operator==(const JourneyStep&) const = default;
};

nlohmann::json encode_journey(const std::vector<JourneyStep>& steps);
// The optional array `key` of `parent`.
Result<std::vector<JourneyStep>> decode_journey(const WireObject& parent, std::string_view key);

} // namespace support::protocol

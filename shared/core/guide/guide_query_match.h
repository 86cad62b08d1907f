#pragma once
// Whether a query typed into the help search names a guide, so "apply coupon" offers the
// "Apply a coupon" guide above the articles. A query word counts when it has at least 3 letters
// and begins a word of the guide's title or summary, or such a word begins it ("coupons" ↔
// "coupon"); words are folded as search folds them (case, diacritics, Hebrew and Arabic forms). A
// guide is offered when at least one of the query's counting words, and at least half of them,
// match.

#include "shared/core/guide/guide.h"

#include <cstddef>
#include <string_view>

namespace support::guide {

// How many of the query's words match; 0 when the guide is not offered.
std::size_t guide_query_score(const Guide& guide, std::string_view query);

} // namespace support::guide

#pragma once
// The staff feedback list's filters as the console sends them in the query string, checked and
// turned into a FeedbackQuery (and the Insights view's into an InsightsQuery):
//
//   /api/v1/staff/feedback?site=demo&kind=article_helpful&helpful=no&status=new&tag=shipping
//       &q=eilat&page=https://shop.example/cart&subject=shipping-policy
//       &from=2026-11-01&to=2026-11-30&sort=newest&after=1234&limit=50
//
// from/to are UTC days, both inclusive; after is the last id of the previous page (the list's
// `next`). A table that jumps reads by position instead: offset=N&up_to=ID (the `newest_id` a
// count answered), so rows arriving meanwhile do not shift positions. Unknown parameters are ignored. A value
// that cannot be used is refused, never guessed at: api.staff.bad_filter, with the parameter's name as the
// error's field.

#include "server/storage/feedback_insights.h"
#include "server/storage/feedback_record.h"
#include "shared/core/result.h"

#include <string_view>

namespace support::server {

inline constexpr std::size_t k_max_list_limit = 200;
inline constexpr std::int64_t k_max_list_offset = 10'000'000;

Result<FeedbackQuery> parse_feedback_filters(std::string_view target);
// site, from, to, and top (1–100: rows in each ranked list).
Result<InsightsQuery> parse_insights_filters(std::string_view target);

} // namespace support::server

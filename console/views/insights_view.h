#pragma once
// The Insights view: what feedback adds up to, drawn by the console — feedback per day (columns,
// the unhappy part in the error colour), helpfulness per article, the pages with the most negative
// feedback, searches without a result (the articles to write next) and where shoppers leave each
// guide. Every chart has its figures beside it as text, so a screen reader gets the same facts.

#include "console/model/insights.h"

namespace support::console {

struct InsightsViewState {
    bool show_each_day = false;
};

void draw_insights_view(InsightsViewState& state, Insights& insights, std::int64_t now_ms);

} // namespace support::console

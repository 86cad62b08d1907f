#pragma once
// The staff API's JSON: an item (everything the shopper's page sent, as the widget sent it, plus
// where staff have taken it), a page of the list, one item with its activity, and the Insights
// figures.
//
//   {"id":42,"site":"demo","received_at_ms":…,"status":"new","tags":["shipping"],
//    "submission":{"client_id":…,"kind":"article_helpful","article_id":…,"helpful":false,
//                  "comment":…,"locale":"he","context":{"page":{"url":…}}}}

#include "server/storage/feedback_insights.h"
#include "server/storage/feedback_record.h"
#include "server/storage/feedback_triage.h"

#include <nlohmann/json.hpp>

namespace support::server {

nlohmann::json feedback_json(const StoredFeedback& item);
// {"items":[…],"next":"1234"|null}: pass `next` back as ?after= for the following page.
nlohmann::json feedback_page_json(const FeedbackPage& page);
// The item with "activity":[{"action":"status","value":"resolved","staff":…,"at_ms":…}, …].
nlohmann::json feedback_detail_json(const FeedbackDetail& detail);
nlohmann::json insights_json(const FeedbackInsights& insights);

} // namespace support::server

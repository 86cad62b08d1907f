#include "catch_amalgamated.hpp"

#include "server/demo/feedback_seeder.h"

#include <map>
#include <set>

using namespace support;
using namespace support::server;

namespace {

SeedPlan plan(std::size_t count) {
    SeedPlan p;
    p.site = "demo";
    p.count = count;
    p.now_ms = 1'764'940'000'000;
    return p;
}

} // namespace

TEST_CASE("feedback seeder: every item is one the widget could have sent", "[demo][seeder]") {
    const auto items = seed_feedback(plan(3000));
    REQUIRE(items.size() == 3000);
    std::set<std::string> client_ids;
    for (const auto& item : items) {
        const std::string encoded = protocol::encode_feedback_submission(item.submission);
        const auto decoded = protocol::decode_feedback_submission(encoded);
        INFO(encoded);
        REQUIRE(decoded.has_value());
        CHECK(*decoded == item.submission);
        client_ids.insert(item.submission.client_id);
    }
    CHECK(client_ids.size() == items.size());
}

TEST_CASE("feedback seeder: a month of mixed feedback in three languages, oldest first, the same every time",
          "[demo][seeder]") {
    const auto items = seed_feedback(plan(3000));
    const std::int64_t now = plan(0).now_ms;
    std::map<protocol::FeedbackKind, int> kinds;
    std::map<std::string, int> locales;
    std::set<std::int64_t> days;
    for (std::size_t i = 0; i < items.size(); ++i) {
        CHECK(items[i].received_at_ms <= now);
        CHECK(items[i].received_at_ms > now - 30LL * 86'400'000);
        if (i > 0)
            CHECK(items[i - 1].received_at_ms <= items[i].received_at_ms);
        ++kinds[items[i].submission.kind];
        ++locales[items[i].submission.locale];
        days.insert((now - items[i].received_at_ms) / 86'400'000);
    }
    CHECK(kinds.size() == 5);
    CHECK(locales["en"] > 1000);
    CHECK(locales["he"] > 500);
    CHECK(locales["ar"] > 300);
    CHECK(days.size() == 30);
    const auto again = seed_feedback(plan(3000));
    CHECK(again.front().submission == items.front().submission);
    CHECK(again.back().submission == items.back().submission);
}

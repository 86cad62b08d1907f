// Insights over fixed feedback: every figure checked against what was stored.

#include "catch_amalgamated.hpp"

#include "store_fixtures.h"

using namespace support;
using namespace support::server;
using namespace support::server::test;

namespace {

constexpr std::int64_t k_day_ms = 86'400'000;
constexpr std::int64_t k_monday = 1'764'547'200'000; // 2025-12-01 00:00 UTC

class FeedbackWriter {
  public:
    explicit FeedbackWriter(Storage& storage) : m_storage(storage) {}

    void vote(std::string article, bool helpful, std::string page, std::int64_t at_ms) {
        auto feedback = next(protocol::FeedbackKind::ArticleHelpful, std::move(article), at_ms);
        feedback.submission.helpful = helpful;
        feedback.submission.context.page_url = std::move(page);
        put(std::move(feedback));
    }
    void report(std::string page, std::int64_t at_ms) {
        auto feedback = next(protocol::FeedbackKind::ProblemReport, "", at_ms);
        feedback.submission.comment = "The size chart is wrong";
        feedback.submission.context.page_url = std::move(page);
        put(std::move(feedback));
    }
    void search_miss(std::string query, std::int64_t at_ms, std::string page = "https://shop.example/") {
        auto feedback = next(protocol::FeedbackKind::SearchMiss, std::move(query), at_ms);
        feedback.submission.context.page_url = std::move(page);
        put(std::move(feedback));
    }
    void guide(std::string guide_id, protocol::GuideOutcome outcome, std::string step,
               std::int64_t step_number, std::int64_t at_ms) {
        auto feedback = next(protocol::FeedbackKind::Guide, std::move(guide_id), at_ms);
        feedback.submission.outcome = outcome;
        feedback.submission.step = std::move(step);
        feedback.submission.step_number = step_number;
        put(std::move(feedback));
    }

  private:
    NewFeedback next(protocol::FeedbackKind kind, std::string subject, std::int64_t at_ms) {
        NewFeedback feedback = article_vote("demo", m_count++, true);
        feedback.received_at_ms = at_ms;
        feedback.submission.kind = kind;
        feedback.submission.subject = std::move(subject);
        feedback.submission.helpful.reset();
        feedback.submission.context.page_url.clear();
        return feedback;
    }
    void put(NewFeedback feedback) { REQUIRE(insert(m_storage, std::move(feedback)).has_value()); }

    Storage& m_storage;
    int m_count = 0;
};

} // namespace

STORAGE_TEST_CASE("insights: helpfulness, days, unhappy pages, unanswered searches and guide drop-off add up",
                  "[storage][insights]") {
    StoreLocation location(TestType::backend);
    auto storage = std::move(location.open().value());
    FeedbackWriter write(*storage);
    const std::string mug = "https://shop.example/products/mug";
    const std::string cart = "https://shop.example/cart";
    for (int i = 0; i < 3; ++i)
        write.vote("shipping-policy", false, mug, k_monday + i);
    write.vote("shipping-policy", true, cart, k_monday + k_day_ms);
    write.vote("returns", true, cart, k_monday + k_day_ms + 5);
    write.report(cart, k_monday + 2 * k_day_ms);
    write.search_miss("Eilat delivery", k_monday + 10);
    write.search_miss("eilat DELIVERY", k_monday + 20);
    write.search_miss("אילת", k_monday + 30);
    write.search_miss("אֵילת", k_monday + 40); // the same word with niqqud
    write.search_miss("אילת", k_monday + 50);
    write.search_miss("gift wrap", k_monday + 60);
    write.guide("track-order", protocol::GuideOutcome::Abandoned, "enter-number", 2, k_monday + 70);
    write.guide("track-order", protocol::GuideOutcome::Abandoned, "enter-number", 2, k_monday + 80);
    write.guide("track-order", protocol::GuideOutcome::Abandoned, "open-account", 1, k_monday + 90);
    write.guide("track-order", protocol::GuideOutcome::Completed, "done", 3, k_monday + 100);
    write.guide("apply-coupon", protocol::GuideOutcome::Completed, "done", 2, k_monday + 110);
    REQUIRE(insert(*storage, article_vote("other-shop", 999, false)).has_value());

    InsightsQuery query;
    query.site = "demo";
    const auto insights = storage->feedback_insights(query).value();
    CHECK(insights.total == 17);

    REQUIRE(insights.articles.size() == 2);
    CHECK(insights.articles[0].article_id == "shipping-policy");
    CHECK(insights.articles[0].helpful == 1);
    CHECK(insights.articles[0].not_helpful == 3);
    CHECK(insights.articles[1].article_id == "returns");
    CHECK(insights.articles[1].helpful == 1);

    REQUIRE(insights.per_day.size() == 3);
    CHECK(insights.per_day[0].day_start_ms == k_monday);
    CHECK(insights.per_day[0].total == 14);
    CHECK(insights.per_day[0].negative == 3);
    CHECK(insights.per_day[1].day_start_ms == k_monday + k_day_ms);
    CHECK(insights.per_day[1].total == 2);
    CHECK(insights.per_day[1].negative == 0);
    CHECK(insights.per_day[2].negative == 1); // the problem report

    REQUIRE(insights.negative_pages.size() == 2);
    CHECK(insights.negative_pages[0].page_url == mug);
    CHECK(insights.negative_pages[0].negative == 3);
    CHECK(insights.negative_pages[0].total == 3);
    CHECK(insights.negative_pages[1].page_url == cart);
    CHECK(insights.negative_pages[1].negative == 1);
    CHECK(insights.negative_pages[1].total == 3);

    REQUIRE(insights.unanswered_searches.size() == 3);
    CHECK(insights.unanswered_searches[0].query == "אילת"); // the latest spelling of three
    CHECK(insights.unanswered_searches[0].count == 3);
    CHECK(insights.unanswered_searches[0].last_received_at_ms == k_monday + 50);
    CHECK(insights.unanswered_searches[1].query == "eilat DELIVERY");
    CHECK(insights.unanswered_searches[1].count == 2);
    CHECK(insights.unanswered_searches[2].query == "gift wrap");

    REQUIRE(insights.guides.size() == 2);
    CHECK(insights.guides[0].guide_id == "track-order");
    CHECK(insights.guides[0].completed == 1);
    CHECK(insights.guides[0].abandoned == 3);
    REQUIRE(insights.guides[0].steps.size() == 2);
    CHECK(insights.guides[0].steps[0].step_number == 1);
    CHECK(insights.guides[0].steps[0].step == "open-account");
    CHECK(insights.guides[0].steps[0].abandoned == 1);
    CHECK(insights.guides[0].steps[1].step == "enter-number");
    CHECK(insights.guides[0].steps[1].abandoned == 2);
    CHECK(insights.guides[1].guide_id == "apply-coupon");
    CHECK(insights.guides[1].abandoned == 0);
    CHECK(insights.guides[1].steps.empty());

    SECTION("a time range counts only what arrived in it") {
        query.received_from_ms = k_monday + k_day_ms;
        query.received_before_ms = k_monday + 2 * k_day_ms;
        const auto day_two = storage->feedback_insights(query).value();
        CHECK(day_two.total == 2);
        CHECK(day_two.per_day.size() == 1);
        CHECK(day_two.negative_pages.empty());
        CHECK(day_two.unanswered_searches.empty());
    }
    SECTION("ranked lists keep the top rows") {
        query.top = 1;
        const auto top = storage->feedback_insights(query).value();
        CHECK(top.articles.size() == 1);
        CHECK(top.unanswered_searches.size() == 1);
        CHECK(top.guides.size() == 1);
    }
}

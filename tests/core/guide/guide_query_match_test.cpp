// Typed queries that offer a guide above the articles, and ones that must not.
#include "catch_amalgamated.hpp"

#include "guide_test_guides.h"
#include "shared/core/guide/guide_query_match.h"

using namespace support::guide;
using namespace support::guide::testing;

namespace {

Guide with_summary(Guide guide, std::string summary) {
    guide.summary = std::move(summary);
    return guide;
}

} // namespace

TEST_CASE("a query naming the guide's task offers it, word forms and case aside") {
    const Guide coupon = with_summary(coupon_guide(), "Use a discount code on this order");
    CHECK(guide_query_score(coupon, "coupon") == 1);
    CHECK(guide_query_score(coupon, "Apply COUPONS") == 2);
    CHECK(guide_query_score(coupon, "how do I use a discount code") >= 2);
    CHECK(guide_query_score(coupon, "coup") == 1); // the word being typed
}

TEST_CASE("a query about something else, or only short words, offers nothing") {
    const Guide coupon = with_summary(coupon_guide(), "Use a discount code on this order");
    CHECK(guide_query_score(coupon, "return policy") == 0);
    CHECK(guide_query_score(coupon, "a an to") == 0);
    CHECK(guide_query_score(coupon, "") == 0);
    // One matching word of four is not enough.
    CHECK(guide_query_score(coupon, "shipping times coupon international") == 0);
}

TEST_CASE("Hebrew and Arabic queries match folded forms") {
    Guide hebrew = order_guide();
    hebrew.title = "מעקב אחר ההזמנה";
    CHECK(guide_query_score(hebrew, "מעקב") == 1);
    Guide arabic = order_guide();
    arabic.title = "تتبّع طلبك";
    CHECK(guide_query_score(arabic, "تتبع") == 1); // without the shadda
}

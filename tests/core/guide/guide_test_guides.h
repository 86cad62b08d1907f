#pragma once
// Guides the guide tests share, built in code so each test reads what it runs.

#include "shared/core/guide/guide.h"

#include <string>
#include <utility>
#include <vector>

namespace support::guide::testing {

inline GuideStep make_step(std::string id, std::vector<std::string> target,
                           AdvanceKind kind = AdvanceKind::Manual) {
    GuideStep step;
    step.id = id;
    step.title = "Title of " + id;
    step.target = std::move(target);
    step.advance.kind = kind;
    return step;
}

// Cart: fill the code, press Apply, check the total.
inline Guide coupon_guide() {
    Guide guide;
    guide.id = "apply-coupon";
    guide.locale = "en";
    guide.title = "Apply a coupon";
    guide.pages = {"/cart.html"};
    guide.steps = {make_step("code", {"#coupon-code"}, AdvanceKind::FieldFilled),
                   make_step("apply", {"#apply-coupon"}, AdvanceKind::TargetClicked),
                   make_step("check", {"#totals"})};
    return guide;
}

// Home → order status: the first step waits for the page, the others are on it.
inline Guide order_guide() {
    Guide guide;
    guide.id = "track-order";
    guide.locale = "en";
    guide.title = "Track your order";
    GuideStep go = make_step("go", {".site-nav a[href$='order-status.html']"}, AdvanceKind::UrlReached);
    go.advance.page = "/order-status.html";
    GuideStep number = make_step("number", {"#order-number"}, AdvanceKind::FieldFilled);
    number.page = "/order-status.html";
    GuideStep result = make_step("result", {"#order-result"});
    result.page = "/order-status.html";
    guide.steps = {go, number, result};
    return guide;
}

// A question first: shoes take two more steps, jackets three.
inline Guide size_guide() {
    Guide guide;
    guide.id = "find-size";
    guide.locale = "en";
    guide.title = "Find your size";
    GuideStep ask = make_step("ask", {".sizes"});
    ask.branches = {{"I know my size", "pick"}, {"Help me measure", "measure"}, {"Never mind", "end"}};
    GuideStep measure = make_step("measure", {});
    GuideStep chart = make_step("chart", {"#fit-notes"});
    chart.next = "pick";
    GuideStep pick = make_step("pick", {".sizes"}, AdvanceKind::FieldFilled);
    GuideStep add = make_step("add", {"#add-to-cart"}, AdvanceKind::TargetClicked);
    guide.steps = {ask, measure, chart, pick, add};
    return guide;
}

} // namespace support::guide::testing

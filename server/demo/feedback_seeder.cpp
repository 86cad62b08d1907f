#include "server/demo/feedback_seeder.h"

#include "shared/core/protocol/uuid.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

namespace support::server {

namespace {

using protocol::FeedbackKind;

struct Phrases {
    const char* locale;
    std::vector<const char*> unhappy;
    std::vector<const char*> happy;
    std::vector<const char*> unanswered_searches;
    std::vector<const char*> problems;
};

const std::array<Phrases, 3>& phrases() {
    static const std::array<Phrases, 3> all = {{
        {"en",
         {"Nothing about delivery to Eilat.", "Still don't know when my refund arrives.",
          "The size chart says M but the jacket is tiny.", "Too long, I just wanted the address.",
          "It says 3-5 days, it has been two weeks.", "Doesn't explain what to do if the box is damaged."},
         {"Perfect, thanks!", "Found the return label, great.", "Clear and short.", ""},
         {"delivery to eilat", "gift card balance", "klarna", "cancel subscription",
          "track parcel without account", "student discount israel"},
         {"The Add to cart button does nothing on my phone.",
          "Price in the cart is different from the product page.",
          "Checkout page shows an error after I enter my card.",
          "The size selector is cut off on my screen."}},
        {"he",
         {"אין מידע על משלוח לאילת.", "עדיין לא ברור מתי יגיע ההחזר.", "טבלת המידות לא מתאימה, המעיל קטן.",
          "ארוך מדי, רציתי רק את הכתובת.", "כתוב 3-5 ימים וכבר עברו שבועיים."},
         {"מעולה, תודה!", "מצאתי את מה שחיפשתי.", "ברור וקצר.", ""},
         {"משלוח לאילת", "יתרת כרטיס מתנה", "ביטול הזמנה אחרי משלוח", "תשלומים ללא ריבית",
          "איסוף עצמי בחיפה"},
         {"כפתור ההוספה לסל לא עובד בטלפון.", "המחיר בסל שונה מהמחיר בעמוד המוצר.",
          "העמוד קופץ כשאני בוחר מידה."}},
        {"ar",
         {"لا توجد معلومات عن التوصيل إلى جدة.", "ما زلت لا أعرف متى يصل المبلغ المسترد.",
          "جدول المقاسات غير دقيق، السترة صغيرة.", "طويل جداً، أردت العنوان فقط."},
         {"ممتاز، شكراً!", "وجدت ما أبحث عنه.", "واضح ومختصر.", ""},
         {"التوصيل إلى جدة", "رصيد بطاقة الهدية", "الدفع عند الاستلام", "إلغاء الطلب بعد الشحن"},
         {"زر الإضافة إلى السلة لا يعمل على هاتفي.", "السعر في السلة مختلف عن صفحة المنتج."}},
    }};
    return all;
}

const std::vector<std::string>& default_articles() {
    static const std::vector<std::string> ids = {
        "return-policy",          "how-to-return",   "refund-timing", "shipping-options",
        "international-shipping", "track-order",     "order-late",    "jacket-size-guide",
        "shoe-size-guide",        "payment-methods", "coupon-codes",  "warranty"};
    return ids;
}

const std::vector<SeedGuide>& default_guides() {
    static const std::vector<SeedGuide> guides = {
        {"track-order", {"open-order-status", "enter-order-number", "enter-email", "read-status"}},
        {"apply-coupon", {"open-cart", "find-coupon-field", "enter-code", "check-total"}},
    };
    return guides;
}

struct Page {
    const char* path;
    const char* topic; // what a page-level "Was this page helpful?" is about
    const char* title;
    bool product;
};

constexpr std::array<Page, 5> k_pages = {{
    {"/", "home", "Trailhead Outfitters", false},
    {"/product.html", "product", "Ridge Shell Jacket", true},
    {"/cart.html", "cart", "Your cart", false},
    {"/order-status.html", "order-status", "Order status", false},
    {"/help", "help", "Help", false},
}};

class Dice {
  public:
    explicit Dice(std::uint64_t seed) : m_engine(seed) {}
    double unit() { return std::uniform_real_distribution<double>(0.0, 1.0)(m_engine); }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(unit() * static_cast<double>(n)) % n; }
    template <typename T> const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }
    bool chance(double p) { return unit() < p; }
    std::string uuid() {
        std::array<std::uint8_t, 16> bytes{};
        for (auto& b : bytes)
            b = static_cast<std::uint8_t>(m_engine());
        return protocol::format_uuid_v4(bytes);
    }

  private:
    std::mt19937_64 m_engine;
};

// How often an article helps: most do, a few (the ones Insights should point at) do not.
double helpful_rate(std::size_t article_index) {
    constexpr std::array<double, 6> k_rates = {0.85, 0.35, 0.9, 0.75, 0.55, 0.92};
    return k_rates[article_index % k_rates.size()];
}

} // namespace

std::vector<NewFeedback> seed_feedback(const SeedPlan& plan) {
    Dice dice(plan.seed);
    const auto& articles = plan.article_ids.empty() ? default_articles() : plan.article_ids;
    const auto& guides = plan.guides.empty() ? default_guides() : plan.guides;
    const std::int64_t span_ms = static_cast<std::int64_t>(plan.days) * 86'400'000;
    std::vector<NewFeedback> items;
    items.reserve(plan.count);
    for (std::size_t n = 0; n < plan.count; ++n) {
        const auto& language = phrases()[dice.chance(0.5) ? 0 : (dice.chance(0.6) ? 1 : 2)];
        const Page& page = k_pages[dice.below(k_pages.size())];
        NewFeedback feedback;
        feedback.site = plan.site;
        // More recent days are busier: the square root leans towards now.
        feedback.received_at_ms = plan.now_ms - static_cast<std::int64_t>((1.0 - std::sqrt(dice.unit())) *
                                                                          static_cast<double>(span_ms));
        auto& s = feedback.submission;
        s.client_id = dice.uuid();
        s.locale = language.locale;
        s.client_time_ms = feedback.received_at_ms - static_cast<std::int64_t>(dice.below(4000));
        s.context.page_url = plan.store_origin + page.path;
        s.context.page_title = page.title;
        const double viewport = dice.unit();
        s.context.viewport = viewport < 0.6 ? "phone" : (viewport < 0.9 ? "desktop" : "tablet");
        if (page.product)
            s.context.product =
                protocol::ProductContext{"Ridge Shell Jacket", "RSJ-204-M", "189.00", "EUR", "InStock"};
        const double kind = dice.unit();
        if (kind < 0.45) {
            const std::size_t index = dice.below(articles.size());
            s.kind = FeedbackKind::ArticleHelpful;
            s.subject = articles[index];
            s.helpful = dice.chance(helpful_rate(index));
            if (dice.chance(*s.helpful ? 0.15 : 0.6))
                s.comment = *s.helpful ? dice.pick(language.happy) : dice.pick(language.unhappy);
        } else if (kind < 0.55) {
            s.kind = FeedbackKind::Page;
            s.subject = page.topic;
            s.helpful = dice.chance(0.7);
        } else if (kind < 0.75) {
            s.kind = FeedbackKind::SearchMiss;
            // A few searches come up again and again; Insights ranks them.
            const std::size_t count = language.unanswered_searches.size();
            s.subject =
                language
                    .unanswered_searches[std::min(count - 1, dice.below(count) * dice.below(count) / count)];
        } else if (kind < 0.9) {
            const SeedGuide& guide = dice.pick(guides);
            s.kind = FeedbackKind::Guide;
            s.subject = guide.id;
            if (guide.step_ids.empty() || dice.chance(0.6)) {
                s.outcome = protocol::GuideOutcome::Completed;
                s.step = guide.step_ids.empty() ? "end" : guide.step_ids.back();
                s.step_number = static_cast<std::int64_t>(std::max<std::size_t>(1, guide.step_ids.size()));
            } else {
                // Shoppers give up most at the second step (where they must find something).
                const std::size_t step = std::min(guide.step_ids.size() - 1,
                                                  dice.chance(0.6) ? 1 : dice.below(guide.step_ids.size()));
                s.outcome = protocol::GuideOutcome::Abandoned;
                s.step = guide.step_ids[step];
                s.step_number = static_cast<std::int64_t>(step + 1);
            }
        } else {
            s.kind = FeedbackKind::ProblemReport;
            s.comment = dice.pick(language.problems);
            if (dice.chance(0.4))
                s.email = "shopper" + std::to_string(dice.below(900) + 100) + "@mail.example";
        }
        items.push_back(std::move(feedback));
    }
    std::sort(items.begin(), items.end(),
              [](const NewFeedback& a, const NewFeedback& b) { return a.received_at_ms < b.received_at_ms; });
    return items;
}

} // namespace support::server

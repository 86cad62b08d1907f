// libFuzzer target: guides from site owners and from the network, and what storage hands back.
// The same bytes go to the guide file loader, the CSS selector checker, the saved-progress parser
// and the widget's bundle parser; none may crash. Guides the loader accepts pass the step checks,
// survive a bundle round trip unchanged and can be run with any sequence of events without the
// engine leaving its steps.
#include "shared/core/content/article_bundle.h"
#include "shared/core/content/guide_loader.h"
#include "shared/core/guide/css_selector.h"
#include "shared/core/guide/guide_json.h"
#include "shared/core/guide/guide_progress.h"
#include "shared/core/guide/guide_runner.h"
#include "shared/core/guide/guide_validation.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using namespace support;

namespace {

void require(bool condition) {
    if (!condition)
        std::abort();
}

// Drives the engine with events chosen by the input's bytes.
void run_events(const guide::Guide& guide, const std::string& text) {
    guide::GuideRunner runner;
    (void)runner.start(guide, "/", 0);
    std::int64_t now = 0;
    for (const char c : text) {
        if (!runner.running())
            break;
        const auto byte = static_cast<unsigned char>(c);
        guide::GuideEvent event;
        event.kind = static_cast<guide::GuideEventKind>(byte % 12);
        event.showing = (byte & 0x80) ? runner.showing() : runner.showing() - 1;
        event.choice = byte % 7;
        event.path = (byte & 0x40) ? "/order-status.html" : "/cart.html";
        (void)runner.handle(event, now += 10);
        if (runner.running()) {
            require(runner.step_index() < guide.steps.size());
            require(runner.position() >= 1 && runner.position() <= runner.total());
            auto saved = guide::parse_guide_progress(guide::serialize_guide_progress(runner.progress()));
            require(saved.has_value() && *saved == runner.progress());
        }
    }
}

void check_loader(const std::string& text) {
    const std::vector<content::ContentFile> files{{"en/guides/fuzz.json", text}};
    const content::LoadedGuides loaded = content::load_guides(files);
    for (const content::ContentProblem& problem : loaded.problems)
        require(problem.code.rfind("content.", 0) == 0 && !problem.message.empty());
    for (const guide::Guide& guide : loaded.guides) {
        require(!guide.steps.empty() && guide.steps.size() <= content::k_max_guide_steps);
        for (const guide::GuideProblem& problem : guide::validate_guide_steps(guide))
            require(problem.warning);
        for (const guide::GuideStep& step : guide.steps)
            for (const std::string& selector : step.target)
                require(guide::check_css_selector(selector).has_value());
        content::ArticleBundle bundle{"fuzz", "en", {}, {guide}};
        auto round_trip = content::parse_article_bundle(content::serialize_article_bundle(bundle));
        require(round_trip.has_value() && round_trip->guides.size() == 1);
        require(guide::guide_to_json(round_trip->guides[0]) == guide::guide_to_json(guide));
        run_events(guide, text);
    }
}

void check_selector(const std::string& text) {
    auto checked = guide::check_css_selector(text);
    require(checked.has_value() || checked.error().code.rfind("guide.selector.", 0) == 0);
}

void check_progress(const std::string& text) {
    auto progress = guide::parse_guide_progress(text);
    if (!progress) {
        require(progress.error().code.rfind("guide.progress.", 0) == 0);
        return;
    }
    auto again = guide::parse_guide_progress(guide::serialize_guide_progress(*progress));
    require(again.has_value() && *again == *progress);
}

void check_bundle(const std::string& text) {
    const std::string document = R"({"site":"s","locale":"en","articles":[],"guides":[)" + text + "]}";
    auto bundle = content::parse_article_bundle(document);
    require(bundle.has_value() || bundle.error().code.rfind("content.bundle.", 0) == 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    check_loader(text);
    check_selector(text);
    check_progress(text);
    check_bundle(text);
    return 0;
}

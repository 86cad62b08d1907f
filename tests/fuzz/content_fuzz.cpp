// libFuzzer target: help content from site owners and from the network. The same bytes go to the
// article loader (as a file in two locale folders), the Markdown parser and the widget's bundle
// parser. None may crash or throw; problems carry content.* ids; articles the loader accepts
// survive a bundle round trip unchanged; rendered links are always safe.
#include "shared/core/content/article_bundle.h"
#include "shared/core/content/help_content_loader.h"
#include "shared/core/content/markdown.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using namespace support::content;

namespace {

bool same_article(const Article& a, const Article& b) {
    return a.id == b.id && a.locale == b.locale && a.title == b.title && a.body == b.body &&
           a.tags == b.tags && a.synonyms == b.synonyms && a.pages == b.pages && a.products == b.products;
}

void check_loader(const std::string& text) {
    const std::vector<ContentFile> files{{"en/fuzz.json", text}, {"he/fuzz.json", text}};
    const LoadedContent content = load_help_content(files);
    for (const ContentProblem& problem : content.problems) {
        if (problem.code.rfind("content.", 0) != 0 || problem.message.empty())
            std::abort();
    }
    for (const Article& article : content.articles) {
        if (!is_article_id(article.id) || article.title.empty() || article.body.empty() ||
            article.body.size() > k_max_body_bytes)
            std::abort();
    }
    const ArticleBundle bundle{"fuzz", "en", content.articles, {}};
    auto round_trip = parse_article_bundle(serialize_article_bundle(bundle));
    if (!round_trip || round_trip->articles.size() != bundle.articles.size())
        std::abort();
    for (std::size_t i = 0; i < bundle.articles.size(); ++i) {
        if (!same_article(round_trip->articles[i], bundle.articles[i]))
            std::abort();
    }
}

void check_markdown(const std::string& text) {
    std::vector<MarkdownProblem> problems;
    const MarkdownDocument document = parse_markdown(text, &problems);
    for (const Block& block : document.blocks) {
        for (const InlineSpan& span : block.spans) {
            if (span.text.empty() || (!span.link_href.empty() && !is_safe_link(span.link_href)))
                std::abort();
        }
    }
    for (const MarkdownProblem& problem : problems) {
        if (problem.code != "content.markdown.unsafe_link")
            std::abort();
    }
    (void)to_plain_text(document);
}

void check_bundle(const std::string& text) {
    auto bundle = parse_article_bundle(text);
    if (!bundle && bundle.error().code.rfind("content.bundle.", 0) != 0)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    check_loader(text);
    check_markdown(text);
    check_bundle(text);
    return 0;
}

#include "widget/help_content.h"

#include "shared/core/protocol/api_paths.h"
#include "shared/web/fetch_text.h"

#include <algorithm>
#include <cstdio>

namespace support::widget {

std::vector<std::string> content_locale_candidates(std::string_view locale) {
    std::vector<std::string> out;
    auto add = [&](std::string_view tag) {
        if (!tag.empty() && std::find(out.begin(), out.end(), tag) == out.end())
            out.emplace_back(tag);
    };
    add(locale);
    add("en");
    return out;
}

void HelpContent::load(const std::string& server, const std::string& site, const std::string& locale) {
    if (m_state == ContentState::Loading || m_state == ContentState::Ready)
        return;
    m_server = server;
    m_site = site;
    m_candidates = content_locale_candidates(locale);
    retry();
}

void HelpContent::retry() {
    if (m_candidates.empty())
        return;
    m_state = ContentState::Loading;
    ++m_generation;
    fetch_candidate(0);
}

void HelpContent::fetch_candidate(std::size_t candidate) {
    const std::string url = m_server + protocol::content_target(m_site, m_candidates[candidate]);
    const std::uint32_t generation = m_generation;
    web::fetch_text(url, [this, candidate, generation](Result<web::FetchedText> response) {
        if (generation != m_generation)
            return;
        const bool last = candidate + 1 >= m_candidates.size();
        if (!response) {
            if (web::http_status_of(response.error()) == 400 && !last)
                return fetch_candidate(candidate + 1);
            return fail(std::move(response).error());
        }
        auto bundle = content::parse_article_bundle(response->body);
        if (!bundle)
            return fail(std::move(bundle).error());
        if (bundle->locale.empty())
            bundle->locale = m_candidates[candidate];
        accept(std::move(bundle).value());
    });
}

void HelpContent::accept(content::ArticleBundle bundle) {
    m_locale = bundle.locale;
    m_articles = std::move(bundle.articles);
    m_guides = std::move(bundle.guides);
    m_bodies.clear();
    std::vector<search::SearchableArticle> searchable;
    searchable.reserve(m_articles.size());
    for (const content::Article& article : m_articles) {
        m_bodies.push_back(content::parse_markdown(article.body));
        searchable.push_back(
            search::SearchableArticle{article.id, article.locale.empty() ? m_locale : article.locale,
                                      article.title, content::to_plain_text(m_bodies.back()), article.tags,
                                      article.synonyms, article.pages, article.products});
    }
    m_index = search::SearchIndex::build(std::move(searchable));
    m_state = ContentState::Ready;
    if (m_on_settled)
        m_on_settled();
}

void HelpContent::fail(Error error) {
    std::fprintf(stderr, "support widget: help articles could not be loaded: %s: %s\n", error.code.c_str(),
                 error.message.c_str());
    m_error = std::move(error);
    m_state = ContentState::Failed;
    if (m_on_settled)
        m_on_settled();
}

std::optional<std::uint32_t> HelpContent::find(std::string_view id) const {
    for (std::uint32_t i = 0; i < m_articles.size(); ++i)
        if (m_articles[i].id == id)
            return i;
    return std::nullopt;
}

const guide::Guide* HelpContent::find_guide(std::string_view id) const {
    for (const guide::Guide& guide : m_guides)
        if (guide.id == id)
            return &guide;
    return nullptr;
}

std::optional<std::uint32_t> HelpContent::contact_article() const {
    for (const char* id : {"contact-us", "contact"})
        if (auto found = find(id))
            return found;
    for (std::uint32_t i = 0; i < m_articles.size(); ++i) {
        const auto& tags = m_articles[i].tags;
        if (std::find(tags.begin(), tags.end(), "contact") != tags.end())
            return i;
    }
    return std::nullopt;
}

} // namespace support::widget

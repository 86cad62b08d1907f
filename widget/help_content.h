#pragma once
// The site's help articles and guides in the shopper's language, fetched once per panel session from
//   {server}/api/v1/sites/{site}/content?locale=…
// and made ready to use: each body parsed once (for drawing) and the search index built from
// their plain text.
//
// The server reduces the shopper's locale to what the site has (server/content/content_api.h: "he-IL" →
// "he", an unknown language → "en") and says which it chose in the bundle. Only a locale the server
// refuses as malformed (400) is retried as "en"; any other failure stops with an error the panel
// shows with Retry.

#include "shared/core/content/article_bundle.h"
#include "shared/core/content/markdown.h"
#include "shared/core/result.h"
#include "shared/core/search/search_index.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::widget {

enum class ContentState : std::uint8_t { Idle, Loading, Ready, Failed };

// The locales to ask for, in order: "he-IL" → he-IL, en; "en" → en.
std::vector<std::string> content_locale_candidates(std::string_view locale);

class HelpContent {
  public:
    // Starts loading (once; later calls do nothing unless it failed).
    void load(const std::string& server, const std::string& site, const std::string& locale);
    void retry();

    ContentState state() const { return m_state; }
    const Error& error() const { return m_error; }         // when Failed
    const std::string& locale() const { return m_locale; } // what was loaded ("he")

    std::size_t size() const { return m_articles.size(); }
    const content::Article& article(std::uint32_t index) const { return m_articles[index]; }
    const content::MarkdownDocument& body(std::uint32_t index) const { return m_bodies[index]; }
    const search::SearchIndex& index() const { return m_index; }
    std::optional<std::uint32_t> find(std::string_view id) const;
    // The site's "how to contact us" article: id contact-us (or contact), else the first tagged
    // "contact".
    std::optional<std::uint32_t> contact_article() const;

    // The site's guides in the same locale (shared/core/guide/guide.h).
    const std::vector<guide::Guide>& guides() const { return m_guides; }
    const guide::Guide* find_guide(std::string_view id) const;

    // Called once each time loading settles (ready or failed), outside a frame: the panel may be
    // closed while a guide waits for its content.
    void set_on_settled(std::function<void()> callback) { m_on_settled = std::move(callback); }

  private:
    void fetch_candidate(std::size_t candidate);
    void accept(content::ArticleBundle bundle);
    void fail(Error error);

    std::string m_server, m_site;
    std::vector<std::string> m_candidates;
    std::uint32_t m_generation = 0; // a response from an earlier attempt is ignored
    ContentState m_state = ContentState::Idle;
    Error m_error;
    std::string m_locale;
    std::vector<content::Article> m_articles;
    std::vector<content::MarkdownDocument> m_bodies;
    std::vector<guide::Guide> m_guides;
    search::SearchIndex m_index;
    std::function<void()> m_on_settled;
};

} // namespace support::widget

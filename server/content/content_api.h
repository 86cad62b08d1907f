#pragma once
// The help content API the widget reads:
//
//   GET|HEAD /api/v1/sites/{site}/content?locale=pt-BR
//     200 {"site":"demo","locale":"pt","articles":[…],"guides":[…]}   (shared/core/content/article_bundle.h)
//
// Guides travel with the articles of their locale. Locale fallback, first that the site has: the exact tag
// (case-insensitive) → its language
// ("pt-BR" → "pt") → another tag of that language ("pt" → "pt-BR") → "en". The bundle's "locale"
// and the Content-Language header say which one was returned; a site without English articles
// answers "en" with no articles rather than an error, so the widget always has a bundle to show.
//
// Every bundle, its bytes, their gzip form and a strong ETag for each are built once when the
// server starts (content is immutable while it runs); a request only picks one. Clients that
// accept gzip get it ("Vary: Accept-Encoding"; the two variants never share a tag).
// "Cache-Control: no-cache" with the ETag lets browsers revalidate cheaply: If-None-Match → 304
// without a body.
//
// Errors (JSON, json_error.h): 404 content.site.not_found (field "site"); 400
// content.locale.bad_name (field "locale") when the parameter is missing or not a language tag;
// 405 server.route.method_not_allowed for methods other than GET and HEAD.

#include "server/http/http_message.h"
#include "shared/core/content/article.h"
#include "shared/core/guide/guide.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace support::server {

struct SiteContent {
    std::string site; // [a-z0-9-]+
    std::vector<content::Article> articles;
    std::vector<guide::Guide> guides;
};

class ContentApi {
  public:
    ContentApi() = default;
    explicit ContentApi(const std::vector<SiteContent>& sites);

    HttpResponse serve(const HttpRequest& request) const;

  private:
    struct PreparedBundle {
        std::string locale;
        // Shared with every response that sends them, so a request copies no bytes.
        std::shared_ptr<const std::string> body; // serialize_article_bundle()
        std::string etag;
        std::shared_ptr<const std::string> gzip_body; // null when gzip would not be smaller
        std::string gzip_etag;
    };
    struct Site {
        std::string name;
        std::vector<PreparedBundle> bundles; // one per locale, "en" always among them
        std::vector<std::string> locales;    // the bundles' locales, in the same order
    };

    const Site* find_site(std::string_view name) const;
    static const PreparedBundle& choose_bundle(const Site& site, std::string_view requested);

    std::vector<Site> m_sites;
};

} // namespace support::server

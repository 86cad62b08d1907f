#include "server/content/content_api.h"

#include "server/http/accept_encoding.h"
#include "server/http/gzip_encoding.h"
#include "server/http/http_caching.h"
#include "server/http/json_error.h"
#include "shared/core/content/article_bundle.h"
#include "shared/core/content/locale_tag.h"
#include "shared/core/protocol/api_paths.h"
#include "shared/core/protocol/url_encoding.h"

#include <algorithm>

namespace support::server {

namespace {} // namespace

ContentApi::ContentApi(const std::vector<SiteContent>& sites) {
    for (const SiteContent& site_content : sites) {
        // Articles and guides grouped by locale in first-seen order, spelled as their folder spells them.
        std::vector<content::ArticleBundle> bundles;
        auto bundle_for = [&](const std::string& locale) {
            auto bundle = std::find_if(bundles.begin(), bundles.end(), [&](const content::ArticleBundle& b) {
                return content::same_locale(b.locale, locale);
            });
            if (bundle == bundles.end())
                bundle =
                    bundles.insert(bundles.end(), content::ArticleBundle{site_content.site, locale, {}, {}});
            return bundle;
        };
        for (const content::Article& article : site_content.articles)
            bundle_for(article.locale)->articles.push_back(article);
        for (const guide::Guide& guide : site_content.guides)
            bundle_for(guide.locale)->guides.push_back(guide);
        if (std::none_of(bundles.begin(), bundles.end(), [](const content::ArticleBundle& b) {
                return content::same_locale(b.locale, content::k_fallback_locale);
            }))
            bundles.push_back(
                content::ArticleBundle{site_content.site, std::string(content::k_fallback_locale), {}, {}});

        Site site{site_content.site, {}, {}};
        for (const content::ArticleBundle& bundle : bundles) {
            std::string body = content::serialize_article_bundle(bundle);
            PreparedBundle prepared{bundle.locale, {}, make_etag_for_bytes(body), {}, {}};
            if (auto gzip = gzip_compress(body); gzip && gzip->size() < body.size()) {
                prepared.gzip_etag = make_etag_for_bytes(*gzip);
                prepared.gzip_body = std::make_shared<const std::string>(std::move(*gzip));
            }
            prepared.body = std::make_shared<const std::string>(std::move(body));
            site.locales.push_back(prepared.locale);
            site.bundles.push_back(std::move(prepared));
        }
        m_sites.push_back(std::move(site));
    }
}

const ContentApi::Site* ContentApi::find_site(std::string_view name) const {
    for (const Site& site : m_sites) {
        if (site.name == name)
            return &site;
    }
    return nullptr;
}

const ContentApi::PreparedBundle& ContentApi::choose_bundle(const Site& site, std::string_view requested) {
    return site.bundles[content::closest_locale(site.locales, requested).value()]; // "en" is always there
}

HttpResponse ContentApi::serve(const HttpRequest& request) const {
    if (auto rejected = reject_unless_get_or_head(request, "server.route.method_not_allowed"))
        return std::move(*rejected);
    const std::string name = protocol::site_of_target(request.target).value_or("");
    const Site* site = find_site(name);
    if (!site)
        return error_response(404,
                              make_error("content.site.not_found", "no site called '" + name + "'", "site"));
    const auto locale = protocol::query_parameter(request.target, "locale");
    if (!locale || !content::is_locale_tag(*locale))
        return error_response(400, make_error("content.locale.bad_name",
                                              locale ? "locale must be a language tag such as en, he or pt-BR"
                                                     : "the locale parameter is missing: ?locale=en",
                                              "locale"));

    const PreparedBundle& bundle = choose_bundle(*site, *locale);
    const bool gzip = bundle.gzip_body && accepts_gzip(request.header("Accept-Encoding"));
    const std::string& etag = gzip ? bundle.gzip_etag : bundle.etag;
    HttpResponse response;
    response.set_header("ETag", etag);
    response.set_header("Cache-Control", "no-cache");
    response.set_header("Vary", "Accept-Encoding");
    response.set_header("Content-Language", bundle.locale);
    if (if_none_match_matches(request.header("If-None-Match"), etag)) {
        response.status = 304;
        return response;
    }
    response.set_header("Content-Type", "application/json");
    if (gzip)
        response.set_header("Content-Encoding", "gzip");
    response.shared_body = gzip ? bundle.gzip_body : bundle.body;
    return response;
}

} // namespace support::server

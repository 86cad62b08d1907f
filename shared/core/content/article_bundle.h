#pragma once
// The articles of one site and locale as GET /api/v1/sites/{site}/content?locale=… serves them
// and the widget reads them:
//
//   {"site":"demo","locale":"en","articles":[{"id":…,"locale":…,"title":…,"body":…,
//     "tags":[…],"synonyms":[…],"pages":[…],"products":[…]}, …],
//    "guides":[{"id":…,"locale":…,"title":…,"pages":[…],"steps":[…]}, …]}   (guide/guide_json.h)
//
// The server writes only validated articles; the widget still parses defensively (a proxy or a
// stale cache may hand it anything) and gets an error value, never a crash.

#include "shared/core/content/article.h"
#include "shared/core/guide/guide.h"
#include "shared/core/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace support::content {

struct ArticleBundle {
    std::string site;
    std::string locale;
    std::vector<Article> articles;
    std::vector<guide::Guide> guides; // absent from older bundles: none
};

std::string serialize_article_bundle(const ArticleBundle& bundle);
// Errors: content.bundle.invalid_json, content.bundle.bad_shape (field = JSON pointer).
Result<ArticleBundle> parse_article_bundle(std::string_view json);

} // namespace support::content

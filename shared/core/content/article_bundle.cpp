#include "shared/core/content/article_bundle.h"

#include "shared/core/content/json_nesting.h"
#include "shared/core/guide/guide_json.h"
#include "shared/core/parse_json.h"

#include <nlohmann/json.hpp>

namespace support::content {

namespace {

using nlohmann::json;

// A bundle nests 6 levels (bundle → guides → guide → steps → step → advance → selector); anything
// much deeper is not one.
constexpr std::size_t k_max_bundle_depth = 16;

json string_list(const std::vector<std::string>& items) {
    json list = json::array();
    for (const std::string& item : items)
        list.push_back(item);
    return list;
}

Error bad_shape(std::string pointer, std::string what) {
    return make_error("content.bundle.bad_shape", "the content bundle is not in the expected shape: " + what,
                      std::move(pointer));
}

Result<std::string> read_string(const json& object, const std::string& base, const char* name) {
    const auto it = object.find(name);
    if (it == object.end())
        return bad_shape(base + "/" + name, std::string(name) + " is missing");
    if (!it->is_string())
        return bad_shape(base + "/" + name, std::string(name) + " must be a string");
    return it->get_ref<const std::string&>();
}

// Optional lists: absent means empty, so a later server may leave out empty arrays.
Result<std::vector<std::string>> read_string_list(const json& object, const std::string& base,
                                                  const char* name) {
    std::vector<std::string> items;
    const auto it = object.find(name);
    if (it == object.end())
        return items;
    const std::string pointer = base + "/" + name;
    if (!it->is_array())
        return bad_shape(pointer, std::string(name) + " must be an array of strings");
    items.reserve(it->size());
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& item = (*it)[i];
        if (!item.is_string())
            return bad_shape(pointer + "/" + std::to_string(i), std::string(name) + " must hold strings");
        items.push_back(item.get_ref<const std::string&>());
    }
    return items;
}

Result<Article> read_article(const json& value, const std::string& base) {
    if (!value.is_object())
        return bad_shape(base, "an article must be an object");
    Article article;
    SW_TRY(article.id, read_string(value, base, "id"));
    SW_TRY(article.locale, read_string(value, base, "locale"));
    SW_TRY(article.title, read_string(value, base, "title"));
    SW_TRY(article.body, read_string(value, base, "body"));
    SW_TRY(article.tags, read_string_list(value, base, "tags"));
    SW_TRY(article.synonyms, read_string_list(value, base, "synonyms"));
    SW_TRY(article.pages, read_string_list(value, base, "pages"));
    SW_TRY(article.products, read_string_list(value, base, "products"));
    return article;
}

} // namespace

std::string serialize_article_bundle(const ArticleBundle& bundle) {
    json articles = json::array();
    for (const Article& article : bundle.articles) {
        json object = json::object();
        object["id"] = article.id;
        object["locale"] = article.locale;
        object["title"] = article.title;
        object["body"] = article.body;
        object["tags"] = string_list(article.tags);
        object["synonyms"] = string_list(article.synonyms);
        object["pages"] = string_list(article.pages);
        object["products"] = string_list(article.products);
        articles.push_back(std::move(object));
    }
    json document = json::object();
    document["site"] = bundle.site;
    document["locale"] = bundle.locale;
    document["articles"] = std::move(articles);
    json guides = json::array();
    for (const guide::Guide& guide : bundle.guides)
        guides.push_back(guide::guide_to_json(guide));
    document["guides"] = std::move(guides);
    // Validated content is UTF-8; anything else is replaced rather than thrown about.
    return document.dump(-1, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace);
}

Result<ArticleBundle> parse_article_bundle(std::string_view text) {
    if (json_nesting_depth(text, k_max_bundle_depth) > k_max_bundle_depth)
        return bad_shape("", "it nests too deeply");
    const json document = parse_json(text);
    if (document.is_discarded())
        return make_error("content.bundle.invalid_json", "the content bundle is not valid JSON");
    if (!document.is_object())
        return bad_shape("", "it must be a JSON object");
    ArticleBundle bundle;
    SW_TRY(bundle.site, read_string(document, "", "site"));
    SW_TRY(bundle.locale, read_string(document, "", "locale"));
    const auto articles = document.find("articles");
    if (articles == document.end())
        return bad_shape("/articles", "articles is missing");
    if (!articles->is_array())
        return bad_shape("/articles", "articles must be an array");
    bundle.articles.reserve(articles->size());
    for (std::size_t i = 0; i < articles->size(); ++i) {
        SW_TRY(Article article, read_article((*articles)[i], "/articles/" + std::to_string(i)));
        bundle.articles.push_back(std::move(article));
    }
    if (const auto guides = document.find("guides"); guides != document.end()) {
        if (!guides->is_array())
            return bad_shape("/guides", "guides must be an array");
        for (std::size_t i = 0; i < guides->size(); ++i) {
            auto guide = guide::guide_from_json((*guides)[i], "/guides/" + std::to_string(i));
            if (!guide)
                return bad_shape(guide.error().field, guide.error().message);
            bundle.guides.push_back(std::move(guide).value());
        }
    }
    return bundle;
}

} // namespace support::content

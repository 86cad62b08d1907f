#include "shared/web/page_facts.h"

#include "shared/core/parse_json.h"
#include "shared/web/js_bridge.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace support::web {

PageFacts read_page_facts() {
    PageFacts facts;
    char* text = sw_web_page_facts();
    if (!text)
        return facts;
    const nlohmann::json doc = parse_json(text);
    std::free(text);
    if (!doc.is_object())
        return facts;
    auto string_at = [&](const char* key) {
        auto it = doc.find(key);
        return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    facts.path = string_at("path");
    facts.url = string_at("url");
    facts.title = string_at("title");
    facts.product_sku = string_at("sku");
    if (auto it = doc.find("categories"); it != doc.end() && it->is_array())
        for (const auto& category : *it)
            if (category.is_string())
                facts.categories.push_back(category.get<std::string>());
    return facts;
}

} // namespace support::web

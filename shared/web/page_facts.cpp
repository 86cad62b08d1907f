#include "shared/web/page_facts.h"

#include "shared/core/context/product_json_ld.h"
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
    facts.referrer = string_at("referrer");
    facts.lang = string_at("lang");
    facts.dir = string_at("dir");
    std::vector<std::string> scripts;
    if (auto it = doc.find("ld"); it != doc.end() && it->is_array())
        for (const auto& script : *it)
            if (script.is_string())
                scripts.push_back(script.get<std::string>());
    // Asked on every panel open, feedback event, chat and guide step: the page's JSON-LD is parsed
    // again only when its scripts changed (a single-page store swapping products).
    static std::vector<std::string> last_scripts;
    static std::optional<context::PageProduct> last_found;
    static bool read_once = false;
    if (!read_once || scripts != last_scripts) {
        last_found = context::product_from_json_ld(scripts);
        last_scripts = std::move(scripts);
        read_once = true;
    }
    if (last_found) {
        facts.categories = last_found->categories;
        facts.product = last_found->product;
    }
    return facts;
}

} // namespace support::web

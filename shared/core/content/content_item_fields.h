#pragma once
// The fields every content item (an article, a guide) has and checks the same way: its id and its
// optional "locale", which must match its folder. Problems go to the loader's log under the item
// kind's prefix: <prefix>.missing_id, .wrong_type, .bad_id, .locale_mismatch.

#include "shared/core/content/content_problem_log.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace support::content {

struct ContentItemKind {
    const char* noun;        // "article", "guide"
    const char* code_prefix; // "content.article", "content.guide"
    const char* example_id;  // "returns-policy"
};

inline constexpr ContentItemKind k_article_kind{"article", "content.article", "returns-policy"};
inline constexpr ContentItemKind k_guide_kind{"guide", "content.guide", "apply-coupon"};

// The item's id when it is there and well-formed (is_article_id); nullopt after reporting why not.
std::optional<std::string> check_item_id(const nlohmann::json& object, const std::string& base,
                                         const ContentItemKind& kind, ContentProblemLog& log);
// A "locale" field, when there is one, must be a string naming the folder's locale.
void check_item_locale(const nlohmann::json& object, const std::string& base,
                       const std::optional<std::string>& folder_locale, const ContentItemKind& kind,
                       ContentProblemLog& log);

} // namespace support::content

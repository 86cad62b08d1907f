#pragma once
// What the article and guide loaders share: reading a content file's JSON with every file-level
// problem named (too large, not UTF-8, nested too deep, empty, not valid JSON with line and
// column), and the small pieces that make problem messages safe and precise.

#include "shared/core/content/article_loader.h"
#include "shared/core/json_pointer.h" // json_pointer_token, used with the helpers below

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace support::content {

struct ContentFileJson {
    nlohmann::json document;               // discarded when `problem` is set
    std::optional<ContentProblem> problem; // content.file.* for the whole file
};

// `what` names what the file holds, for messages: "article", "guide".
ContentFileJson parse_content_file(const ContentFile& file, std::string_view what);

// A value quoted for a message: cut on a UTF-8 boundary, control bytes escaped, so a message never
// carries a 10 MB string or terminal escape sequences.
std::string quote_for_message(std::string_view value);
// "a string", "an array", "a number", … for "must be X, got Y".
std::string_view json_type_name(const nlohmann::json& value);
// Only ASCII whitespace (or nothing).
bool is_blank_text(std::string_view text);

} // namespace support::content

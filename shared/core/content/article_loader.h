#pragma once
// Validates the help articles of a site from the texts of its files and reports every problem at
// once: a site owner fixes a whole folder in one pass instead of one error per run. No I/O here;
// the server reads the files (server/content/content_directory.h) and the fuzzer feeds bytes directly.
//
//   std::vector<ContentFile> files{{"en/returns.json", text}, {"he/returns.json", text_he}};
//   LoadedContent content = load_articles(files);
//   content.articles  // the articles without errors, in file order
//   content.problems  // {code, severity, file, pointer, message} for everything that is wrong
//
// A file holds one article object or an array of them (article.h has the format). Its locale is
// the first segment of its path ("en/returns.json" → "en"). Articles with an error are left
// out; warnings (unknown fields, unsafe links) keep the article. Bad input of any shape —
// truncated JSON, wrong types, huge strings, invalid UTF-8, deep nesting, NUL bytes — becomes a
// problem, never a crash or an exception.
//
// Problem ids (field limits below):
//   content.file.too_large, content.file.invalid_utf8, content.file.too_deep,
//   content.file.invalid_json, content.file.not_in_locale_folder, content.file.too_many_problems
//   (after the first 100 of one file), content.locale.bad_name,
//   content.article.not_an_object, content.article.missing_id, content.article.bad_id,
//   content.article.duplicate_id (every file that uses the id in that locale),
//   content.article.missing_title, content.article.title_too_long, content.article.missing_body,
//   content.article.body_too_long, content.article.wrong_type, content.article.locale_mismatch,
//   content.article.bad_page_pattern, content.article.bad_product, content.article.too_many_items,
//   content.article.string_too_long, content.article.unknown_field (warning),
//   content.markdown.unsafe_link (warning).

#include "shared/core/content/article.h"
#include "shared/core/guide/guide.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace support::content {

inline constexpr std::size_t k_max_file_bytes = 1024 * 1024;
inline constexpr std::size_t k_max_json_depth = 16; // an article file needs 3
inline constexpr std::size_t k_max_id_bytes = 64;
inline constexpr std::size_t k_max_title_characters = 200;
inline constexpr std::size_t k_max_body_bytes = 64 * 1024;
inline constexpr std::size_t k_max_list_items = 64; // tags, synonyms, pages, products
inline constexpr std::size_t k_max_list_item_bytes = 256;

struct ContentFile {
    std::string path; // relative to the content folder, '/'-separated: "en/returns.json"
    std::string text;
};

enum class Severity { Error, Warning };

struct ContentProblem {
    std::string code; // stable id, e.g. "content.article.missing_title"
    Severity severity = Severity::Error;
    std::string file;    // the file's path as given ("en/returns.json"), or a locale folder ("english")
    std::string pointer; // JSON pointer into the file ("/0/tags/2"); empty for the whole file
    std::string message; // for people: says what is wrong and how to fix it
};

struct LoadedContent {
    std::vector<Article> articles;    // valid, in file order (then order inside a file)
    std::vector<guide::Guide> guides; // valid, in file order (load_help_content; guide_loader.h)
    std::vector<ContentProblem> problems;

    std::size_t error_count() const;
    std::size_t warning_count() const;
};

LoadedContent load_articles(std::span<const ContentFile> files);

// "error" or "warning".
std::string_view severity_name(Severity severity);

// "[a-z0-9][a-z0-9-]*" of at most k_max_id_bytes: safe in URLs, file names and logs.
bool is_article_id(std::string_view id);
// A URL path pattern: starts with '/', at most k_max_list_item_bytes, no whitespace, control
// characters, '?' or '#'; '*' matches any run of characters.
bool is_page_pattern(std::string_view pattern);
// A SKU ("NW-TR2-GRN": letters, digits, '.', '_', '-') or "category:<name>" with a name of the
// same characters, each part 1–64 bytes.
bool is_product_reference(std::string_view product);

} // namespace support::content

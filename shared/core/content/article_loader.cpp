#include "shared/core/content/article_loader.h"

#include "shared/core/content/json_nesting.h"
#include "shared/core/content/locale_tag.h"
#include "shared/core/content/markdown.h"
#include "shared/core/content/utf8_validation.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace support::content {

namespace {

using nlohmann::json;

// A file this broken gets its first problems listed and a count of the rest: an array of
// 100,000 numbers must not print 100,000 lines.
constexpr std::size_t k_max_problems_per_file = 100;

constexpr std::array<std::string_view, 8> k_known_fields{"id",   "locale",   "title", "body",
                                                         "tags", "synonyms", "pages", "products"};

bool is_ascii_whitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_blank_text(std::string_view text) {
    return std::all_of(text.begin(), text.end(), is_ascii_whitespace);
}

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool is_product_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

// One reference token of a JSON pointer (RFC 6901): '~' → "~0", '/' → "~1".
std::string pointer_token(std::string_view key) {
    std::string token;
    for (char c : key) {
        if (c == '~')
            token += "~0";
        else if (c == '/')
            token += "~1";
        else
            token += c;
    }
    return token;
}

// A value quoted for a message: cut on a UTF-8 boundary, control bytes escaped, so a message
// never carries a 10 MB string or terminal escape sequences.
std::string quote_for_message(std::string_view value) {
    constexpr std::size_t k_limit = 60;
    std::size_t end = value.size();
    if (end > k_limit) {
        end = k_limit;
        while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80)
            --end;
    }
    std::string out = "'";
    for (std::size_t i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(value[i]);
        if (byte < 0x20 || byte == 0x7f) {
            constexpr char k_hex[] = "0123456789abcdef";
            out += "\\x";
            out += k_hex[byte >> 4];
            out += k_hex[byte & 0xF];
        } else {
            out += value[i];
        }
    }
    out += end < value.size() ? "…'" : "'";
    return out;
}

std::string_view type_name(const json& value) {
    switch (value.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return "true/false";
    case json::value_t::string:
        return "a string";
    case json::value_t::array:
        return "an array";
    case json::value_t::object:
        return "an object";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return "a number";
    default:
        return "something else";
    }
}

// After a failed parse, runs the parser again with this SAX handler only to learn where and why
// it failed: nlohmann reports that through parse_error() without throwing.
class ParseErrorLocator final : public nlohmann::json_sax<json> {
  public:
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) override {
        m_message = error.what();
        return false;
    }

    // "parse error at line 3, column 5: syntax error while parsing object - unexpected '}'; …"
    std::string message() const {
        std::string_view text = m_message;
        if (const auto bracket = text.find("] "); text.starts_with("[json.exception") && bracket != text.npos)
            text.remove_prefix(bracket + 2);
        return text.empty() ? std::string("the JSON is not valid") : std::string(text);
    }

  private:
    std::string m_message;
};

// Where each id was seen, to report duplicates in every file that uses them.
struct IdUse {
    std::string file;
    std::string pointer;
    std::optional<std::size_t> candidate; // index into the article candidates when otherwise valid
};

class ArticleValidator {
  public:
    ArticleValidator(std::vector<ContentProblem>& problems) : m_problems(problems) {}

    void validate_file(const ContentFile& file) {
        m_file = &file;
        m_file_problems = 0;
        m_hidden_problems = 0;
        check_file(file);
        if (m_hidden_problems > 0)
            m_problems.push_back(ContentProblem{
                "content.file.too_many_problems", Severity::Error, file.path, "",
                std::to_string(m_hidden_problems) + " more problems in this file are not listed"});
    }

    // The valid articles, in order, once every file has been seen: ids used twice in one locale
    // are reported in every file that uses them and the articles are left out.
    std::vector<Article> finish() {
        std::vector<bool> keep(m_candidates.size(), true);
        for (const auto& [key, uses] : m_id_uses) {
            if (uses.size() < 2)
                continue;
            for (const IdUse& use : uses) {
                std::string others;
                for (const IdUse& other : uses) {
                    if (&other == &use)
                        continue;
                    others += others.empty() ? "" : ", ";
                    others += other.file + (other.pointer.empty() ? "" : " at " + other.pointer);
                }
                m_problems.push_back(
                    ContentProblem{"content.article.duplicate_id", Severity::Error, use.file, use.pointer,
                                   "id " + quote_for_message(key.second) + " is also used in " + others +
                                       "; ids must be unique in a locale (the same id in another locale is "
                                       "the translation)"});
                if (use.candidate)
                    keep[*use.candidate] = false;
            }
        }
        std::vector<Article> articles;
        for (std::size_t i = 0; i < m_candidates.size(); ++i) {
            if (keep[i])
                articles.push_back(std::move(m_candidates[i]));
        }
        return articles;
    }

  private:
    void report(Severity severity, std::string code, std::string pointer, std::string message) {
        if (severity == Severity::Error)
            m_article_failed = true;
        if (m_file_problems >= k_max_problems_per_file) {
            ++m_hidden_problems;
            return;
        }
        ++m_file_problems;
        m_problems.push_back(
            ContentProblem{std::move(code), severity, m_file->path, std::move(pointer), std::move(message)});
    }
    void error(std::string code, std::string pointer, std::string message) {
        report(Severity::Error, std::move(code), std::move(pointer), std::move(message));
    }
    void wrong_type(const std::string& pointer, std::string_view what, const json& value) {
        error("content.article.wrong_type", pointer,
              std::string(what) + " must be " + std::string(expected_type(what)) + ", got " +
                  std::string(type_name(value)));
    }
    static std::string_view expected_type(std::string_view what) {
        if (what == "tags" || what == "synonyms" || what == "pages" || what == "products")
            return "an array of strings";
        return "a string";
    }

    // The locale of a path's first segment; reports files outside a locale folder and folders
    // whose names are not locale tags (once per folder).
    std::optional<std::string> locale_of(const std::string& path) {
        const auto slash = path.find('/');
        if (slash == std::string::npos) {
            error("content.file.not_in_locale_folder", "",
                  "articles belong in a folder named after their locale, such as en/" + path);
            return std::nullopt;
        }
        std::string folder = path.substr(0, slash);
        if (is_locale_tag(folder))
            return folder;
        if (m_bad_folders.insert(folder).second) {
            m_problems.push_back(
                ContentProblem{"content.locale.bad_name", Severity::Error, folder, "",
                               "folder " + quote_for_message(folder) +
                                   " is not a language tag; name locale folders like en, he, ar or pt-BR"});
        }
        m_article_failed = true;
        return std::nullopt;
    }

    void check_file(const ContentFile& file) {
        const std::string_view text = file.text;
        if (text.size() > k_max_file_bytes) {
            error("content.file.too_large", "",
                  "the file is larger than 1 MB; split its articles into several files");
            return;
        }
        if (const auto bad = find_invalid_utf8(text)) {
            error("content.file.invalid_utf8", "",
                  "not valid UTF-8 at line " + std::to_string(bad->line) + ", column " +
                      std::to_string(bad->column) + " (byte " + std::to_string(bad->offset) +
                      "); save the file as UTF-8");
            return;
        }
        if (json_nesting_depth(text, k_max_json_depth) > k_max_json_depth) {
            error("content.file.too_deep", "",
                  "arrays and objects nest more than " + std::to_string(k_max_json_depth) +
                      " levels deep; an article file needs 3");
            return;
        }
        if (is_blank_text(text)) {
            error("content.file.invalid_json", "",
                  "the file is empty; write one article object or an array of them");
            return;
        }
        const json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (document.is_discarded()) {
            ParseErrorLocator locator;
            (void)json::sax_parse(text, &locator);
            error("content.file.invalid_json", "", "not valid JSON: " + locator.message());
            return;
        }

        m_article_failed = false;
        const std::optional<std::string> locale = locale_of(file.path);
        const bool file_failed = m_article_failed;
        if (document.is_array()) {
            for (std::size_t i = 0; i < document.size(); ++i)
                check_article(document[i], "/" + std::to_string(i), locale, file_failed);
        } else {
            check_article(document, "", locale, file_failed);
        }
    }

    void check_article(const json& value, const std::string& base, const std::optional<std::string>& locale,
                       bool file_failed) {
        m_article_failed = file_failed;
        if (!value.is_object()) {
            error("content.article.not_an_object", base,
                  "an article must be a JSON object {\"id\": …, \"title\": …, \"body\": …}, got " +
                      std::string(type_name(value)));
            return;
        }
        Article article;
        article.locale = locale.value_or(std::string());

        for (const auto& [key, field] : value.items()) {
            if (std::find(k_known_fields.begin(), k_known_fields.end(), key) == k_known_fields.end())
                report(Severity::Warning, "content.article.unknown_field", base + "/" + pointer_token(key),
                       "unknown field " + quote_for_message(key) +
                           " is ignored (the fields are id, locale, title, body, tags, synonyms, pages, "
                           "products)");
        }

        const std::optional<std::string> id_pointer = check_id(value, base, article);
        check_locale(value, base, locale);
        check_title(value, base, article);
        check_body(value, base, article);
        check_list(value, base, "tags", article.tags);
        check_list(value, base, "synonyms", article.synonyms);
        check_list(value, base, "pages", article.pages);
        check_list(value, base, "products", article.products);

        std::optional<std::size_t> candidate;
        if (!m_article_failed) {
            candidate = m_candidates.size();
            m_candidates.push_back(article);
        }
        if (id_pointer && locale) {
            std::string locale_key;
            for (char c : *locale)
                locale_key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            m_id_uses[{locale_key, article.id}].push_back(IdUse{m_file->path, *id_pointer, candidate});
        }
    }

    // The pointer of a well-formed id, for duplicate reports.
    std::optional<std::string> check_id(const json& object, const std::string& base, Article& article) {
        const std::string pointer = base + "/id";
        const auto it = object.find("id");
        if (it == object.end()) {
            error("content.article.missing_id", pointer,
                  "every article needs an \"id\", such as \"returns-policy\" (the same in every locale)");
            return std::nullopt;
        }
        if (!it->is_string()) {
            wrong_type(pointer, "id", *it);
            return std::nullopt;
        }
        const std::string& id = it->get_ref<const std::string&>();
        if (!is_article_id(id)) {
            error(
                "content.article.bad_id", pointer,
                "id " + quote_for_message(id) +
                    " must be lowercase letters, digits and '-', starting with a letter or digit, at most " +
                    std::to_string(k_max_id_bytes) + " bytes");
            return std::nullopt;
        }
        article.id = id;
        return pointer;
    }

    void check_locale(const json& object, const std::string& base, const std::optional<std::string>& locale) {
        const auto it = object.find("locale");
        if (it == object.end())
            return;
        const std::string pointer = base + "/locale";
        if (!it->is_string()) {
            wrong_type(pointer, "locale", *it);
            return;
        }
        const std::string& written = it->get_ref<const std::string&>();
        if (locale && !same_locale(written, *locale))
            error("content.article.locale_mismatch", pointer,
                  "locale " + quote_for_message(written) + " does not match the folder " +
                      quote_for_message(*locale) + "; move the file or fix the locale (it may be left out)");
    }

    void check_title(const json& object, const std::string& base, Article& article) {
        const std::string pointer = base + "/title";
        const auto it = object.find("title");
        if (it == object.end()) {
            error("content.article.missing_title", pointer, "every article needs a \"title\"");
            return;
        }
        if (!it->is_string()) {
            wrong_type(pointer, "title", *it);
            return;
        }
        const std::string& title = it->get_ref<const std::string&>();
        if (is_blank_text(title)) {
            error("content.article.missing_title", pointer, "the title is empty");
            return;
        }
        if (count_code_points(title) > k_max_title_characters) {
            error("content.article.title_too_long", pointer,
                  "the title has " + std::to_string(count_code_points(title)) + " characters; at most " +
                      std::to_string(k_max_title_characters) + " fit the widget");
            return;
        }
        article.title = title;
    }

    void check_body(const json& object, const std::string& base, Article& article) {
        const std::string pointer = base + "/body";
        const auto it = object.find("body");
        if (it == object.end()) {
            error("content.article.missing_body", pointer, "every article needs a \"body\" (Markdown text)");
            return;
        }
        if (!it->is_string()) {
            wrong_type(pointer, "body", *it);
            return;
        }
        const std::string& body = it->get_ref<const std::string&>();
        if (is_blank_text(body)) {
            error("content.article.missing_body", pointer, "the body is empty");
            return;
        }
        if (body.size() > k_max_body_bytes) {
            error("content.article.body_too_long", pointer,
                  "the body has " + std::to_string(body.size()) + " bytes; at most 64 KB (" +
                      std::to_string(k_max_body_bytes) + " bytes) are allowed");
            return;
        }
        std::vector<MarkdownProblem> markdown_problems;
        (void)parse_markdown(body, &markdown_problems);
        for (MarkdownProblem& problem : markdown_problems)
            report(Severity::Warning, std::move(problem.code), pointer, std::move(problem.message));
        article.body = body;
    }

    void check_list(const json& object, const std::string& base, std::string_view name,
                    std::vector<std::string>& out) {
        const auto it = object.find(name);
        if (it == object.end())
            return;
        const std::string pointer = base + "/" + std::string(name);
        if (!it->is_array()) {
            wrong_type(pointer, name, *it);
            return;
        }
        if (it->size() > k_max_list_items) {
            error("content.article.too_many_items", pointer,
                  std::string(name) + " has " + std::to_string(it->size()) + " items; at most " +
                      std::to_string(k_max_list_items) + " are allowed");
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            const json& item = (*it)[i];
            const std::string item_pointer = pointer + "/" + std::to_string(i);
            if (!item.is_string()) {
                error("content.article.wrong_type", item_pointer,
                      std::string(name) + " must be an array of strings; item " + std::to_string(i) + " is " +
                          std::string(type_name(item)));
                continue;
            }
            const std::string& text = item.get_ref<const std::string&>();
            if (text.size() > k_max_list_item_bytes) {
                error("content.article.string_too_long", item_pointer,
                      "item " + std::to_string(i) + " of " + std::string(name) + " has " +
                          std::to_string(text.size()) + " bytes; at most " +
                          std::to_string(k_max_list_item_bytes) + " are allowed");
                continue;
            }
            if (name == "pages" && !is_page_pattern(text)) {
                error(
                    "content.article.bad_page_pattern", item_pointer,
                    "page pattern " + quote_for_message(text) +
                        " must be a URL path starting with '/', without spaces, '?' or '#' ('*' matches any "
                        "run), such as \"/products/*\"");
                continue;
            }
            if (name == "products" && !is_product_reference(text)) {
                error("content.article.bad_product", item_pointer,
                      "product " + quote_for_message(text) +
                          " must be a SKU (letters, digits, '.', '_', '-') or \"category:<name>\"");
                continue;
            }
            out.push_back(text);
        }
    }

    std::vector<ContentProblem>& m_problems;
    const ContentFile* m_file = nullptr;
    std::size_t m_file_problems = 0;
    std::size_t m_hidden_problems = 0;
    bool m_article_failed = false;
    std::set<std::string> m_bad_folders;
    std::vector<Article> m_candidates;
    std::map<std::pair<std::string, std::string>, std::vector<IdUse>> m_id_uses; // (locale, id)
};

} // namespace

std::size_t LoadedContent::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(problems.begin(), problems.end(),
                      [](const ContentProblem& p) { return p.severity == Severity::Error; }));
}

std::size_t LoadedContent::warning_count() const {
    return problems.size() - error_count();
}

LoadedContent load_articles(std::span<const ContentFile> files) {
    LoadedContent content;
    ArticleValidator validator(content.problems);
    for (const ContentFile& file : files)
        validator.validate_file(file);
    content.articles = validator.finish();
    // Grouped by file for people reading the list; the order inside a file stays as found.
    std::stable_sort(content.problems.begin(), content.problems.end(),
                     [](const ContentProblem& a, const ContentProblem& b) { return a.file < b.file; });
    return content;
}

std::string_view severity_name(Severity severity) {
    return severity == Severity::Error ? "error" : "warning";
}

bool is_article_id(std::string_view id) {
    return !id.empty() && id.size() <= k_max_id_bytes && id.front() != '-' &&
           std::all_of(id.begin(), id.end(), is_id_char);
}

bool is_page_pattern(std::string_view pattern) {
    if (pattern.empty() || pattern.front() != '/' || pattern.size() > k_max_list_item_bytes)
        return false;
    return std::none_of(pattern.begin(), pattern.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7f || c == '?' || c == '#';
    });
}

bool is_product_reference(std::string_view product) {
    constexpr std::string_view k_category = "category:";
    if (product.starts_with(k_category))
        product.remove_prefix(k_category.size());
    return !product.empty() && product.size() <= 64 &&
           std::all_of(product.begin(), product.end(), is_product_char);
}

} // namespace support::content

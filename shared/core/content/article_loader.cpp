#include "shared/core/content/article_loader.h"

#include "shared/core/content/content_item_fields.h"
#include "shared/core/content/content_json.h"
#include "shared/core/content/content_problem_log.h"
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

constexpr std::array<std::string_view, 8> k_known_fields{"id",   "locale",   "title", "body",
                                                         "tags", "synonyms", "pages", "products"};

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool is_product_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

class ArticleValidator {
  public:
    ArticleValidator(std::vector<ContentProblem>& problems) : m_problems(problems), m_log(problems) {}

    void validate_file(const ContentFile& file) {
        m_log.begin_file(file);
        check_file(file);
        m_log.end_file();
    }

    // The valid articles, in order, once every file has been seen: ids used twice in one locale
    // are reported in every file that uses them and the articles are left out.
    std::vector<Article> finish() {
        std::vector<bool> keep(m_candidates.size(), true);
        m_ids.report(m_problems, "content.article.duplicate_id", "id", keep);
        std::vector<Article> articles;
        for (std::size_t i = 0; i < m_candidates.size(); ++i) {
            if (keep[i])
                articles.push_back(std::move(m_candidates[i]));
        }
        return articles;
    }

  private:
    void report(Severity severity, std::string code, std::string pointer, std::string message) {
        m_log.report(severity, std::move(code), std::move(pointer), std::move(message));
    }
    void error(std::string code, std::string pointer, std::string message) {
        m_log.error(std::move(code), std::move(pointer), std::move(message));
    }
    void wrong_type(const std::string& pointer, std::string_view what, const json& value) {
        error("content.article.wrong_type", pointer,
              std::string(what) + " must be " + std::string(expected_type(what)) + ", got " +
                  std::string(json_type_name(value)));
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
        m_log.set_failed(true);
        return std::nullopt;
    }

    void check_file(const ContentFile& file) {
        ContentFileJson parsed = parse_content_file(file, "article");
        if (parsed.problem) {
            report(parsed.problem->severity, std::move(parsed.problem->code), "",
                   std::move(parsed.problem->message));
            return;
        }
        const json& document = parsed.document;

        m_log.set_failed(false);
        const std::optional<std::string> locale = locale_of(file.path);
        const bool file_failed = m_log.failed();
        if (document.is_array()) {
            for (std::size_t i = 0; i < document.size(); ++i)
                check_article(document[i], "/" + std::to_string(i), locale, file_failed);
        } else {
            check_article(document, "", locale, file_failed);
        }
    }

    void check_article(const json& value, const std::string& base, const std::optional<std::string>& locale,
                       bool file_failed) {
        m_log.set_failed(file_failed);
        if (!value.is_object()) {
            error("content.article.not_an_object", base,
                  "an article must be a JSON object {\"id\": …, \"title\": …, \"body\": …}, got " +
                      std::string(json_type_name(value)));
            return;
        }
        Article article;
        article.locale = locale.value_or(std::string());

        for (const auto& [key, field] : value.items()) {
            if (std::find(k_known_fields.begin(), k_known_fields.end(), key) == k_known_fields.end())
                report(Severity::Warning, "content.article.unknown_field",
                       base + "/" + json_pointer_token(key),
                       "unknown field " + quote_for_message(key) +
                           " is ignored (the fields are id, locale, title, body, tags, synonyms, pages, "
                           "products)");
        }

        const std::optional<std::string> id = check_item_id(value, base, k_article_kind, m_log);
        if (id)
            article.id = *id;
        check_item_locale(value, base, locale, k_article_kind, m_log);
        check_title(value, base, article);
        check_body(value, base, article);
        check_list(value, base, "tags", article.tags);
        check_list(value, base, "synonyms", article.synonyms);
        check_list(value, base, "pages", article.pages);
        check_list(value, base, "products", article.products);

        std::optional<std::size_t> candidate;
        if (!m_log.failed()) {
            candidate = m_candidates.size();
            m_candidates.push_back(article);
        }
        if (id && locale)
            m_ids.add(*locale, article.id, m_log.file_path(), base + "/id", candidate);
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
                          std::string(json_type_name(item)));
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
    ContentProblemLog m_log;
    std::set<std::string> m_bad_folders;
    std::vector<Article> m_candidates;
    DuplicateIds m_ids;
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

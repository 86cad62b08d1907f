#include "shared/core/search/page_match.h"

namespace support::search {

std::string_view url_path(std::string_view url) {
    if (const std::size_t scheme = url.find("://"); scheme != std::string_view::npos) {
        const std::size_t path_start = url.find('/', scheme + 3);
        url = path_start == std::string_view::npos ? std::string_view("/") : url.substr(path_start);
    }
    return url.substr(0, url.find_first_of("?#"));
}

namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

// Glob match with '*' only; linear backtracking to the last star.
bool glob_matches(std::string_view pattern, std::string_view text) {
    std::size_t p = 0, t = 0;
    std::size_t star = std::string_view::npos, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p, ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

} // namespace

// A folder's index page is the folder: "/index.html" is "/" and "/help/index.htm" is "/help/".
std::string_view without_index_page(std::string_view path) {
    for (std::string_view index : {std::string_view("index.html"), std::string_view("index.htm")}) {
        if (path.size() > index.size() && path.substr(path.size() - index.size()) == index &&
            path[path.size() - index.size() - 1] == '/')
            return path.substr(0, path.size() - index.size());
    }
    return path;
}

bool page_pattern_matches(std::string_view pattern, std::string_view path) {
    if (pattern.empty() || path.empty())
        return false;
    const std::string_view wanted = url_path(pattern), actual = url_path(path);
    return glob_matches(wanted, actual) ||
           glob_matches(without_index_page(wanted), without_index_page(actual));
}

bool product_reference_matches(std::string_view reference, std::string_view sku, std::string_view category) {
    constexpr std::string_view k_category = "category:";
    if (reference.substr(0, k_category.size()) == k_category)
        return !category.empty() && equal_ignoring_case(reference.substr(k_category.size()), category);
    return !sku.empty() && equal_ignoring_case(reference, sku);
}

} // namespace support::search

// The production search code as a WebAssembly module of its own, for ./scripts/bench search:
// built with the same compiler and flags as the shipped core, driven from Node through a small C
// API (strings in as UTF-8 pointers, ranked ids out as one '\n'-separated string).

#include "shared/core/search/search_index.h"

#include <malloc.h>

#include <string>
#include <vector>

namespace {

using support::search::SearchableArticle;
using support::search::SearchHit;
using support::search::SearchIndex;

std::vector<SearchableArticle> g_documents;
SearchIndex g_index = SearchIndex::build({});
std::string g_result;
int g_confident = 0;

} // namespace

extern "C" {

void sw_bench_reset() {
    g_documents.clear();
    g_index = SearchIndex::build({});
}

int sw_bench_add_document(const char* id, const char* language, const char* title, const char* body) {
    if (!id || !language || !title || !body)
        return 1;
    SearchableArticle article;
    article.id = id;
    article.language = language;
    article.title = title;
    article.body_text = body;
    g_documents.push_back(std::move(article));
    return 0;
}

int sw_bench_build() {
    g_index = SearchIndex::build(g_documents);
    return 0;
}

namespace {

const char* run_query(const char* query, int limit, bool with_highlights) {
    g_result.clear();
    g_confident = 0;
    if (!query || limit <= 0)
        return g_result.c_str();
    const auto max_hits = static_cast<std::size_t>(limit);
    const std::vector<SearchHit> hits =
        with_highlights ? g_index.search(query, {}, max_hits) : g_index.rank(query, {}, max_hits);
    for (const SearchHit& hit : hits) {
        if (!g_result.empty())
            g_result += '\n';
        g_result += g_index.article(hit.article).id;
        g_confident += hit.confident ? 1 : 0;
    }
    return g_result.c_str();
}

} // namespace

// Ranking alone: what the peers' search calls do.
const char* sw_bench_search(const char* query, int limit) {
    return run_query(query, limit, false);
}

// Ranking plus title highlights and a highlighted snippet for every hit, as the widget shows them.
const char* sw_bench_search_highlighted(const char* query, int limit) {
    return run_query(query, limit, true);
}

int sw_bench_confident_count() {
    return g_confident;
}

double sw_bench_heap_bytes() {
    return static_cast<double>(mallinfo().uordblks);
}

double sw_bench_index_bytes() {
    return static_cast<double>(g_index.memory_bytes());
}

} // extern "C"

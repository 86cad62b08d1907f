// ./scripts/bench bot [--eval-dir DIR]: how the chat bot's confidence threshold trades answers
// for wrong answers, over every corpora/X.jsonl with a queries/X.dev.jsonl in the eval dir
// (../shared/eval/search by default; the format is described in its README).
//
// A query is one first message of a chat. Every kind counts but "prefix" (a word cut while it is
// typed into search; a chat message is sent whole). For each setting of the policy (bot_reply.h), over
// answerable queries: answered (the bot gave an article), right (a relevant one), precision (right /
// answered); over no-answer queries: answered (a wrong answer to a question the FAQ does not cover). Net =
// right answers minus wrong ones (both kinds), per query: a right answer saves a person's reply, a wrong one
// costs the shopper a "no" before the hand-off.

#include "shared/core/chat/bot_reply.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using support::chat::BotPolicy;
using support::chat::BotReply;

struct Query {
    std::string text;
    std::vector<std::string> relevant; // empty: the corpus does not answer it
    std::string kind;
};

struct Pair {
    std::string name; // "electroshop.he"
    std::string language;
    support::search::SearchIndex index = support::search::SearchIndex::build({});
    std::vector<Query> queries;
};

std::vector<nlohmann::json> read_lines(const fs::path& file) {
    std::ifstream in(file);
    std::vector<nlohmann::json> lines;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        nlohmann::json value = nlohmann::json::parse(line, nullptr, false);
        if (value.is_discarded() || !value.is_object()) {
            std::fprintf(stderr, "%s:%d: not a JSON object\n", file.string().c_str(), number);
            std::exit(2);
        }
        lines.push_back(std::move(value));
    }
    return lines;
}

Pair load_pair(const fs::path& corpus, const fs::path& queries) {
    Pair pair;
    pair.name = corpus.stem().string();
    std::vector<support::search::SearchableArticle> articles;
    for (const nlohmann::json& doc : read_lines(corpus)) {
        support::search::SearchableArticle article;
        article.id = doc.value("id", "");
        article.language = doc.value("lang", "");
        article.title = doc.value("title", "");
        article.body_text = doc.value("body", "");
        pair.language = article.language;
        articles.push_back(std::move(article));
    }
    pair.index = support::search::SearchIndex::build(std::move(articles));
    for (const nlohmann::json& line : read_lines(queries)) {
        Query query{line.value("q", ""), line.value("relevant", std::vector<std::string>{}),
                    line.value("kind", "")};
        if (query.kind != "prefix")
            pair.queries.push_back(std::move(query));
    }
    return pair;
}

struct Tally {
    int answerable = 0, answered = 0, right = 0;
    int no_answer = 0, falsely_answered = 0, person_asked = 0;

    void add(const Tally& other) {
        answerable += other.answerable;
        answered += other.answered;
        right += other.right;
        no_answer += other.no_answer;
        falsely_answered += other.falsely_answered;
        person_asked += other.person_asked;
    }
    int wrong() const { return answered - right + falsely_answered; }
    double net_per_query() const {
        const int all = answerable + no_answer;
        return all ? double(right - wrong()) / all : 0;
    }
};

Tally evaluate(const Pair& pair, BotPolicy policy) {
    Tally tally;
    for (const Query& query : pair.queries) {
        const BotReply reply = support::chat::decide_bot_reply(pair.index, query.text, {}, {}, policy);
        const bool answered = reply.kind == BotReply::Kind::Answer;
        if (reply.kind == BotReply::Kind::HandOff &&
            reply.reason == support::chat::HandoffReason::ShopperAsked)
            ++tally.person_asked;
        if (query.relevant.empty()) {
            ++tally.no_answer;
            tally.falsely_answered += answered ? 1 : 0;
            continue;
        }
        ++tally.answerable;
        if (!answered)
            continue;
        ++tally.answered;
        const std::string& id = pair.index.article(reply.article).id;
        if (std::find(query.relevant.begin(), query.relevant.end(), id) != query.relevant.end())
            ++tally.right;
    }
    return tally;
}

double share(int part, int whole) {
    return whole ? 100.0 * part / whole : 0;
}

void print_row(const char* label, const Tally& t) {
    std::printf("| %s | %.1f %% | %.1f %% | %.1f %% | %.1f %% (%d/%d) | %+.3f |\n", label,
                share(t.answered, t.answerable), share(t.right, t.answerable), share(t.right, t.answered),
                share(t.falsely_answered, t.no_answer), t.falsely_answered, t.no_answer, t.net_per_query());
}

void print_header(const char* first) {
    std::printf("| %s | answered | right | precision | no-answer answered | net per query |\n", first);
    std::printf("|---|---|---|---|---|---|\n");
}

} // namespace

int main(int argc, char** argv) {
    fs::path eval_dir = "../shared/eval/search";
    if (const char* env = std::getenv("SW_EVAL_DIR"))
        eval_dir = env;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--eval-dir" && i + 1 < argc) {
            eval_dir = argv[++i];
        } else {
            std::fprintf(stderr, "usage: ./scripts/bench bot [--eval-dir DIR]\n");
            return 2;
        }
    }
    std::vector<fs::path> corpora;
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(eval_dir / "corpora", error))
        if (entry.path().extension() == ".jsonl")
            corpora.push_back(entry.path());
    if (error || corpora.empty()) {
        std::fprintf(stderr, "no corpora in %s/corpora (give --eval-dir)\n", eval_dir.string().c_str());
        return 2;
    }
    std::sort(corpora.begin(), corpora.end());
    std::vector<Pair> pairs;
    for (const fs::path& corpus : corpora) {
        const fs::path queries = eval_dir / "queries" / (corpus.stem().string() + ".dev.jsonl");
        if (fs::exists(queries))
            pairs.push_back(load_pair(corpus, queries));
    }

    int queries = 0;
    for (const Pair& pair : pairs)
        queries += int(pair.queries.size());
    int person_asked = 0;
    for (const Pair& pair : pairs)
        person_asked += evaluate(pair, BotPolicy{}).person_asked;
    std::printf("Chat bot confidence, %zu query sets, %d queries (prefix kind left out); %d read as asking "
                "for a person\n\n",
                pairs.size(), queries, person_asked);
    const BotPolicy defaults;
    const auto sweep = [&](const char* what, auto vary, std::initializer_list<float> values, float chosen) {
        print_header(what);
        for (float value : values) {
            BotPolicy policy = defaults;
            vary(policy, value);
            Tally all;
            for (const Pair& pair : pairs)
                all.add(evaluate(pair, policy));
            char label[48];
            std::snprintf(label, sizeof label, "%.2f%s", double(value),
                          std::abs(value - chosen) < 0.001f ? " (default)" : "");
            print_row(label, all);
        }
        std::printf("\n");
    };
    std::printf(
        "Answer when the best hit covers ≥ min coverage of the question, or ≥ %.2f and scores ≥ %.1f× "
        "the runner-up:\n\n",
        double(defaults.min_coverage_with_lead), double(defaults.clear_lead));
    sweep(
        "min coverage", [](BotPolicy& p, float v) { p.min_coverage = v; },
        {0.50f, 0.55f, 0.60f, 0.65f, 0.70f, 0.75f, 0.80f, 0.85f, 0.90f, 1.00f}, defaults.min_coverage);
    std::printf("Coverage alone (the lead and title rules off):\n\n");
    sweep(
        "min coverage, alone",
        [](BotPolicy& p, float v) {
            p.min_coverage = v;
            p.min_coverage_with_lead = 2.0f; // never met
            p.min_title_coverage = 2.0f;
        },
        {0.50f, 0.60f, 0.75f}, -1.0f);
    std::printf("The lead alone (min coverage %.2f):\n\n", double(defaults.min_coverage));
    sweep(
        "clear lead", [](BotPolicy& p, float v) { p.clear_lead = v; },
        {1.0f, 1.2f, 1.5f, 2.0f, 2.5f, 3.0f, 100.0f}, defaults.clear_lead);
    sweep(
        "min coverage with lead", [](BotPolicy& p, float v) { p.min_coverage_with_lead = v; },
        {0.30f, 0.40f, 0.50f, 0.60f, 0.70f}, defaults.min_coverage_with_lead);

    std::printf(
        "The title rule: the best hit's title names ≥ min title coverage of the question's content words "
        "while it leads the runner-up by the title lead (100: off):\n\n");
    sweep(
        "title lead", [](BotPolicy& p, float v) { p.title_lead = v; }, {1.0f, 1.1f, 1.2f, 1.3f, 1.5f, 100.0f},
        defaults.title_lead);
    sweep(
        "min title coverage", [](BotPolicy& p, float v) { p.min_title_coverage = v; }, {0.5f, 0.75f, 1.0f},
        defaults.min_title_coverage);

    std::printf("At the defaults, per query set\n\n");
    print_header("query set");
    std::map<std::string, Tally> by_language;
    for (const Pair& pair : pairs) {
        const Tally tally = evaluate(pair, BotPolicy{});
        by_language[pair.language].add(tally);
        print_row(pair.name.c_str(), tally);
    }
    std::printf("\nPer language\n\n");
    print_header("language");
    for (const auto& [language, tally] : by_language)
        print_row(language.c_str(), tally);
    return 0;
}

// The Markdown subset of help articles (markdown.h): lines become blocks, then each block's text
// goes through four passes that mirror CommonMark's precedence, simplified to the subset:
//   1. escapes and code spans (they bind tightest and hide markers from the later passes),
//   2. brackets matched with a stack, then [text](href) links (no links inside links),
//   3. a token list per run of text (links carry their label's tokens as children),
//   4. CommonMark's delimiter algorithm for * and _ runs (flanking rules, rule of three),
// and the tokens are flattened into styled spans. Every pass is linear or close to it, so a
// pathological body cannot stall the widget; markers are ASCII, so multi-byte text is copied
// byte for byte.
#include "shared/core/content/markdown.h"

#include <array>
#include <cstddef>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace support::content {

namespace {

// Longer destinations are not links: this bounds the work a run of unclosed "[a](" can cause.
constexpr std::size_t k_max_href_bytes = 2048;
constexpr std::size_t k_max_number_digits = 9;

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

bool is_whitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_ascii_punctuation(char c) {
    return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) ||
           (c >= 0x7b && c <= 0x7e);
}

bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (ascii_lower(text[i]) != prefix[i])
            return false;
    }
    return true;
}

std::string_view trim_blanks(std::string_view text) {
    while (!text.empty() && is_blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back()))
        text.remove_suffix(1);
    return text;
}

// For messages: the text cut to a readable length on a UTF-8 boundary, control bytes as '?'.
std::string excerpt(std::string_view text) {
    constexpr std::size_t k_limit = 80;
    std::string out;
    std::size_t end = text.size();
    if (end > k_limit) {
        end = k_limit;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            --end;
    }
    for (std::size_t i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        out += (byte < 0x20 || byte == 0x7f) ? '?' : text[i];
    }
    if (end < text.size())
        out += "…";
    return out;
}

// ---- Blocks -----------------------------------------------------------------------------------

struct ItemMarker {
    BlockKind kind = BlockKind::Paragraph;
    int number = 0;
    std::string_view content;
};

// "- x", "* x", "1. x", "1) x" (the marker, at least one blank, then some text).
std::optional<ItemMarker> item_marker(std::string_view line) {
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*') && is_blank(line[1])) {
        const std::string_view content = trim_blanks(line.substr(2));
        if (!content.empty())
            return ItemMarker{BlockKind::BulletItem, 0, content};
        return std::nullopt;
    }
    std::size_t digits = 0;
    int number = 0;
    while (digits < line.size() && is_ascii_digit(line[digits]) && digits < k_max_number_digits) {
        number = number * 10 + (line[digits] - '0');
        ++digits;
    }
    if (digits == 0 || digits + 1 >= line.size() || (line[digits] != '.' && line[digits] != ')') ||
        !is_blank(line[digits + 1]))
        return std::nullopt;
    const std::string_view content = trim_blanks(line.substr(digits + 2));
    if (content.empty())
        return std::nullopt;
    return ItemMarker{BlockKind::NumberedItem, number, content};
}

struct BlockSource {
    BlockKind kind = BlockKind::Paragraph;
    int number = 0;
    std::string text; // the block's lines joined with single spaces
};

std::vector<BlockSource> split_blocks(std::string_view source) {
    std::vector<BlockSource> blocks;
    BlockSource current;
    bool open = false; // whether `current` holds a block being collected
    auto flush = [&] {
        if (open)
            blocks.push_back(std::move(current));
        current = BlockSource{};
        open = false;
    };
    std::size_t start = 0;
    while (start <= source.size()) {
        // Lines end at "\n", "\r\n" or a lone "\r".
        std::size_t end = start;
        while (end < source.size() && source[end] != '\n' && source[end] != '\r')
            ++end;
        const std::string_view line = trim_blanks(source.substr(start, end - start));
        if (end < source.size() && source[end] == '\r' && end + 1 < source.size() && source[end + 1] == '\n')
            start = end + 2;
        else
            start = end + 1;

        if (line.empty()) {
            flush();
        } else if (const auto marker = item_marker(line)) {
            flush();
            current = BlockSource{marker->kind, marker->number, std::string(marker->content)};
            open = true;
        } else if (open) {
            current.text += ' ';
            current.text += line;
        } else {
            current = BlockSource{BlockKind::Paragraph, 0, std::string(line)};
            open = true;
        }
    }
    flush();
    return blocks;
}

// ---- Inline: pass 1, escapes and code spans --------------------------------------------------

enum class ByteRole : std::uint8_t {
    Syntax,   // may be a marker
    Literal,  // text that is never a marker (escaped, or backticks without a partner)
    Escape,   // a backslash that escapes the next byte; not shown
    CodeSpan, // inside a code span, delimiters included
};

struct CodeSpanRange {
    std::size_t content_begin = 0;
    std::size_t content_end = 0;
    std::size_t end = 0; // one past the closing backticks
};

struct InlineSource {
    std::string_view text;
    std::vector<ByteRole> roles;
    std::unordered_map<std::size_t, CodeSpanRange> code_spans; // by the opening backtick's index
};

std::size_t run_length(std::string_view text, std::size_t at, char c) {
    std::size_t end = at;
    while (end < text.size() && text[end] == c)
        ++end;
    return end - at;
}

InlineSource mark_escapes_and_code(std::string_view text) {
    InlineSource source{text, std::vector<ByteRole>(text.size(), ByteRole::Syntax), {}};
    // Backtick run lengths known to have no closing run further on: positions only grow, so a
    // failed search never needs repeating, which keeps this pass close to linear.
    std::unordered_set<std::size_t> unclosed_lengths;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size() && is_ascii_punctuation(text[i + 1])) {
            source.roles[i] = ByteRole::Escape;
            source.roles[i + 1] = ByteRole::Literal;
            i += 2;
            continue;
        }
        if (c != '`') {
            ++i;
            continue;
        }
        const std::size_t length = run_length(text, i, '`');
        std::optional<std::size_t> closer;
        if (!unclosed_lengths.contains(length)) {
            for (std::size_t j = i + length; j < text.size();) {
                if (text[j] != '`') {
                    ++j;
                    continue;
                }
                const std::size_t other = run_length(text, j, '`');
                if (other == length) {
                    closer = j;
                    break;
                }
                j += other;
            }
            if (!closer)
                unclosed_lengths.insert(length);
        }
        if (!closer) {
            for (std::size_t k = i; k < i + length; ++k)
                source.roles[k] = ByteRole::Literal;
            i += length;
            continue;
        }
        CodeSpanRange span{i + length, *closer, *closer + length};
        // One leading and one trailing space go when both are there and the code is not all spaces.
        const std::string_view content =
            text.substr(span.content_begin, span.content_end - span.content_begin);
        if (content.size() >= 2 && content.front() == ' ' && content.back() == ' ' &&
            content.find_first_not_of(' ') != std::string_view::npos) {
            ++span.content_begin;
            --span.content_end;
        }
        for (std::size_t k = i; k < span.end; ++k)
            source.roles[k] = ByteRole::CodeSpan;
        source.code_spans.emplace(i, span);
        i = span.end;
    }
    return source;
}

// ---- Inline: pass 2, links -------------------------------------------------------------------

struct LinkRange {
    std::size_t label_begin = 0;
    std::size_t label_end = 0; // the ']'
    std::string_view href;
    std::size_t end = 0; // one past the ')'
};

// The index one past a destination's ')' starting at `from` (just after "("), with balanced
// parentheses and no whitespace or control bytes; nothing when there is none.
std::optional<std::size_t> destination_end(const InlineSource& source, std::size_t from) {
    int depth = 0;
    for (std::size_t k = from; k < source.text.size() && k - from <= k_max_href_bytes; ++k) {
        const char c = source.text[k];
        if (is_whitespace(c) || static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return std::nullopt;
        if (source.roles[k] == ByteRole::CodeSpan)
            return std::nullopt; // a code span swallowed the rest
        if (source.roles[k] != ByteRole::Syntax)
            continue; // escaped: "\)" is part of the destination
        if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (depth == 0)
                return k;
            --depth;
        }
    }
    return std::nullopt;
}

std::unordered_map<std::size_t, LinkRange> find_links(const InlineSource& source,
                                                      std::vector<MarkdownProblem>* problems) {
    const std::string_view text = source.text;
    std::unordered_map<std::size_t, std::size_t> closing_bracket;
    std::vector<std::size_t> open_brackets;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (source.roles[i] != ByteRole::Syntax)
            continue;
        if (text[i] == '[') {
            open_brackets.push_back(i);
        } else if (text[i] == ']' && !open_brackets.empty()) {
            closing_bracket.emplace(open_brackets.back(), i);
            open_brackets.pop_back();
        }
    }

    std::unordered_map<std::size_t, LinkRange> links;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto match = closing_bracket.find(i);
        if (match == closing_bracket.end())
            continue;
        const std::size_t close = match->second;
        if (close + 1 >= text.size() || text[close + 1] != '(' || source.roles[close + 1] != ByteRole::Syntax)
            continue;
        const auto end = destination_end(source, close + 2);
        if (!end)
            continue;
        LinkRange link{i + 1, close, text.substr(close + 2, *end - (close + 2)), *end + 1};
        if (problems && !is_safe_link(link.href))
            problems->push_back(MarkdownProblem{
                "content.markdown.unsafe_link",
                "link to '" + excerpt(link.href) +
                    "' is not allowed (use http:, https:, mailto:, tel:, a /path or #anchor); it is shown as "
                    "plain text"});
        links.emplace(i, link);
        i = link.end - 1; // no links inside a link's label
    }
    return links;
}

// ---- Inline: pass 3, tokens ------------------------------------------------------------------

struct Token {
    enum class Kind : std::uint8_t { Text, Code, Delimiter, Link } kind = Kind::Text;
    std::string text;       // Text and Code: the content
    char marker = 0;        // Delimiter: '*' or '_'
    std::size_t count = 0;  // Delimiter: markers not yet used for emphasis
    std::size_t length = 0; // Delimiter: the run's length as written
    bool can_open = false;
    bool can_close = false;
    std::vector<Token> children; // Link: the label
    std::string href;            // Link: empty when the link is not safe
    int strong = 0;              // how many matched ** pairs enclose this token
    int emphasis = 0;            // how many matched * or _ pairs enclose this token
};

Token make_token(Token::Kind kind, std::string text = {}) {
    Token token;
    token.kind = kind;
    token.text = std::move(text);
    return token;
}

class Tokenizer {
  public:
    Tokenizer(const InlineSource& source, const std::unordered_map<std::size_t, LinkRange>& links)
        : m_source(source), m_links(links) {}

    std::vector<Token> tokenize(std::size_t begin, std::size_t end) const {
        std::vector<Token> tokens;
        const std::string_view text = m_source.text;
        std::size_t i = begin;
        while (i < end) {
            if (const auto link = m_links.find(i); link != m_links.end() && link->second.end <= end) {
                Token token = make_token(Token::Kind::Link);
                token.children = tokenize(link->second.label_begin, link->second.label_end);
                if (token.children.empty()) // "[](/x)" shows its destination rather than nothing
                    token.children.push_back(make_token(Token::Kind::Text, std::string(link->second.href)));
                if (is_safe_link(link->second.href))
                    token.href = std::string(link->second.href);
                tokens.push_back(std::move(token));
                i = link->second.end;
                continue;
            }
            if (const auto code = m_source.code_spans.find(i); code != m_source.code_spans.end()) {
                const CodeSpanRange& span = code->second;
                tokens.push_back(make_token(
                    Token::Kind::Code,
                    std::string(text.substr(span.content_begin, span.content_end - span.content_begin))));
                i = span.end;
                continue;
            }
            const ByteRole role = m_source.roles[i];
            const char c = text[i];
            if (role == ByteRole::Escape) {
                ++i;
                continue;
            }
            if (role == ByteRole::Syntax && (c == '*' || c == '_')) {
                std::size_t run_end = i;
                while (run_end < end && text[run_end] == c && m_source.roles[run_end] == ByteRole::Syntax)
                    ++run_end;
                tokens.push_back(delimiter(i, run_end));
                i = run_end;
                continue;
            }
            append_text(tokens, c);
            ++i;
        }
        return tokens;
    }

  private:
    static void append_text(std::vector<Token>& tokens, char c) {
        if (tokens.empty() || tokens.back().kind != Token::Kind::Text)
            tokens.push_back(make_token(Token::Kind::Text));
        tokens.back().text += c;
    }

    // CommonMark's flanking rules; the start and end of the block count as whitespace, and bytes
    // of multi-byte characters count as letters.
    Token delimiter(std::size_t begin, std::size_t end) const {
        const std::string_view text = m_source.text;
        const char marker = text[begin];
        const char before = begin == 0 ? ' ' : text[begin - 1];
        const char after = end >= text.size() ? ' ' : text[end];
        const bool before_space = is_whitespace(before);
        const bool after_space = is_whitespace(after);
        const bool before_punct = is_ascii_punctuation(before);
        const bool after_punct = is_ascii_punctuation(after);
        const bool left_flanking = !after_space && (!after_punct || before_space || before_punct);
        const bool right_flanking = !before_space && (!before_punct || after_space || after_punct);

        Token token = make_token(Token::Kind::Delimiter);
        token.marker = marker;
        token.count = end - begin;
        token.length = token.count;
        if (marker == '*') {
            token.can_open = left_flanking;
            token.can_close = right_flanking;
        } else { // '_' never opens or closes inside a word: snake_case stays as written
            token.can_open = left_flanking && (!right_flanking || before_punct);
            token.can_close = right_flanking && (!left_flanking || after_punct);
        }
        return token;
    }

    const InlineSource& m_source;
    const std::unordered_map<std::size_t, LinkRange>& m_links;
};

// ---- Inline: pass 4, emphasis ----------------------------------------------------------------

// CommonMark's "process emphasis" over one token list: every closer looks back for the nearest
// compatible opener; ** pairs make strong, single markers emphasis. The "openers bottom" memo
// keeps the search from rescanning openers already known not to match.
void resolve_emphasis(std::vector<Token>& tokens) {
    std::vector<std::size_t> delimiters; // token indices, in order
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind == Token::Kind::Delimiter)
            delimiters.push_back(i);
    }
    const std::size_t n = delimiters.size();
    constexpr std::size_t k_none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> prev(n), next(n);
    for (std::size_t d = 0; d < n; ++d) {
        prev[d] = d == 0 ? k_none : d - 1;
        next[d] = d + 1 == n ? k_none : d + 1;
    }
    auto unlink = [&](std::size_t d) {
        if (prev[d] != k_none)
            next[prev[d]] = next[d];
        if (next[d] != k_none)
            prev[next[d]] = prev[d];
    };
    // [marker is '_'][closer length % 3][closer can open]: openers at or before this are hopeless.
    std::array<std::array<std::array<std::size_t, 2>, 3>, 2> openers_bottom{};
    for (auto& by_length : openers_bottom)
        for (auto& by_open : by_length)
            by_open.fill(k_none);

    std::vector<int> strong_change(tokens.size() + 1, 0);
    std::vector<int> emphasis_change(tokens.size() + 1, 0);

    std::size_t closer = n == 0 ? k_none : 0;
    while (closer != k_none) {
        Token& close = tokens[delimiters[closer]];
        if (!close.can_close) {
            closer = next[closer];
            continue;
        }
        std::size_t& bottom =
            openers_bottom[close.marker == '_' ? 1 : 0][close.length % 3][close.can_open ? 1 : 0];
        std::size_t opener = prev[closer];
        bool found = false;
        while (opener != k_none && (bottom == k_none || opener > bottom)) {
            const Token& open = tokens[delimiters[opener]];
            if (open.marker == close.marker && open.can_open) {
                const bool rule_of_three = (close.can_open || open.can_close) &&
                                           (open.length + close.length) % 3 == 0 &&
                                           !(open.length % 3 == 0 && close.length % 3 == 0);
                if (!rule_of_three) {
                    found = true;
                    break;
                }
            }
            opener = prev[opener];
        }
        if (!found) {
            bottom = prev[closer];
            const std::size_t following = next[closer];
            if (!close.can_open)
                unlink(closer);
            closer = following;
            continue;
        }
        Token& open = tokens[delimiters[opener]];
        const std::size_t used = (open.count >= 2 && close.count >= 2) ? 2 : 1;
        std::vector<int>& change = used == 2 ? strong_change : emphasis_change;
        change[delimiters[opener] + 1] += 1;
        change[delimiters[closer]] -= 1;
        open.count -= used;
        close.count -= used;
        // Delimiters between the pair can no longer match: they stay as literal text.
        for (std::size_t d = next[opener]; d != closer && d != k_none; d = next[d])
            unlink(d);
        next[opener] = closer;
        prev[closer] = opener;
        if (open.count == 0)
            unlink(opener);
        if (close.count == 0) {
            const std::size_t following = next[closer];
            unlink(closer);
            closer = following;
        }
    }
    int strong = 0;
    int emphasis = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        strong += strong_change[i];
        emphasis += emphasis_change[i];
        tokens[i].strong = strong;
        tokens[i].emphasis = emphasis;
    }
    for (Token& token : tokens) {
        if (token.kind == Token::Kind::Link)
            resolve_emphasis(token.children);
    }
}

// ---- Flattening ------------------------------------------------------------------------------

void append_span(std::vector<InlineSpan>& spans, InlineSpan span) {
    if (span.text.empty())
        return;
    if (!spans.empty()) {
        InlineSpan& last = spans.back();
        if (last.bold == span.bold && last.italic == span.italic && last.code == span.code &&
            last.link_href == span.link_href) {
            last.text += span.text;
            return;
        }
    }
    spans.push_back(std::move(span));
}

void flatten(const std::vector<Token>& tokens, bool bold, bool italic, const std::string& href,
             std::vector<InlineSpan>& spans) {
    for (const Token& token : tokens) {
        const bool token_bold = bold || token.strong > 0;
        const bool token_italic = italic || token.emphasis > 0;
        switch (token.kind) {
        case Token::Kind::Text:
            append_span(spans, InlineSpan{token.text, token_bold, token_italic, false, href});
            break;
        case Token::Kind::Code:
            append_span(spans, InlineSpan{token.text, token_bold, token_italic, true, href});
            break;
        case Token::Kind::Delimiter:
            append_span(spans, InlineSpan{std::string(token.count, token.marker), token_bold, token_italic,
                                          false, href});
            break;
        case Token::Kind::Link:
            flatten(token.children, token_bold, token_italic, token.href, spans);
            break;
        }
    }
}

std::vector<InlineSpan> parse_inline(std::string_view text, std::vector<MarkdownProblem>* problems) {
    const InlineSource source = mark_escapes_and_code(text);
    const auto links = find_links(source, problems);
    std::vector<Token> tokens = Tokenizer(source, links).tokenize(0, text.size());
    resolve_emphasis(tokens);
    std::vector<InlineSpan> spans;
    flatten(tokens, false, false, std::string(), spans);
    return spans;
}

} // namespace

MarkdownDocument parse_markdown(std::string_view source, std::vector<MarkdownProblem>* problems) {
    MarkdownDocument document;
    for (BlockSource& block : split_blocks(source))
        document.blocks.push_back(Block{block.kind, block.number, parse_inline(block.text, problems)});
    return document;
}

std::string to_plain_text(const MarkdownDocument& document) {
    std::string out;
    for (std::size_t i = 0; i < document.blocks.size(); ++i) {
        if (i > 0)
            out += '\n';
        for (const InlineSpan& span : document.blocks[i].spans)
            out += span.text;
    }
    return out;
}

bool is_safe_link(std::string_view href) {
    if (href.empty())
        return false;
    // Browsers drop whitespace and control bytes inside schemes ("java\tscript:"): refuse them all.
    for (char c : href) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7f)
            return false;
    }
    if (href.front() == '/' || href.front() == '#' || href.starts_with("./") || href.starts_with("../"))
        return true;
    return starts_with_ignoring_case(href, "http:") || starts_with_ignoring_case(href, "https:") ||
           starts_with_ignoring_case(href, "mailto:") || starts_with_ignoring_case(href, "tel:");
}

} // namespace support::content

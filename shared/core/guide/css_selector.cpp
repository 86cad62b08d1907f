#include "shared/core/guide/css_selector.h"

#include "shared/core/hex_digit.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace support::guide {

namespace {

constexpr const char* k_error_empty = "guide.selector.empty";
constexpr const char* k_error_too_long = "guide.selector.too_long";
constexpr const char* k_error_syntax = "guide.selector.syntax";
constexpr const char* k_error_unknown_pseudo_class = "guide.selector.unknown_pseudo_class";
constexpr const char* k_error_pseudo_element = "guide.selector.pseudo_element";
constexpr const char* k_error_too_deep = "guide.selector.too_deep";

// How much of the selector, and of one token, a message quotes.
constexpr std::size_t k_quoted_selector_bytes = 60;
constexpr std::size_t k_quoted_token_bytes = 24;

// Pseudo-classes without arguments, each checked to be accepted by Chromium's querySelector().
// Newer or rarer ones (:open, :past, :host …) are left out until site owners need them.
// clang-format off
constexpr std::array<std::string_view, 42> k_pseudo_classes = {
    "active", "any-link", "autofill", "checked", "default", "defined", "disabled", "empty", "enabled",
    "first-child", "first-of-type", "focus", "focus-visible", "focus-within", "fullscreen", "hover",
    "in-range", "indeterminate", "invalid", "last-child", "last-of-type", "link", "modal", "only-child",
    "only-of-type", "optional", "out-of-range", "picture-in-picture", "placeholder-shown", "popover-open",
    "read-only", "read-write", "required", "root", "scope", "target", "user-invalid", "user-valid",
    "valid", "visited", "-webkit-any-link", "-webkit-autofill"};
// clang-format on

// Pseudo-elements that CSS 2 let be written with one colon.
constexpr std::array<std::string_view, 4> k_legacy_pseudo_elements = {"before", "after", "first-line",
                                                                      "first-letter"};

// Input bytes as ints so that the end of input (-1) can never be mistaken for a NUL byte.
constexpr int k_end = -1;

// The length of the well-formed UTF-8 sequence at text[i], or 0 when there is none. The ranges
// of the second byte rule out overlong forms, surrogates and code points past U+10FFFF.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    auto byte = [&](std::size_t k) {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0U;
    };
    const unsigned lead = byte(0);
    const std::size_t length = lead > 0xF4 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    const unsigned low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    const unsigned high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    if (length == 0 || byte(1) < low || byte(1) > high)
        return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if ((byte(k) & 0xC0) != 0x80)
            return 0;
    }
    return length;
}

// At most `max_bytes` of `text` between quotes, cut on a character boundary and marked "…" when
// cut, with control characters and malformed UTF-8 escaped, so any input gives a short message.
std::string quoted(std::string_view text, std::size_t max_bytes, char quote) {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out(1, quote);
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t length = b < 0x80 ? 1 : utf8_sequence_length(text, i);
        const std::size_t step = length == 0 ? 1 : length; // a malformed byte is shown alone
        if (i + step > max_bytes)
            break;
        if (b == '\n' || b == '\t' || b == '\r' || b == '\f') {
            out += '\\';
            out += b == '\n' ? 'n' : b == '\t' ? 't' : b == '\r' ? 'r' : 'f';
        } else if (b < 0x20 || b == 0x7F || length == 0) {
            out += "\\x";
            out += k_hex[b >> 4];
            out += k_hex[b & 0xF];
        } else {
            out.append(text.substr(i, length));
        }
        i += step;
    }
    if (i < text.size())
        out += "\xE2\x80\xA6"; // …
    out += quote;
    return out;
}

// The 1-based column, in characters, of byte `offset`.
std::size_t column_at(std::string_view text, std::size_t offset) {
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++column;
    }
    return column;
}

// A name with escapes decoded and ASCII lowercased, for comparing with keywords such as "hover",
// "of" or "n-3". Non-ASCII characters become a byte that matches no keyword, and a name too long
// to be a keyword reads as empty, which matches none either.
class Name {
  public:
    void push(std::uint32_t code_point) {
        if (m_size == m_bytes.size()) {
            m_overflow = true;
            return;
        }
        char c = code_point < 0x80 ? static_cast<char>(code_point) : '\x80';
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        m_bytes[m_size++] = c;
    }
    std::string_view view() const {
        return m_overflow ? std::string_view{} : std::string_view{m_bytes.data(), m_size};
    }
    bool is(std::string_view keyword) const { return !keyword.empty() && view() == keyword; }

  private:
    std::array<char, 40> m_bytes{};
    std::size_t m_size = 0;
    bool m_overflow = false;
};

// CSS Syntax Level 3 tokens, except that those which can never be part of a selector ('(', '{',
// ';', '@', '%' …) are Delim tokens, and that unterminated comments and strings and a trailing '\',
// lenient parse errors in the browser, are Invalid tokens, so that they are reported.
// clang-format off
enum class TokenKind {
    End, Whitespace, Ident, Function, Hash, String, Number, Dimension, Delim, Colon, Comma, OpenSquare,
    CloseSquare, CloseParen, Cdc, Invalid
};
// clang-format on

struct Token {
    TokenKind kind = TokenKind::End;
    std::size_t begin = 0; // byte offsets in the selector
    std::size_t end = 0;
    Name name;                     // Ident, Function, Hash: the name; Dimension: the unit
    int delim = 0;                 // Delim: the byte
    bool id_hash = false;          // Hash: the name would start an identifier ("#a", not "#1")
    bool integer = false;          // Number, Dimension: no fraction and no exponent
    bool sign = false;             // Number, Dimension: written with '+' or '-'
    const char* problem = nullptr; // Invalid: what is wrong
};

bool is_delim(const Token& token, int c) {
    return token.kind == TokenKind::Delim && token.delim == c;
}

class Tokenizer {
  public:
    explicit Tokenizer(std::string_view text) : m_text(text) {}

    // One token of lookahead: peek() reads it once, next() hands it over.
    const Token& peek() {
        if (!m_peeked)
            m_peeked = read();
        return *m_peeked;
    }
    Token next() {
        const Token token = peek();
        m_peeked.reset();
        return token;
    }

  private:
    static bool is_whitespace(int c) { return c == ' ' || c == '\t' || is_newline(c); }
    static bool is_newline(int c) { return c == '\n' || c == '\r' || c == '\f'; }
    static bool is_digit(int c) { return c >= '0' && c <= '9'; }
    static bool is_name_start(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }
    static bool is_name(int c) { return is_name_start(c) || is_digit(c) || c == '-'; }

    int at(std::size_t i) const { return i < m_text.size() ? static_cast<unsigned char>(m_text[i]) : k_end; }
    std::optional<int> hex_at(std::size_t i) const {
        return i < m_text.size() ? hex_digit_value(m_text[i]) : std::nullopt;
    }
    bool starts_escape(std::size_t i) const {
        return at(i) == '\\' && at(i + 1) != k_end && !is_newline(at(i + 1));
    }
    bool starts_ident(std::size_t i) const {
        if (at(i) == '-')
            return is_name_start(at(i + 1)) || at(i + 1) == '-' || starts_escape(i + 1);
        return is_name_start(at(i)) || starts_escape(i);
    }
    bool starts_number(std::size_t i) const {
        if (at(i) == '+' || at(i) == '-')
            ++i;
        return is_digit(at(i)) || (at(i) == '.' && is_digit(at(i + 1)));
    }

    Token read();
    std::uint32_t consume_escape();
    void consume_name(Name& name);
    Token numeric(Token token);
    Token string(Token token, int quote);
    Token finish(Token token, TokenKind kind) const {
        token.kind = kind;
        token.end = m_pos;
        return token;
    }
    Token invalid(std::size_t begin, const char* problem) const {
        Token token;
        token.begin = begin;
        token.problem = problem;
        return finish(token, TokenKind::Invalid);
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::optional<Token> m_peeked;
};

// After a '\' that starts an escape: up to six hex digits and one optional whitespace, or any
// single character.
std::uint32_t Tokenizer::consume_escape() {
    ++m_pos;
    if (!hex_at(m_pos)) {
        const int c = at(m_pos++);
        return static_cast<std::uint32_t>(c);
    }
    std::uint32_t value = 0;
    for (int digits = 0; digits < 6 && hex_at(m_pos); ++digits)
        value = value * 16 + static_cast<std::uint32_t>(*hex_at(m_pos++));
    if (at(m_pos) == '\r' && at(m_pos + 1) == '\n')
        m_pos += 2;
    else if (is_whitespace(at(m_pos)))
        ++m_pos;
    if (value == 0 || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
        value = 0xFFFD;
    return value;
}

void Tokenizer::consume_name(Name& name) {
    while (true) {
        if (is_name(at(m_pos)))
            name.push(static_cast<std::uint32_t>(at(m_pos++)));
        else if (starts_escape(m_pos))
            name.push(consume_escape());
        else
            return;
    }
}

Token Tokenizer::numeric(Token token) {
    token.integer = true;
    if (at(m_pos) == '+' || at(m_pos) == '-') {
        token.sign = true;
        ++m_pos;
    }
    while (is_digit(at(m_pos)))
        ++m_pos;
    if (at(m_pos) == '.' && is_digit(at(m_pos + 1))) {
        token.integer = false;
        ++m_pos;
        while (is_digit(at(m_pos)))
            ++m_pos;
    }
    const bool signed_exponent = (at(m_pos + 1) == '+' || at(m_pos + 1) == '-') && is_digit(at(m_pos + 2));
    if ((at(m_pos) == 'e' || at(m_pos) == 'E') && (is_digit(at(m_pos + 1)) || signed_exponent)) {
        token.integer = false;
        m_pos += signed_exponent ? 2 : 1;
        while (is_digit(at(m_pos)))
            ++m_pos;
    }
    if (starts_ident(m_pos)) {
        consume_name(token.name);
        return finish(token, TokenKind::Dimension);
    }
    return finish(token, TokenKind::Number);
}

Token Tokenizer::string(Token token, int quote) {
    ++m_pos;
    while (true) {
        const int c = at(m_pos);
        if (c == k_end)
            return invalid(token.begin, "unterminated string (the closing quote is missing)");
        if (c == quote) {
            ++m_pos;
            return finish(token, TokenKind::String);
        }
        if (is_newline(c))
            return invalid(m_pos, "line break inside a string (write \\A for one)");
        if (c != '\\') {
            ++m_pos;
        } else if (at(m_pos + 1) == '\r' && at(m_pos + 2) == '\n') {
            m_pos += 3; // an escaped line break continues the string
        } else if (is_newline(at(m_pos + 1)) || at(m_pos + 1) == k_end) {
            m_pos += at(m_pos + 1) == k_end ? 1 : 2;
        } else {
            consume_escape();
        }
    }
}

Token Tokenizer::read() {
    while (at(m_pos) == '/' && at(m_pos + 1) == '*') {
        const std::size_t close = m_text.find("*/", m_pos + 2);
        if (close == std::string_view::npos) {
            const std::size_t begin = m_pos;
            m_pos = m_text.size();
            return invalid(begin, "unterminated comment (the closing '*/' is missing)");
        }
        m_pos = close + 2;
    }
    Token token;
    token.begin = m_pos;
    const int c = at(m_pos);
    if (c == k_end)
        return finish(token, TokenKind::End);
    if (is_whitespace(c)) {
        while (is_whitespace(at(m_pos)))
            ++m_pos;
        return finish(token, TokenKind::Whitespace);
    }
    if (c == '"' || c == '\'')
        return string(token, c);
    if (is_digit(c) || ((c == '+' || c == '-' || c == '.') && starts_number(m_pos)))
        return numeric(token);
    if (c == '#' && (is_name(at(m_pos + 1)) || starts_escape(m_pos + 1))) {
        token.id_hash = starts_ident(++m_pos);
        consume_name(token.name);
        return finish(token, TokenKind::Hash);
    }
    if (c == '-' && at(m_pos + 1) == '-' && at(m_pos + 2) == '>') {
        m_pos += 3;
        return finish(token, TokenKind::Cdc);
    }
    if (c == '\\' && at(m_pos + 1) == k_end) {
        ++m_pos;
        return invalid(token.begin, "'\\' at the end of the selector escapes nothing");
    }
    if (starts_ident(m_pos)) {
        consume_name(token.name);
        if (at(m_pos) != '(')
            return finish(token, TokenKind::Ident);
        ++m_pos;
        return finish(token, TokenKind::Function);
    }
    ++m_pos;
    static constexpr std::string_view k_punctuation = ":,[])";
    static constexpr std::array<TokenKind, 5> k_punctuation_kinds = {
        TokenKind::Colon, TokenKind::Comma, TokenKind::OpenSquare, TokenKind::CloseSquare,
        TokenKind::CloseParen};
    const std::size_t punctuation = k_punctuation.find(static_cast<char>(c));
    if (punctuation != std::string_view::npos)
        return finish(token, k_punctuation_kinds[punctuation]);
    token.delim = c;
    return finish(token, TokenKind::Delim);
}

// Which selectors a list holds: :not() and the top level take complex selectors, :is() and
// :where() forgive empty items, :has() takes relative selectors ("> img").
enum class ListKind { Complex, Forgiving, Relative };

struct Scope {
    int depth = 0;       // enclosing functional pseudo-classes
    bool in_has = false; // inside :has(), where :has() is not allowed again
};

// A recursive-descent parser over the tokens. Recursion happens only through functional
// pseudo-classes, and Scope::depth bounds it by k_max_selector_nesting.
class SelectorParser {
  public:
    explicit SelectorParser(std::string_view text) : m_text(text), m_tokens(text) {}

    Result<void> parse_all() {
        skip_whitespace();
        if (m_tokens.peek().kind != TokenKind::End)
            return parse_list(ListKind::Complex, Scope{}, TokenKind::End);
        if (m_text.empty())
            return make_error(k_error_empty, "the selector is empty");
        const std::string text = quoted(m_text, k_quoted_selector_bytes, '"');
        return make_error(k_error_empty, "the selector " + text + " holds only whitespace or comments");
    }

  private:
    Result<void> parse_list(ListKind kind, Scope scope, TokenKind terminator);
    Result<void> parse_complex(ListKind kind, Scope scope, const std::string& hint);
    Result<void> parse_compound(Scope scope, const std::string& hint);
    Result<void> parse_attribute();
    Result<void> parse_pseudo(const Token& colon, Scope scope);
    Result<void> parse_functional(const Token& colon, const Token& function, Scope scope);
    Result<void> parse_an_plus_b();
    Result<void> parse_an_plus_b_tail(std::string_view after_a, const Token& token);

    bool skip_whitespace() {
        bool skipped = false;
        while (m_tokens.peek().kind == TokenKind::Whitespace) {
            m_tokens.next();
            skipped = true;
        }
        return skipped;
    }
    std::string_view text_of(const Token& token) const {
        return m_text.substr(token.begin, token.end - token.begin);
    }

    Error fail(const char* code, std::size_t offset, std::string what, std::string_view detail = {}) const {
        what += " at column " + std::to_string(column_at(m_text, offset)) + " in " +
                quoted(m_text, k_quoted_selector_bytes, '"');
        if (!detail.empty())
            what += "; " + std::string(detail);
        return make_error(code, std::move(what));
    }
    Error unexpected(const Token& token, std::string_view detail = {}) const {
        if (token.kind == TokenKind::Invalid)
            return fail(k_error_syntax, token.begin, token.problem);
        if (token.kind == TokenKind::End)
            return fail(k_error_syntax, token.begin, "unexpected end of the selector", detail);
        if (token.kind == TokenKind::Whitespace)
            return fail(k_error_syntax, token.begin, "unexpected whitespace", detail);
        const std::string_view text = text_of(token);
        const bool numeric = token.kind == TokenKind::Number || token.kind == TokenKind::Dimension;
        if (numeric && text.front() == '.')
            detail = "a class name must not start with a digit (escape it: '\\31 ' is '1')";
        return fail(k_error_syntax, token.begin, "unexpected " + quoted(text, k_quoted_token_bytes, '\''),
                    detail);
    }
    Error pseudo_element(std::size_t begin, std::size_t end) const {
        const std::string name = quoted(m_text.substr(begin, end - begin), k_quoted_token_bytes, '\'');
        return fail(k_error_pseudo_element, begin, "pseudo-element " + name,
                    "a guide step must target an element, and a pseudo-element is never one");
    }

    std::string_view m_text;
    Tokenizer m_tokens;
};

Result<void> SelectorParser::parse_list(ListKind kind, Scope scope, TokenKind terminator) {
    std::string hint = "a selector must come first";
    while (true) {
        skip_whitespace();
        Token token = m_tokens.peek();
        const bool empty_item = token.kind == TokenKind::Comma || token.kind == terminator;
        if (!(kind == ListKind::Forgiving && empty_item)) {
            SW_TRY_VOID(parse_complex(kind, scope, hint));
            skip_whitespace();
            token = m_tokens.peek();
        }
        if (token.kind == terminator)
            return ok();
        if (token.kind != TokenKind::Comma)
            return unexpected(token);
        m_tokens.next();
        hint = "a selector must follow ','";
    }
}

Result<void> SelectorParser::parse_complex(ListKind kind, Scope scope, const std::string& hint) {
    auto is_combinator = [](const Token& t) {
        return is_delim(t, '>') || is_delim(t, '+') || is_delim(t, '~');
    };
    auto after = [](const Token& t) {
        return std::string("a selector must follow '") + static_cast<char>(t.delim) + "'";
    };
    if (kind == ListKind::Relative && is_combinator(m_tokens.peek())) {
        const Token combinator = m_tokens.next();
        skip_whitespace();
        SW_TRY_VOID(parse_compound(scope, after(combinator)));
    } else {
        SW_TRY_VOID(parse_compound(scope, hint));
    }
    while (true) {
        const bool spaced = skip_whitespace();
        const Token& token = m_tokens.peek();
        const bool starts_compound = token.kind == TokenKind::Ident || token.kind == TokenKind::Hash ||
                                     token.kind == TokenKind::OpenSquare || token.kind == TokenKind::Colon ||
                                     is_delim(token, '*') || is_delim(token, '.');
        if (is_combinator(token)) {
            const Token combinator = m_tokens.next();
            skip_whitespace();
            SW_TRY_VOID(parse_compound(scope, after(combinator)));
        } else if (spaced && starts_compound) {
            SW_TRY_VOID(parse_compound(scope, {}));
        } else {
            return ok();
        }
    }
}

Result<void> SelectorParser::parse_compound(Scope scope, const std::string& hint) {
    bool any = false;
    if (m_tokens.peek().kind == TokenKind::Ident || is_delim(m_tokens.peek(), '*')) {
        m_tokens.next();
        any = true;
        if (is_delim(m_tokens.peek(), '|'))
            return fail(k_error_syntax, m_tokens.peek().begin, "unexpected '|'",
                        "namespaces are not supported");
    }
    while (true) {
        const Token token = m_tokens.peek();
        if (token.kind == TokenKind::Hash) {
            if (!token.id_hash) {
                return fail(k_error_syntax, token.begin,
                            quoted(text_of(token), k_quoted_token_bytes, '\'') + " is not an id selector",
                            "an id must not start with a digit (escape it: '#\\31 23' is '#123')");
            }
            m_tokens.next();
        } else if (is_delim(token, '.')) {
            m_tokens.next();
            if (m_tokens.peek().kind != TokenKind::Ident)
                return unexpected(m_tokens.peek(), "a class name must follow '.'");
            m_tokens.next();
        } else if (token.kind == TokenKind::OpenSquare) {
            m_tokens.next();
            SW_TRY_VOID(parse_attribute());
        } else if (token.kind == TokenKind::Colon) {
            m_tokens.next();
            SW_TRY_VOID(parse_pseudo(token, scope));
        } else if (!any) {
            return unexpected(token, hint);
        } else {
            return ok();
        }
        any = true;
    }
}

Result<void> SelectorParser::parse_attribute() {
    skip_whitespace();
    Token token = m_tokens.next();
    if (token.kind != TokenKind::Ident)
        return unexpected(token, "an attribute name must follow '['");
    skip_whitespace();
    token = m_tokens.next();
    if (token.kind == TokenKind::CloseSquare)
        return ok();
    const bool two_byte_operator = is_delim(token, '~') || is_delim(token, '|') || is_delim(token, '^') ||
                                   is_delim(token, '$') || is_delim(token, '*');
    if (two_byte_operator && is_delim(m_tokens.peek(), '='))
        m_tokens.next();
    else if (!is_delim(token, '='))
        return unexpected(token, "expected ']' or an operator: =, ~=, |=, ^=, $= or *=");
    skip_whitespace();
    token = m_tokens.next();
    if (token.kind != TokenKind::Ident && token.kind != TokenKind::String)
        return unexpected(token, "an attribute value must be a name or a quoted string");
    skip_whitespace();
    token = m_tokens.next();
    if (token.kind == TokenKind::Ident) {
        // Chromium does not support the 's' (case-sensitive) flag yet.
        if (!token.name.is("i"))
            return unexpected(
                token, "only the flag 'i' (ignore case) may follow the value; quote a value with spaces");
        skip_whitespace();
        token = m_tokens.next();
    }
    if (token.kind != TokenKind::CloseSquare)
        return unexpected(token, "expected ']'");
    return ok();
}

Result<void> SelectorParser::parse_pseudo(const Token& colon, Scope scope) {
    const Token token = m_tokens.next();
    if (token.kind == TokenKind::Colon) {
        const Token name = m_tokens.next();
        if (name.kind != TokenKind::Ident && name.kind != TokenKind::Function)
            return unexpected(name, "a pseudo-element name must follow '::'");
        return pseudo_element(colon.begin, name.end);
    }
    if (token.kind == TokenKind::Function)
        return parse_functional(colon, token, scope);
    if (token.kind != TokenKind::Ident)
        return unexpected(token, "a pseudo-class name must follow ':'");
    for (std::string_view legacy : k_legacy_pseudo_elements) {
        if (token.name.is(legacy))
            return pseudo_element(colon.begin, token.end);
    }
    for (std::string_view known : k_pseudo_classes) {
        if (token.name.is(known))
            return ok();
    }
    const std::string name =
        quoted(m_text.substr(colon.begin, token.end - colon.begin), k_quoted_token_bytes, '\'');
    return fail(k_error_unknown_pseudo_class, colon.begin, "unknown pseudo-class " + name);
}

Result<void> SelectorParser::parse_functional(const Token& colon, const Token& function, Scope scope) {
    const Name& name = function.name;
    const bool nth_of = name.is("nth-child") || name.is("nth-last-child");
    const bool nth = nth_of || name.is("nth-of-type") || name.is("nth-last-of-type");
    const bool takes_list = name.is("not") || name.is("is") || name.is("where") || name.is("has");
    if (!nth && !takes_list && !name.is("lang") && !name.is("dir")) {
        const std::string text =
            quoted(m_text.substr(colon.begin, function.end - colon.begin), k_quoted_token_bytes, '\'');
        return fail(k_error_unknown_pseudo_class, colon.begin, "unknown pseudo-class " + text);
    }
    const Scope inner{scope.depth + 1, scope.in_has || name.is("has")};
    if (inner.depth > k_max_selector_nesting) {
        return fail(k_error_too_deep, colon.begin,
                    "pseudo-classes nested more than " + std::to_string(k_max_selector_nesting) + " deep");
    }
    skip_whitespace();
    if (name.is("has") && scope.in_has)
        return fail(k_error_syntax, colon.begin, "':has()' inside ':has()'", "the browser does not allow it");
    if (name.is("not")) {
        SW_TRY_VOID(parse_list(ListKind::Complex, inner, TokenKind::CloseParen));
    } else if (name.is("is") || name.is("where")) {
        SW_TRY_VOID(parse_list(ListKind::Forgiving, inner, TokenKind::CloseParen));
    } else if (name.is("has")) {
        SW_TRY_VOID(parse_list(ListKind::Relative, inner, TokenKind::CloseParen));
    } else if (nth) {
        SW_TRY_VOID(parse_an_plus_b());
        skip_whitespace();
        // Chromium matches "of" case-sensitively.
        if (nth_of && m_tokens.peek().kind == TokenKind::Ident && text_of(m_tokens.peek()) == "of") {
            m_tokens.next();
            SW_TRY_VOID(parse_list(ListKind::Complex, inner, TokenKind::CloseParen));
        }
    } else {
        const bool dir = name.is("dir");
        const Token token = m_tokens.next();
        // Chromium takes one language name in :lang(), not a list or a string.
        if (token.kind != TokenKind::Ident)
            return unexpected(token, dir ? "':dir()' takes ltr or rtl"
                                         : "':lang()' takes one language such as en or pt-BR");
        if (dir && !token.name.is("ltr") && !token.name.is("rtl"))
            return unexpected(token, "':dir()' takes ltr or rtl");
    }
    skip_whitespace();
    const Token close = m_tokens.next();
    if (close.kind != TokenKind::CloseParen)
        return unexpected(close, "expected ')'");
    return ok();
}

// An+B as CSS Syntax §6 defines it over tokens: "odd", "even", "3", "-n+3", "2n", "2n - 1" ….
Result<void> SelectorParser::parse_an_plus_b() {
    const Token token = m_tokens.next();
    if ((token.kind == TokenKind::Number || token.kind == TokenKind::Dimension) && !token.integer)
        return unexpected(token, "An+B takes whole numbers");
    if (token.kind == TokenKind::Number)
        return ok();
    if (token.kind == TokenKind::Dimension)
        return parse_an_plus_b_tail(token.name.view(), token);
    if (token.kind == TokenKind::Ident) {
        const std::string_view value = token.name.view();
        if (value == "odd" || value == "even")
            return ok();
        return parse_an_plus_b_tail(value.substr(!value.empty() && value.front() == '-' ? 1 : 0), token);
    }
    if (is_delim(token, '+')) {
        const Token name = m_tokens.next();
        if (name.kind == TokenKind::Ident && !name.name.view().empty() && name.name.view().front() != '-')
            return parse_an_plus_b_tail(name.name.view(), name);
        return unexpected(name, "'n' must follow '+' directly, as in '+n+1'");
    }
    return unexpected(token, "expected An+B, such as odd, even, 3 or 2n+1");
}

// What may follow the A of An+B, given the rest of its token: "n" and an optional B, "n-" and a
// B without sign, or "n-3".
Result<void> SelectorParser::parse_an_plus_b_tail(std::string_view after_a, const Token& token) {
    auto signless_integer = [this]() -> Result<void> {
        skip_whitespace();
        const Token b = m_tokens.next();
        if (b.kind != TokenKind::Number || !b.integer || b.sign)
            return unexpected(b, "expected a whole number without a sign, as in '2n + 1'");
        return ok();
    };
    if (after_a == "n") {
        skip_whitespace();
        const Token& b = m_tokens.peek();
        if (b.kind == TokenKind::Number && b.integer && b.sign) {
            m_tokens.next();
        } else if (is_delim(b, '+') || is_delim(b, '-')) {
            m_tokens.next();
            return signless_integer();
        }
        return ok();
    }
    if (after_a == "n-")
        return signless_integer();
    const bool digits =
        after_a.size() > 2 && after_a.find_first_not_of("0123456789", 2) == std::string_view::npos;
    if (after_a.substr(0, 2) == "n-" && digits)
        return ok();
    return unexpected(token, "expected An+B, such as odd, even, 3 or 2n+1");
}

} // namespace

Result<void> check_css_selector(std::string_view selectors) {
    SW_TRY_VOID(SelectorParser(selectors).parse_all());
    // Checked last so that a long selector with a mistake gets told about the mistake.
    if (selectors.size() > k_max_selector_bytes) {
        return make_error(k_error_too_long,
                          "the selector is " + std::to_string(selectors.size()) + " bytes long; at most " +
                              std::to_string(k_max_selector_bytes) +
                              " are allowed (the limit is passed at column " +
                              std::to_string(column_at(selectors, k_max_selector_bytes)) + " in " +
                              quoted(selectors, k_quoted_selector_bytes, '"') + ")");
    }
    return ok();
}

} // namespace support::guide

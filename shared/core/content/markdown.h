#pragma once
// The Markdown subset help articles are written in, parsed into blocks of styled spans.
//
//   Paragraphs are separated by blank lines; consecutive lines of one paragraph join with a space.
//   "- item" / "* item" is a bullet item, "1. item" / "1) item" a numbered item (one level). An
//   item may follow a paragraph line directly; a plain line after an item continues the item.
//   Lines may end in "\n", "\r\n" or "\r".
//   Inline: **bold**, *italic* / _italic_, `code`, [text](href). Emphasis follows CommonMark's
//   delimiter rules (so snake_case and "2 * 3" stay as written, and ***both*** nests); links
//   cannot contain links. Unmatched markers are literal text; backslash escapes the next ASCII
//   punctuation character. Anything else (headings, HTML, tables) stays literal text: the subset
//   never drops what the site owner wrote. Text is copied byte for byte (markers are ASCII).
//   Parsing is close to linear in the input, whatever it holds.
//
// Links: href must be http:, https:, mailto:, tel:, a path ("/…", "./…", "../…") or "#…"; anything
// else (javascript:, data:, a bare "page.html") is reported by validation and rendered as plain
// text: the link's spans keep their text with an empty link_href.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace support::content {

struct InlineSpan {
    std::string text; // plain text, markers removed
    bool bold = false;
    bool italic = false;
    bool code = false;
    std::string link_href; // empty when the span is not (part of) a link
};

enum class BlockKind : std::uint8_t { Paragraph, BulletItem, NumberedItem };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int number = 0; // NumberedItem: the number as written
    std::vector<InlineSpan> spans;
};

struct MarkdownDocument {
    std::vector<Block> blocks;
};

struct MarkdownProblem {
    std::string code; // "content.markdown.unsafe_link"
    std::string message;
};

MarkdownDocument parse_markdown(std::string_view source, std::vector<MarkdownProblem>* problems = nullptr);

// The document as plain text: each block on its own line (joined with "\n", no list markers, no
// trailing newline), spans concatenated. Search indexes this text and snippets are byte ranges
// into it.
std::string to_plain_text(const MarkdownDocument& document);

// Whitespace and control characters anywhere make a link unsafe ("java\tscript:").
bool is_safe_link(std::string_view href);

} // namespace support::content

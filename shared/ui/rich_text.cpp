#include "shared/ui/rich_text.h"

#include "shared/ui/controls.h"
#include "shared/ui/focus_ring.h"
#include "shared/ui/plain_text.h"
#include "shared/ui/text_layout.h"
#include "shared/ui/ui_context.h"

#define IMGUI_DEFINE_MATH_OPERATORS
#include <imgui.h>

#include <algorithm>
#include <vector>

namespace support::ui {

namespace {

constexpr float k_focus_ring_inset = 2.0f;  // a link's ring inside its line's height
constexpr float k_list_item_spacing = 6.0f; // between the items of one list; blocks get ItemSpacing

// A block's spans as text runs; spans of one link (consecutive, same href) share a link index.
struct BlockRuns {
    std::vector<TextRun> runs;
    std::vector<std::string_view> hrefs; // by link index
};

BlockRuns runs_of(const content::Block& block) {
    BlockRuns out;
    const std::string* previous_href = nullptr;
    for (const content::InlineSpan& span : block.spans) {
        TextRun run;
        run.text = span.text;
        run.style = font_style(span.bold, span.italic);
        run.code = span.code;
        if (!span.link_href.empty()) {
            if (!previous_href || *previous_href != span.link_href)
                out.hrefs.push_back(span.link_href);
            run.link = static_cast<int>(out.hrefs.size()) - 1;
            previous_href = &span.link_href;
        } else {
            previous_href = nullptr;
        }
        out.runs.push_back(run);
    }
    return out;
}

std::string marker_text(const content::Block& block) {
    return block.kind == content::BlockKind::NumberedItem ? std::to_string(block.number) + "."
                                                          : std::string();
}

std::string plain_text(const content::Block& block) {
    std::string text = marker_text(block);
    if (!text.empty())
        text += ' ';
    for (const content::InlineSpan& span : block.spans)
        text += span.text;
    return text;
}

NodeId static_id(UiContext& ctx, std::string_view text) {
    return ctx.unique_static_id(ImGui::GetID(text.data(), text.data() + text.size()));
}

Rect to_rect(const ImVec2& min, const ImVec2& max) {
    return Rect{min.x, min.y, max.x - min.x, max.y - min.y};
}

Rect union_of(const Rect& a, const Rect& b) {
    if (a.w <= 0 && a.h <= 0)
        return b;
    const float x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
    const float x1 = std::max(a.x + a.w, b.x + b.w), y1 = std::max(a.y + a.h, b.y + b.h);
    return Rect{x0, y0, x1 - x0, y1 - y0};
}

// One block (paragraph or list item) laid out, drawn, made clickable and described.
class BlockDrawer {
  public:
    BlockDrawer(UiContext& ctx, const content::Block& block, Role role, float indent)
        : m_ctx(ctx), m_block(block), m_role(role), m_indent(indent), m_runs(runs_of(block)),
          m_right_to_left(reads_right_to_left(plain_text(block))) {}

    std::optional<std::string> draw(int block_index) {
        ImGui::PushID(block_index);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const float avail = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
        const TextLayout layout = lay_out_text(m_runs.runs, avail - m_indent);
        // A list marker leads the line: the indent is on the right of a right-to-left item.
        const ImVec2 text_origin(m_right_to_left ? origin.x : origin.x + m_indent, origin.y);
        m_avail = avail;
        const float height = std::max(layout.height(), ImGui::GetFontSize());

        std::optional<std::string> activated = hit_test_links(layout, text_origin);
        draw_marker(origin);
        draw_text_layout(layout, m_runs.runs, text_origin, {}, m_hovered_link);
        draw_focus_rings(layout, text_origin);

        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(avail, height));
        emit_nodes(layout, text_origin, to_rect(origin, ImVec2(origin.x + avail, origin.y + height)));
        ImGui::PopID();
        return activated;
    }

  private:
    Rect fragment_rect(const TextLayout& layout, const PlacedFragment& f, const ImVec2& text_origin) const {
        return Rect{text_origin.x + f.x, text_origin.y + static_cast<float>(f.line) * layout.line_height,
                    f.width, layout.line_height};
    }

    // Each link fragment is an invisible button; the first one's id is the link's node id.
    std::optional<std::string> hit_test_links(const TextLayout& layout, const ImVec2& text_origin) {
        m_link_ids.assign(m_runs.hrefs.size(), 0);
        std::optional<std::string> activated;
        for (std::size_t i = 0; i < layout.fragments.size(); ++i) {
            const PlacedFragment& fragment = layout.fragments[i];
            const int link = m_runs.runs[fragment.run].link;
            if (link < 0)
                continue;
            const Rect r = fragment_rect(layout, fragment, text_origin);
            ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
            ImGui::PushID(link);
            ImGui::PushID(static_cast<int>(i));
            const bool pressed = ImGui::InvisibleButton("##link", ImVec2(std::max(r.w, 1.0f), r.h));
            ImGui::PopID();
            ImGui::PopID();
            if (ImGui::IsItemHovered()) {
                m_hovered_link = link;
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            }
            auto& id = m_link_ids[static_cast<std::size_t>(link)];
            if (id == 0)
                id = ImGui::GetItemID();
            if (pressed)
                activated = std::string(m_runs.hrefs[static_cast<std::size_t>(link)]);
        }
        for (std::size_t link = 0; link < m_link_ids.size(); ++link)
            if (m_link_ids[link] != 0 && m_ctx.take_activation(m_link_ids[link]))
                activated = std::string(m_runs.hrefs[link]);
        return activated;
    }

    void draw_marker(const ImVec2& origin) const {
        if (m_role != Role::ListItem)
            return;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float size = ImGui::GetFontSize();
        const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
        if (m_block.kind == content::BlockKind::NumberedItem) {
            const std::string number = marker_text(m_block);
            const float width = plain_text_size(number).x;
            const float x = m_right_to_left ? origin.x + m_avail - m_indent + size * 0.35f
                                            : origin.x + m_indent - width - size * 0.35f;
            draw_plain_text(draw, ImVec2(x, origin.y), colour, number);
        } else {
            const float x =
                m_right_to_left ? origin.x + m_avail - m_indent * 0.45f : origin.x + m_indent * 0.45f;
            draw->AddCircleFilled(ImVec2(x, origin.y + size * 0.5f), 2.5f, colour);
        }
    }

    void draw_focus_rings(const TextLayout& layout, const ImVec2& text_origin) const {
        for (const PlacedFragment& fragment : layout.fragments) {
            const int link = m_runs.runs[fragment.run].link;
            if (link < 0)
                continue;
            // The line's height is the ring's: it does not reach into the lines above and below.
            const Rect r = fragment_rect(layout, fragment, text_origin);
            draw_focus_ring(m_link_ids[static_cast<std::size_t>(link)], ImVec2(r.x, r.y + k_focus_ring_inset),
                            ImVec2(r.x + r.w, r.y + r.h - k_focus_ring_inset), 1.0f);
        }
    }

    void emit_nodes(const TextLayout& layout, const ImVec2& text_origin, const Rect& block_rect) {
        const std::string text = plain_text(m_block);
        SemanticNode block;
        block.id = static_id(m_ctx, text);
        block.role = m_role;
        block.name = text;
        block.rect = block_rect;
        const std::size_t index = m_ctx.emit(std::move(block));
        if (m_runs.hrefs.empty())
            return;

        // Children in reading order: a Text node per stretch outside links, a Link node per link.
        m_ctx.open_container({index, block_rect.x, block_rect.y});
        if (const std::string marker = marker_text(m_block); !marker.empty())
            emit_text(marker + " ", Rect{block_rect.x, block_rect.y, m_indent, layout.line_height});
        std::size_t run = 0;
        while (run < m_runs.runs.size()) {
            const int link = m_runs.runs[run].link;
            std::string name;
            Rect rect;
            Rect widest;
            std::size_t end = run;
            for (; end < m_runs.runs.size() && m_runs.runs[end].link == link; ++end) {
                name += m_runs.runs[end].text;
                for (const PlacedFragment& fragment : layout.fragments) {
                    if (fragment.run != end)
                        continue;
                    const Rect r = fragment_rect(layout, fragment, text_origin);
                    rect = union_of(rect, r);
                    if (r.w > widest.w)
                        widest = r;
                }
            }
            if (link < 0) {
                emit_text(name, rect);
            } else {
                SemanticNode node;
                node.id = m_link_ids[static_cast<std::size_t>(link)];
                node.role = Role::Link;
                node.action = Action::Activate;
                node.name = name;
                node.href = std::string(m_runs.hrefs[static_cast<std::size_t>(link)]);
                // The widest piece, not the union: a link wrapped over two lines would otherwise
                // cover the words between its pieces, and a click at its centre would miss it.
                node.rect = widest;
                if (node.id != 0)
                    m_ctx.emit(std::move(node));
            }
            run = end;
        }
        m_ctx.close_container();
    }

    void emit_text(const std::string& name, const Rect& rect) {
        if (name.empty())
            return;
        SemanticNode node;
        node.id = static_id(m_ctx, name);
        node.role = Role::Text;
        node.name = name;
        node.rect = rect;
        m_ctx.emit(std::move(node));
    }

    UiContext& m_ctx;
    const content::Block& m_block;
    Role m_role;
    float m_indent;
    BlockRuns m_runs;
    bool m_right_to_left;
    float m_avail = 0;
    std::vector<NodeId> m_link_ids;
    int m_hovered_link = -1;
};

bool is_list_item(const content::Block& block) {
    return block.kind != content::BlockKind::Paragraph;
}

float hanging_indent(const content::Block& first_item) {
    const float size = ImGui::GetFontSize();
    if (first_item.kind == content::BlockKind::BulletItem)
        return size * 1.1f;
    return plain_text_size("99.").x + size * 0.6f;
}

} // namespace

std::optional<std::string> rich_text(const char* id, const content::MarkdownDocument& document) {
    UiContext& ctx = current_context();
    std::optional<std::string> activated;
    ImGui::PushID(id);
    const auto& blocks = document.blocks;
    std::size_t i = 0;
    while (i < blocks.size()) {
        if (!is_list_item(blocks[i])) {
            if (auto href = BlockDrawer(ctx, blocks[i], Role::Paragraph, 0).draw(static_cast<int>(i)))
                activated = std::move(href);
            ++i;
            continue;
        }
        const content::BlockKind kind = blocks[i].kind;
        const float indent = hanging_indent(blocks[i]);
        const std::string list_label = "##list" + std::to_string(i);
        begin_list(list_label.c_str());
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                            ImVec2(ImGui::GetStyle().ItemSpacing.x, k_list_item_spacing));
        for (; i < blocks.size() && blocks[i].kind == kind; ++i) {
            if (auto href = BlockDrawer(ctx, blocks[i], Role::ListItem, indent).draw(static_cast<int>(i)))
                activated = std::move(href);
        }
        ImGui::PopStyleVar();
        end_list();
    }
    ImGui::PopID();
    return activated;
}

} // namespace support::ui

#include "widget/views/view_stack.h"

namespace support::widget {

const char* view_name(ViewKind kind) {
    switch (kind) {
    case ViewKind::Home:
        return "home";
    case ViewKind::Article:
        return "article";
    case ViewKind::Contact:
        return "contact";
    case ViewKind::Guide:
        return "guide";
    case ViewKind::ReportProblem:
        return "report";
    case ViewKind::Chat:
        return "chat";
    }
    return "home";
}

bool parse_view_name(std::string_view name, ViewKind& out) {
    for (const ViewKind kind : {ViewKind::Home, ViewKind::Article, ViewKind::Contact, ViewKind::Guide,
                                ViewKind::ReportProblem, ViewKind::Chat})
        if (name == view_name(kind)) {
            out = kind;
            return true;
        }
    return false;
}

void ViewStack::push(ViewEntry entry) {
    if (entry != top()) {
        m_entries.push_back(entry);
        ++m_revision;
    }
}

void ViewStack::pop() {
    if (m_entries.size() > 1) {
        m_entries.pop_back();
        ++m_revision;
    }
}

void ViewStack::to_home() {
    if (m_entries.size() > 1)
        ++m_revision;
    m_entries.resize(1);
}

} // namespace support::widget

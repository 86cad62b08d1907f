#include "shared/ui/semantic_node.h"

namespace support::ui {

const char* role_name(Role role) {
    switch (role) {
    case Role::Button:
        return "button";
    case Role::Link:
        return "link";
    case Role::TextBox:
        return "textbox";
    case Role::SearchBox:
        return "searchbox";
    case Role::Heading:
        return "heading";
    case Role::Paragraph:
        return "paragraph";
    case Role::List:
        return "list";
    case Role::ListItem:
        return "listitem";
    case Role::Text:
        return "text";
    case Role::Status:
        return "status";
    case Role::ProgressBar:
        return "progressbar";
    }
    return "generic";
}

} // namespace support::ui

#pragma once
// The Inbox: the chats that need a person, each with how long it has waited and where the shopper
// is; beside the list the open chat — the shopper's context (page, language, the address left for
// a reply, what the bot offered), the transcript, the shopper typing, Join, the reply box (Enter
// sends) and Close. Wide windows show list and chat side by side; narrow ones one at a time.

#include "console/model/chat_inbox.h"

#include <cstdint>
#include <string>

namespace support::console {

struct InboxViewState {
    std::string reply;
    bool shopper_typing = false; // a typing notice arrived in the last few seconds
    std::size_t shown = 0;       // messages drawn last time: a new one scrolls the transcript down
};

enum class InboxViewAction : std::uint8_t { None, Open, Typing };

struct InboxViewResult {
    InboxViewAction action = InboxViewAction::None;
    InboxChat chat; // Open: which
};

InboxViewResult draw_inbox_view(InboxViewState& state, ChatInbox& inbox, std::int64_t now_ms);

} // namespace support::console

#include "server/chat/chat_fan_out.h"

#include <utility>

namespace support::server {

ChatNotice ChatNotice::stored(std::string site, std::string conversation_id, const chat::ChatEvent& event) {
    ChatNotice notice;
    notice.kind = Kind::Stored;
    notice.site = std::move(site);
    notice.conversation_id = std::move(conversation_id);
    notice.seq = event.seq;
    notice.event = event;
    notice.event_kind = event.kind;
    return notice;
}

ChatNotice ChatNotice::typing(std::string site, std::string conversation_id, chat::Author typist,
                              std::string label) {
    ChatNotice notice;
    notice.kind = Kind::Typing;
    notice.site = std::move(site);
    notice.conversation_id = std::move(conversation_id);
    notice.typist = typist;
    notice.typist_label = std::move(label);
    return notice;
}

} // namespace support::server

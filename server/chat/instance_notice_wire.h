#pragma once
// What server instances sharing one PostgreSQL store tell each other on its notice channels, as
// JSON text: a chat notice on "support_chat" (site, conversation, seq and event kind, or who is
// typing — never a message's text) and the staff holding a console open on an instance, on
// "support_presence". Each names the instance it came from, so an instance skips its own.
//
// A payload is read as untrusted (anyone who may NOTIFY on the database can send one): anything
// malformed, of the wrong type or nested too deeply decodes to nothing, never to an exception.

#include "server/chat/chat_fan_out.h"
#include "server/chat/staff_presence.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::server {

std::string encode_chat_notice(const ChatNotice& notice, std::string_view instance);
// The notice, or nothing for `instance`'s own or an unreadable one. Its event is never carried:
// the listener reads it from the store by seq.
std::optional<ChatNotice> decode_chat_notice(std::string_view payload, std::string_view instance);

struct PresenceReport {
    std::string instance;
    std::vector<StaffPresence::Member> members;
    bool operator==(const PresenceReport&) const = default;
};

std::string encode_presence_report(const PresenceReport& report);
std::optional<PresenceReport> decode_presence_report(std::string_view payload);

} // namespace support::server

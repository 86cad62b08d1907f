// libFuzzer target: what another server instance (or anyone who may NOTIFY on the database) sends
// on the store's notice channels — chat notices and staff presence reports. Beyond not crashing
// or throwing: what decodes encodes to text that decodes to the same notice or report.
#include "server/chat/instance_notice_wire.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace support::server;

namespace {

bool same(const ChatNotice& a, const ChatNotice& b) {
    return a.kind == b.kind && a.site == b.site && a.conversation_id == b.conversation_id && a.seq == b.seq &&
           a.event_kind == b.event_kind && a.typist == b.typist && a.typist_label == b.typist_label &&
           !b.event.has_value();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const auto notice = decode_chat_notice(text, "self")) {
        const auto again = decode_chat_notice(encode_chat_notice(*notice, "other"), "self");
        if (!again || !same(*notice, *again))
            std::abort();
        if (decode_chat_notice(encode_chat_notice(*notice, "self"), "self")) // its own is skipped
            std::abort();
    }
    if (const auto report = decode_presence_report(text)) {
        const auto again = decode_presence_report(encode_presence_report(*report));
        if (!again || !(*again == *report))
            std::abort();
    }
    return 0;
}

// libFuzzer target: chat events, message posts and receipts, typing, conversation starts and
// their answers, handoff requests and reply addresses as they come over the wire (from the
// server's stream to the widget and the console; from any client to the server). Beyond not
// crashing: every error has a stable api.chat_* id, and what decodes encodes to text that decodes
// to the same value.
#include "shared/core/protocol/chat_wire.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace support::protocol;
using support::Result;

namespace {

template <typename T, typename Decode, typename Encode>
void round_trip(std::string_view text, Decode decode, Encode encode) {
    const Result<T> value = decode(text);
    if (!value) {
        if (value.error().code.rfind("api.chat_", 0) != 0)
            std::abort();
        return;
    }
    const Result<T> again = decode(encode(*value));
    if (!again || !(*again == *value))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    round_trip<support::chat::ChatEvent>(text, decode_chat_event, encode_chat_event);
    round_trip<ChatMessagePost>(text, decode_chat_message_post, encode_chat_message_post);
    round_trip<ChatMessageReceipt>(text, decode_chat_message_receipt, encode_chat_message_receipt);
    round_trip<ChatTyping>(text, decode_chat_typing, encode_chat_typing);
    round_trip<ConversationStart>(text, decode_conversation_start, encode_conversation_start);
    round_trip<ConversationOpened>(text, decode_conversation_opened, encode_conversation_opened);
    round_trip<HandoffRequest>(text, decode_handoff_request, encode_handoff_request);
    round_trip<std::string>(text, decode_reply_email,
                            [](const std::string& email) { return encode_reply_email(email); });
    return 0;
}

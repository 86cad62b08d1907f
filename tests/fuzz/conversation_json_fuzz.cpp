// libFuzzer target: a saved conversation read back from storage the shopper's browser holds (and
// a page script could have written anything into). Beyond not crashing: what parses writes back
// to text that parses to the same conversation, and it keeps the model's order (acknowledged
// messages in seq order before the pending ones).
#include "shared/core/chat/conversation_json.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace support::chat;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto conversation = parse_conversation(text);
    if (!conversation) {
        if (conversation.error().code.rfind("chat.saved.", 0) != 0)
            std::abort(); // an error without the stable prefix
        return 0;
    }
    const auto again = parse_conversation(serialize_conversation(*conversation));
    if (!again || !(*again == *conversation))
        std::abort();
    std::uint64_t previous = 0;
    bool pending_seen = false;
    for (const ChatMessage& m : conversation->messages()) {
        if (m.status == DeliveryStatus::Sent) {
            if (pending_seen || m.seq <= previous)
                std::abort();
            previous = m.seq;
        } else {
            pending_seen = true;
        }
    }
    return 0;
}

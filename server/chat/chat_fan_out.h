#pragma once
// How the news of a conversation reaches every stream that shows it: the shopper's, an agent's,
// the staff inbox. Whoever stores an event publishes a notice; each open stream listens to its
// conversation (or, for the inbox, to all of them).
//
//   auto subscription = fan_out.subscribe(conversation_id, [stream](const ChatNotice& notice) { … });
//   fan_out.publish(ChatNotice::stored(site, conversation_id, appended.event));
//   subscription.reset();  // stops listening
//
// The notice of a stored event carries its seq, and the event itself when the publisher has it at
// hand; a listener that finds a gap (a notice lost, or only the seq sent) reads what it missed from
// the store by seq, so the store stays the one truth and a notice is only a wake-up. That is what
// lets another implementation carry notices between server instances (CrossInstanceChatFanOut:
// PostgreSQL LISTEN/NOTIFY with the conversation and seq). Typing is a notice only, never stored.
//
// Listeners run on the publishing thread, outside any lock of the fan-out; one may still be called
// once after its subscription was dropped, so a listener must tolerate a closed stream.

#include "shared/core/chat/conversation.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace support::server {

struct ChatNotice {
    enum class Kind : std::uint8_t { Stored, Typing };
    Kind kind = Kind::Stored;
    std::string site;
    std::string conversation_id;
    std::uint64_t seq = 0;                           // Stored: the event's seq
    std::optional<chat::ChatEvent> event;            // Stored: the event, when the publisher has it
    std::optional<chat::ChatEvent::Kind> event_kind; // Stored: its kind, also when the event is not carried
    chat::Author typist = chat::Author::Shopper;     // Typing: who
    std::string typist_label;                        // Typing: an agent's name as the shopper sees it

    static ChatNotice stored(std::string site, std::string conversation_id, const chat::ChatEvent& event);
    static ChatNotice typing(std::string site, std::string conversation_id, chat::Author typist,
                             std::string label);
};

class ChatFanOut {
  public:
    using Listener = std::function<void(const ChatNotice&)>;

    // Listening ends when it is destroyed.
    class Subscription {
      public:
        virtual ~Subscription() = default;
    };

    virtual ~ChatFanOut() = default;
    virtual void publish(const ChatNotice& notice) = 0;
    // Notices of one conversation.
    virtual std::unique_ptr<Subscription> subscribe(const std::string& conversation_id,
                                                    Listener listener) = 0;
    // Notices of every conversation (the staff inbox).
    virtual std::unique_ptr<Subscription> subscribe_all(Listener listener) = 0;
};

} // namespace support::server

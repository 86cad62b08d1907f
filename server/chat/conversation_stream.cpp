#include "server/chat/conversation_stream.h"

#include "server/sse/server_sent_event.h"
#include "shared/core/protocol/chat_wire.h"

#include <algorithm>
#include <mutex>

namespace support::server {

namespace {

// Events read from the store at a time while catching up.
constexpr std::size_t k_catch_up_batch = 500;

// What one stream has sent, shared by the fan-out's listener and the opening request.
class ConversationFeed {
  public:
    ConversationFeed(std::shared_ptr<Storage> storage, std::shared_ptr<ResponseStream> stream,
                     std::string conversation_id, std::uint64_t after_seq, StreamViewer viewer)
        : m_storage(std::move(storage)), m_stream(std::move(stream)),
          m_conversation_id(std::move(conversation_id)), m_last_sent(after_seq), m_viewer(viewer) {}

    // Sends what the store has past the last seq sent. Errors: storage.read_failed.
    Result<void> catch_up() {
        std::lock_guard lock(m_mutex);
        return catch_up_locked();
    }

    void hear(const ChatNotice& notice) {
        if (notice.kind == ChatNotice::Kind::Typing) {
            // Each side hears the other typing, never itself.
            const bool from_shopper = notice.typist == chat::Author::Shopper;
            if (from_shopper == (m_viewer == StreamViewer::Staff))
                m_stream->write(format_server_sent_event(
                    "", "typing",
                    protocol::encode_chat_typing(protocol::ChatTyping{notice.typist, notice.typist_label})));
            return;
        }
        std::lock_guard lock(m_mutex);
        if (notice.seq <= m_last_sent)
            return;
        if (notice.seq == m_last_sent + 1 && notice.event) {
            send_locked(*notice.event);
            return;
        }
        if (!catch_up_locked())
            m_stream->finish();
    }

  private:
    // At most half the stream's buffer is filled at once: past that the stream ends, and the client
    // reconnects from the last event it got, so a long transcript arrives in parts instead of
    // overflowing the buffer (which would end the stream with nothing sent, again and again).
    Result<void> catch_up_locked() {
        const std::size_t budget = m_stream->options().max_buffered / 2;
        std::size_t written = 0;
        for (;;) {
            auto events = m_storage->chat_events_after(m_conversation_id, m_last_sent, k_catch_up_batch);
            if (!events)
                return make_error("storage.read_failed", "the conversation could not be read; reconnect");
            for (const chat::ChatEvent& event : *events) {
                if (written >= budget) {
                    m_stream->finish();
                    return {};
                }
                written += send_locked(event);
            }
            if (events->size() < k_catch_up_batch)
                return {};
        }
    }

    // The bytes written.
    std::size_t send_locked(const chat::ChatEvent& event) {
        const std::string bytes =
            format_server_sent_event(std::to_string(event.seq), "", protocol::encode_chat_event(event));
        m_stream->write(bytes);
        m_last_sent = event.seq;
        return bytes.size();
    }

    std::shared_ptr<Storage> m_storage;
    std::shared_ptr<ResponseStream> m_stream;
    std::string m_conversation_id;
    std::mutex m_mutex;
    std::uint64_t m_last_sent;
    StreamViewer m_viewer;
};

} // namespace

Result<std::shared_ptr<ResponseStream>> open_conversation_stream(std::shared_ptr<Storage> storage,
                                                                 ChatFanOut& fan_out,
                                                                 const StoredConversation& conversation,
                                                                 std::uint64_t after_seq, StreamViewer viewer,
                                                                 ResponseStreamOptions options) {
    auto stream = std::make_shared<ResponseStream>(std::move(options));
    stream->write(format_retry(k_stream_retry_ms));
    auto feed = std::make_shared<ConversationFeed>(std::move(storage), stream, conversation.id,
                                                   std::min(after_seq, conversation.last_seq), viewer);
    std::shared_ptr<ChatFanOut::Subscription> subscription =
        fan_out.subscribe(conversation.id, [feed](const ChatNotice& notice) { feed->hear(notice); });
    SW_TRY_VOID(feed->catch_up());
    // The stream holds the subscription until it ends; then nothing is heard any more.
    stream->on_close([subscription]() mutable { subscription.reset(); });
    return stream;
}

} // namespace support::server

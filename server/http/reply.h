#pragma once
// What a handler gives back: a response now, or a promise of one that another thread keeps later
// (the storage writer once a write is durable). The connection waits for a pending reply without
// holding a thread; handlers and middleware never see Asio or Beast.
//
//   Reply handle(const HttpRequest& request) {
//       if (bad) return error_response(400, …);             // ready: converts from HttpResponse
//       ResponsePromise promise;
//       Reply reply = promise.reply();
//       storage.append(record, [promise](Result<…> r) mutable { promise.fulfil(to_response(r)); });
//       return reply;                                        // pending until fulfil()
//   }
//
// Middleware adds to a reply with then(): the step runs on the response when it is there (at once
// for a ready reply, on the connection's thread for a pending one), in the order added.
// A promise dropped unkept fulfils its reply with a 500 (server.internal), so a lost callback
// never leaves a connection waiting forever.

#include "server/http/http_message.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace support::server {

namespace detail {
struct ReplySlot;
}

class Reply {
  public:
    Reply(HttpResponse response); // NOLINT(google-explicit-constructor): a response is a ready reply

    using Step = std::function<void(HttpResponse&)>;
    // Runs `step` on the response: now when ready, else when it arrives.
    Reply&& then(Step step) &&;

    bool is_ready() const;

    // Calls `ready` once, from the fulfilling thread (or at once when the reply is ready already).
    // The server uses it to wake the connection; call take() afterwards.
    void when_ready(std::function<void()> ready);
    // The response with every then() step applied. Only once is_ready() (or when_ready fired).
    HttpResponse take() &&;
    // Blocks the calling thread until the response is there: for tests and tools, never on the
    // server's threads.
    HttpResponse wait() &&;

  private:
    friend class ResponsePromise;
    explicit Reply(std::shared_ptr<detail::ReplySlot> slot);

    std::optional<HttpResponse> m_ready;
    std::shared_ptr<detail::ReplySlot> m_slot;
    std::vector<Step> m_steps;
};

class ResponsePromise {
  public:
    ResponsePromise();
    // The pending reply this promise keeps. Call once.
    Reply reply();
    // Hands the response to the waiting connection; from any thread. Later calls are ignored.
    void fulfil(HttpResponse response);

  private:
    // Shared by copies of the promise (a callback may be copied); the last one gone without a
    // fulfil() answers 500.
    struct Keeper;
    std::shared_ptr<Keeper> m_keeper;
};

} // namespace support::server

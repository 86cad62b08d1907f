#include "server/http/reply.h"

#include "server/http/json_error.h"

#include <cassert>
#include <condition_variable>
#include <mutex>
#include <utility>

namespace support::server {

namespace detail {

struct ReplySlot {
    std::mutex mutex;
    std::condition_variable arrived;
    std::optional<HttpResponse> response;
    std::function<void()> on_ready;
};

} // namespace detail

struct ResponsePromise::Keeper {
    std::shared_ptr<detail::ReplySlot> slot = std::make_shared<detail::ReplySlot>();
    bool reply_taken = false;

    void fulfil(HttpResponse response) {
        std::function<void()> wake;
        {
            std::lock_guard lock(slot->mutex);
            if (slot->response)
                return;
            slot->response = std::move(response);
            wake = std::move(slot->on_ready);
        }
        slot->arrived.notify_all();
        if (wake)
            wake();
    }

    ~Keeper() {
        fulfil(error_response(
            500, make_error("server.internal", "the request was dropped before it was answered")));
    }
};

Reply::Reply(HttpResponse response) : m_ready(std::move(response)) {}

Reply::Reply(std::shared_ptr<detail::ReplySlot> slot) : m_slot(std::move(slot)) {}

Reply&& Reply::then(Step step) && {
    if (m_ready)
        step(*m_ready);
    else
        m_steps.push_back(std::move(step));
    return std::move(*this);
}

bool Reply::is_ready() const {
    if (m_ready)
        return true;
    std::lock_guard lock(m_slot->mutex);
    return m_slot->response.has_value();
}

void Reply::when_ready(std::function<void()> ready) {
    if (!m_ready) {
        std::unique_lock lock(m_slot->mutex);
        if (!m_slot->response) {
            m_slot->on_ready = std::move(ready);
            return;
        }
    }
    ready();
}

HttpResponse Reply::take() && {
    if (m_ready)
        return std::move(*m_ready);
    HttpResponse response;
    {
        std::lock_guard lock(m_slot->mutex);
        assert(m_slot->response && "Reply::take() before the response arrived");
        response = std::move(*m_slot->response);
    }
    for (Step& step : m_steps)
        step(response);
    return response;
}

HttpResponse Reply::wait() && {
    if (!m_ready) {
        std::unique_lock lock(m_slot->mutex);
        m_slot->arrived.wait(lock, [&] { return m_slot->response.has_value(); });
    }
    return std::move(*this).take();
}

ResponsePromise::ResponsePromise() : m_keeper(std::make_shared<Keeper>()) {}

Reply ResponsePromise::reply() {
    assert(!m_keeper->reply_taken && "ResponsePromise::reply() called twice");
    m_keeper->reply_taken = true;
    return Reply(m_keeper->slot);
}

void ResponsePromise::fulfil(HttpResponse response) {
    m_keeper->fulfil(std::move(response));
}

} // namespace support::server

#include "server/http/response_stream.h"

#include <utility>

namespace support::server {

ResponseStream::ResponseStream(ResponseStreamOptions options) : m_options(std::move(options)) {}

bool ResponseStream::write(std::string_view bytes) {
    std::function<void()> wake;
    std::function<void()> closed;
    {
        std::lock_guard lock(m_mutex);
        if (m_finished)
            return false;
        if (m_buffer.size() + bytes.size() > m_options.max_buffered) {
            // The client fell behind: what it has not read is dropped, and it resumes from the last
            // event it did read.
            m_buffer.clear();
            closed = end_locked();
            wake = std::exchange(m_wake, nullptr);
        } else {
            m_buffer.append(bytes);
            wake = std::exchange(m_wake, nullptr);
        }
    }
    if (wake)
        wake();
    if (closed) {
        closed();
        return false;
    }
    return true;
}

void ResponseStream::finish() {
    std::function<void()> wake;
    std::function<void()> closed;
    {
        std::lock_guard lock(m_mutex);
        if (m_finished)
            return;
        closed = end_locked();
        wake = std::exchange(m_wake, nullptr);
    }
    if (wake)
        wake();
    if (closed)
        closed();
}

bool ResponseStream::is_open() const {
    std::lock_guard lock(m_mutex);
    return !m_finished;
}

void ResponseStream::on_close(std::function<void()> closed) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_closed) {
            m_on_close = std::move(closed);
            return;
        }
    }
    closed();
}

ResponseStream::Pending ResponseStream::take() {
    std::lock_guard lock(m_mutex);
    Pending pending;
    pending.bytes = std::exchange(m_buffer, {});
    pending.finished = m_finished;
    return pending;
}

bool ResponseStream::wait(std::function<void()> wake) {
    std::lock_guard lock(m_mutex);
    if (!m_buffer.empty() || m_finished)
        return false;
    m_wake = std::move(wake);
    return true;
}

void ResponseStream::close() {
    std::function<void()> closed;
    {
        std::lock_guard lock(m_mutex);
        m_buffer.clear();
        closed = end_locked();
        m_wake = nullptr;
    }
    if (closed)
        closed();
}

std::function<void()> ResponseStream::end_locked() {
    m_finished = true;
    if (m_closed)
        return nullptr;
    m_closed = true;
    return std::exchange(m_on_close, nullptr);
}

} // namespace support::server

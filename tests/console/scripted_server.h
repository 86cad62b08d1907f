#pragma once
// A StaffTransport for tests: records each request and answers it when the test says, so a test can
// check what the console asked and what it does with late, failed or stale answers.

#include "console/model/staff_transport.h"

#include <deque>
#include <functional>
#include <string>
#include <utility>

namespace support::console::test {

class ScriptedServer {
  public:
    StaffTransport transport() {
        return [this](StaffRequest request, std::function<void(StaffAnswer)> done) {
            m_waiting.emplace_back(std::move(request), std::move(done));
        };
    }
    std::size_t waiting() const { return m_waiting.size(); }
    const StaffRequest& next_request() const { return m_waiting.front().first; }
    // Answers the oldest request; returns what it was.
    StaffRequest answer(int status, std::string body) {
        auto [request, done] = std::move(m_waiting.front());
        m_waiting.pop_front();
        done(StaffAnswer{status, std::move(body)});
        return request;
    }

    // Answers the newest request first (answers that arrive out of order).
    StaffRequest answer_newest(int status, std::string body) {
        auto [request, done] = std::move(m_waiting.back());
        m_waiting.pop_back();
        done(StaffAnswer{status, std::move(body)});
        return request;
    }

  private:
    std::deque<std::pair<StaffRequest, std::function<void(StaffAnswer)>>> m_waiting;
};

} // namespace support::console::test

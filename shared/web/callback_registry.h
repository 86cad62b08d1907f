#pragma once
// What the browser answers later, by number: C++ hands web_library.js an id with the request and
// the JavaScript side calls back with it (sw_web_on_http(id, …), sw_web_on_stream_event(id, …), …).
// One registry per kind of answer, kept in a function-local static.
//
//   const std::uint32_t id = calls.add(std::move(done));
//   if (auto done = calls.take(id)) (*done)(answer);         // answered once
//   if (auto handler = calls.copy(id)) (*handler)(event);    // answered many times; a copy, because
//                                                            // the handler may remove itself

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>

namespace support::web {

template <typename Handler> class CallbackRegistry {
  public:
    std::uint32_t add(Handler handler) {
        const std::uint32_t id = m_next_id++;
        m_handlers.emplace(id, std::move(handler));
        return id;
    }

    void remove(std::uint32_t id) { m_handlers.erase(id); }

    // The handler, removed; nothing for an id answered already (or never given).
    std::optional<Handler> take(std::uint32_t id) {
        const auto it = m_handlers.find(id);
        if (it == m_handlers.end())
            return std::nullopt;
        std::optional<Handler> handler(std::move(it->second));
        m_handlers.erase(it);
        return handler;
    }

    std::optional<Handler> copy(std::uint32_t id) const {
        const auto it = m_handlers.find(id);
        if (it == m_handlers.end())
            return std::nullopt;
        return it->second;
    }

  private:
    std::uint32_t m_next_id = 1;
    std::unordered_map<std::uint32_t, Handler> m_handlers;
};

} // namespace support::web

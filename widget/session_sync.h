#pragma once
// This tab's copy of the shopper's session (shared/core/session), kept in localStorage under
// "session" and in step with the site's other tabs: every write is merged with the stored copy,
// stored, and posted to the other tabs (web::TabChannel); what they post is merged in here. When
// a merge changes this tab's copy, the app hears of it with the copy as it was before, and moves
// its panel, views, search and guide to match.
//
// Setters write only a value that differs, so the app may call them every frame, and applying a
// change from another tab writes nothing back.
//
// Stored data that is corrupt or not ours (another version, a page script's value) is replaced
// by a clean session, with one console warning. The guide progress earlier versions kept under
// "guide-progress" moves into the session once.

#include "shared/core/persistence/key_value_store.h"
#include "shared/core/session/session_state.h"
#include "shared/web/tab_channel.h"

#include <functional>
#include <string>
#include <string_view>

namespace support::widget {

class SessionSync {
  public:
    explicit SessionSync(persistence::KeyValueStore& storage) : m_storage(storage) {}

    // Reads the stored session and starts listening to the other tabs. `tab_id`: this tab's, unique
    // among the shopper's tabs (random).
    void start(std::string tab_id, std::function<void(const session::Session& before)> on_changed);

    const session::Session& state() const { return m_replica.state(); }
    const std::string& tab() const { return m_replica.tab(); }

    void set_panel_open(bool open);
    void set_views(std::vector<std::string> views);
    void set_search_query(const std::string& query);
    void set_guide(const std::optional<guide::GuideProgress>& guide);
    void set_chat(const std::optional<session::ChatAt>& chat);

    // SupportWidget('forget'): a fresh session here, nothing written, and the other tabs told to
    // start afresh too (they call `on_forgotten`).
    void forget();
    void on_forgotten(std::function<void()> callback) { m_on_forgotten = std::move(callback); }

    // For tests and the debug state: how many copies from other tabs were merged in.
    std::size_t received() const { return m_received; }

  private:
    template <typename T, typename Write>
    void write_if_changed(const T& current, const T& value, Write write);
    // A copy from storage or another tab; tells the app when it changed this one.
    void take(std::string_view text, const char* from);
    void store_and_post();

    persistence::KeyValueStore& m_storage;
    session::SessionReplica m_replica{""};
    web::TabChannel m_channel;
    std::function<void(const session::Session&)> m_on_changed;
    std::function<void()> m_on_forgotten;
    std::size_t m_received = 0;
    bool m_warned = false;
};

} // namespace support::widget

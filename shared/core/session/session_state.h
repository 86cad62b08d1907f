#pragma once
// What a shopper expects to survive a reload and to find in another tab: the panel open or closed
// and where in it (the view stack names the open article), the search, the guide and its step, the
// conversation (id, token, what was seen). Each tab holds a copy; copies meet through localStorage
// and BroadcastChannel (widget/session_sync.h) and are merged here.
//
// Merging is deterministic whatever the order copies meet in (commutative, associative,
// idempotent): each field is last-writer-wins by a logical clock (Lamport), ties broken by the
// writing tab's id.
//
// The feedback outbox is not part of it: the loader sends feedback without the core
// (shared/web/feedback_outbox.mjs keeps its own key, re-read before every change, and the server
// stores a client id once), so the core cannot own it. See docs/session.md.
//
//   SessionReplica tab("tab-b");
//   tab.set_search_query("refund");               // clock 1 from tab-b
//   tab.merge(other_tab_copy);                      // the other tab's newer fields win
//
// Pure: no clock, no storage; times come in as arguments.

#include "shared/core/guide/guide_progress.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace support::session {

// A value with the logical time and the tab that wrote it last. (clock, tab) orders writes.
template <typename T> struct Versioned {
    T value{};
    std::uint64_t clock = 0; // 0: never written
    std::string tab;

    bool operator==(const Versioned&) const = default;
    bool newer_than(const Versioned& other) const {
        return clock != other.clock ? clock > other.clock : tab > other.tab;
    }
};

struct ChatAt {
    std::string conversation_id;
    std::string token;
    std::uint64_t seen_seq = 0;
    bool operator==(const ChatAt&) const = default;
};

struct Session {
    Versioned<bool> panel_open;
    Versioned<std::vector<std::string>> views; // the view stack: "home", "article:returns", "chat"
    Versioned<std::string> search_query;
    Versioned<std::optional<guide::GuideProgress>> guide;
    Versioned<std::optional<ChatAt>> chat;
    std::uint64_t clock = 0; // the largest clock written into this copy
    // Bumped by SupportWidget('forget'): a copy of an earlier generation holds what was forgotten
    // (another tab wrote it before it heard), and loses to any copy of a later one whatever its clocks.
    std::uint64_t generation = 0;

    bool operator==(const Session&) const = default;
};

// The merge of two copies: the same whichever is `a`. Of two generations, the later one's copy.
Session merge(const Session& a, const Session& b);

// One tab's copy: its writes carry the tab's id and the next clock.
class SessionReplica {
  public:
    explicit SessionReplica(std::string tab_id) : m_tab(std::move(tab_id)) {}

    const Session& state() const { return m_state; }
    const std::string& tab() const { return m_tab; }

    void set_panel_open(bool open);
    void set_views(std::vector<std::string> views);
    void set_search_query(std::string query);
    void set_guide(std::optional<guide::GuideProgress> guide);
    void set_chat(std::optional<ChatAt> chat);

    // Another copy (another tab's, or the stored one) merged in; true when this copy changed.
    bool merge(const Session& other);
    // SupportWidget('forget'): a fresh copy of the next generation (or of `generation`, another tab's
    // forgetting, when that is later than this copy's; false when it is not).
    void forget();
    bool forget_up_to(std::uint64_t generation);

  private:
    template <typename T> void write(Versioned<T>& field, T value);

    std::string m_tab;
    Session m_state;
};

} // namespace support::session

#pragma once
// One tab of the site leads: it alone holds what there should be one of per browser (the chat's
// live stream) and relays it to the others over a web::TabChannel. Elected with the Web Locks API:
// each tab asks for the lock of one name; the browser grants it to one tab at a time and, when
// that tab closes (or crashes), to the next that asked. Where Web Locks or BroadcastChannel are
// missing every tab leads itself (each holds its own stream, as before: more connections, nothing
// missed).
//
//   web::TabLeader leader;
//   leader.request("chat-leader", [] { /* this tab leads from now on */ });

#include <functional>
#include <string_view>

namespace support::web {

class TabLeader {
  public:
    TabLeader() = default;
    TabLeader(const TabLeader&) = delete;
    TabLeader& operator=(const TabLeader&) = delete;

    // `key`: site-scoped (site_storage_key(key)) lock name. `on_lead` runs once, when this tab
    // becomes the leader (at once where there is no election); it stays leader until it closes.
    void request(std::string_view key, std::function<void()> on_lead);
    bool leading() const { return m_leading; }
    // The browser granted the lock (called from the bridge).
    void take_lead();

  private:
    bool m_leading = false;
    std::function<void()> m_on_lead;
};

} // namespace support::web

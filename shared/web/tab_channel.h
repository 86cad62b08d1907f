#pragma once
// Messages between the tabs (and windows, and frames) of one origin that run this widget:
// BroadcastChannel where the browser has it; elsewhere the `storage` event of the localStorage key
// the sender also writes (the same text arrives either way). A tab never receives its own posts.
//
//   web::TabChannel channel;
//   channel.open("session", [](std::string_view text) { … });  // site-scoped name
//   channel.post(text);                                          // after writing it to storage

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace support::web {

class TabChannel {
  public:
    TabChannel() = default;
    TabChannel(const TabChannel&) = delete;
    TabChannel& operator=(const TabChannel&) = delete;
    ~TabChannel() { close(); }

    // `key`: the site-scoped name (site_storage_key(key)) of the channel, and of the storage key
    // watched where BroadcastChannel is missing.
    void open(std::string_view key, std::function<void(std::string_view)> on_message);
    void post(const std::string& text);
    void close();

  private:
    std::uint32_t m_id = 0;
};

} // namespace support::web

#pragma once
// Asks support-server to delete what this browser gave (SupportWidget('forget')):
//   POST /api/v1/sites/{site}/shopper/forget {"shopper_key": …}   (protocol/shopper_key.h)
// The request is kept under "forget-pending" until the server has answered 2xx, so a page closed or
// offline before that asks again on the next page that runs the core; while the page stays, it is
// tried again with backoff (2 s doubling, at most 8 times). A 4xx other than 408/429 is final (said on
// the console). Then the key goes too, and nothing of ours is left in the browser.

#include "shared/core/persistence/key_value_store.h"

#include <cstdint>
#include <string>

namespace support::widget {

class ShopperEraser {
  public:
    explicit ShopperEraser(persistence::KeyValueStore& storage) : m_storage(storage) {}

    // Where the server is; a request a previous page left pending goes out.
    void start(std::string server, std::string site);
    // Asks for `shopper_key`'s data to be deleted.
    void ask(const std::string& shopper_key);

    bool pending() const { return !m_key.empty(); }

  private:
    void send();

    persistence::KeyValueStore& m_storage;
    std::string m_server;
    std::string m_site;
    std::string m_key; // asked for and not answered yet
    int m_failures = 0;
    std::uint32_t m_generation = 0;
};

} // namespace support::widget

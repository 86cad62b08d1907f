#pragma once
// Which address a request came from when the server stands behind a load balancer or a reverse
// proxy: the connection's peer is then the proxy, and the client is named in X-Forwarded-For
// (HAProxy `option forwardfor`, nginx `proxy_set_header X-Forwarded-For
// $proxy_add_x_forwarded_for`). Anyone can send that header, so it is believed only from the
// proxies the operator names (`support-server serve --trusted-proxy`), and only as far back as
// the hops are trusted: each trusted proxy appended the address it was connected from.
//
//   SW_TRY(auto proxies, TrustedProxies::parse("10.0.0.0/8,127.0.0.1"));
//   request.remote_address = client_address(peer, forwarded_for, proxies);
//
// The per-address limits (feedback, chat, staff sign-in) count by this address.

#include "shared/core/result.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace support::server {

class TrustedProxies {
  public:
    // Addresses or CIDR ranges, IPv4 or IPv6, separated by commas: "127.0.0.1,10.0.0.0/8,fd00::/8".
    // An empty list trusts nobody. Error: server.args.bad_trusted_proxy naming the entry.
    static Result<TrustedProxies> parse(std::string_view list);

    bool empty() const { return m_ranges.empty(); }
    bool contains(std::string_view address) const;

  private:
    struct Range {
        std::array<std::uint8_t, 16> bytes{}; // IPv4 as IPv4-mapped IPv6
        int prefix_bits = 128;
    };
    std::vector<Range> m_ranges;
};

// The client's address: `peer` itself unless it is a trusted proxy; then, walking
// `forwarded_for` (X-Forwarded-For's comma-separated list, its headers joined) from the right,
// the first address that is not a trusted proxy. An entry that is not an address ends the walk
// at the hop that wrote it. Addresses come back in their usual text form (IPv4-mapped IPv6 as
// IPv4; "[…]" and a port dropped).
std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const TrustedProxies& proxies);

// What the per-address limits count by: an IPv4 address itself, an IPv6 address's /64
// ("2001:db8:0:1::/64"), since one IPv6 household or phone is given a whole /64 and could
// otherwise take a new address for every request. Anything not an address comes back as it is.
std::string address_block(std::string_view address);

} // namespace support::server

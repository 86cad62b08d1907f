// libFuzzer target: a --trusted-proxy list, a peer address and an X-Forwarded-For value (the
// input split at NUL bytes). A bad list is an error with a stable id; the client found is the peer
// itself, or an address a trusted peer's header named.
#include "server/http/client_address.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace support::server;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string_view parts[3];
    for (auto& part : parts) {
        const auto end = input.find('\0');
        part = input.substr(0, end);
        input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
    }
    const auto proxies = TrustedProxies::parse(parts[0]);
    if (!proxies) {
        if (proxies.error().code != "server.args.bad_trusted_proxy")
            std::abort();
        return 0;
    }
    const std::string client = client_address(parts[1], parts[2], *proxies);
    // Only a trusted peer is replaced, and never by nothing.
    if (client != parts[1] && (!proxies->contains(parts[1]) || client.empty()))
        std::abort();
    // The limits' key: never empty for an address, and a key's key is itself.
    const std::string block = address_block(client);
    if (block.empty() != client.empty() || address_block(block) != block)
        std::abort();
    return 0;
}

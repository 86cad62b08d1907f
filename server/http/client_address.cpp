#include "server/http/client_address.h"

#include "shared/core/text/white_space.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <optional>

namespace support::server {

namespace {

using AddressBytes = std::array<std::uint8_t, 16>;

// An address as IPv6 bytes (IPv4 mapped), from "1.2.3.4", "::1", "[::1]", "[::1]:80" or
// "1.2.3.4:80"; nothing for anything else.
std::optional<AddressBytes> parse_address(std::string_view written) {
    std::string_view address = text::trim_white_space(written);
    if (address.starts_with('[')) {
        const auto close = address.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        address = address.substr(1, close - 1);
    } else if (std::count(address.begin(), address.end(), ':') == 1) {
        address = address.substr(0, address.find(':')); // IPv4 with a port
    }
    if (address.empty() || address.size() > 45) // INET6_ADDRSTRLEN - 1
        return std::nullopt;
    const std::string zero_terminated(address);
    AddressBytes bytes{};
    in_addr v4{};
    if (inet_pton(AF_INET, zero_terminated.c_str(), &v4) == 1) {
        bytes[10] = bytes[11] = 0xff;
        std::copy_n(reinterpret_cast<const std::uint8_t*>(&v4), 4, bytes.begin() + 12);
        return bytes;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, zero_terminated.c_str(), &v6) == 1) {
        std::copy_n(reinterpret_cast<const std::uint8_t*>(&v6), 16, bytes.begin());
        return bytes;
    }
    return std::nullopt;
}

bool is_v4_mapped(const AddressBytes& bytes) {
    return std::all_of(bytes.begin(), bytes.begin() + 10, [](std::uint8_t b) { return b == 0; }) &&
           bytes[10] == 0xff && bytes[11] == 0xff;
}

std::string format_address(const AddressBytes& bytes) {
    char text[INET6_ADDRSTRLEN] = {};
    if (is_v4_mapped(bytes))
        inet_ntop(AF_INET, bytes.data() + 12, text, sizeof text);
    else
        inet_ntop(AF_INET6, bytes.data(), text, sizeof text);
    return text;
}

bool in_range(const AddressBytes& address, const AddressBytes& range, int prefix_bits) {
    for (int bit = 0; bit < prefix_bits; bit += 8) {
        const int bits = std::min(8, prefix_bits - bit);
        const auto mask = static_cast<std::uint8_t>(0xff << (8 - bits));
        if ((address[bit / 8] & mask) != (range[bit / 8] & mask))
            return false;
    }
    return true;
}

} // namespace

Result<TrustedProxies> TrustedProxies::parse(std::string_view list) {
    TrustedProxies proxies;
    if (text::trim_white_space(list).empty())
        return proxies;
    for (bool more = true; more;) { // every entry, the empty ones of "a,,b" or "a," too
        const auto comma = list.find(',');
        const std::string_view entry = text::trim_white_space(list.substr(0, comma));
        more = comma != std::string_view::npos;
        list = more ? list.substr(comma + 1) : std::string_view();
        const auto bad = [&] {
            return make_error("server.args.bad_trusted_proxy",
                              "--trusted-proxy takes addresses or CIDR ranges separated by commas "
                              "(127.0.0.1,10.0.0.0/8,fd00::/8); '" +
                                  std::string(entry) + "' is neither",
                              "--trusted-proxy");
        };
        const auto slash = entry.find('/');
        const std::string_view address_text = entry.substr(0, slash);
        // Bare addresses only: no "[…]", no port.
        if (address_text.starts_with('[') || std::count(address_text.begin(), address_text.end(), ':') == 1)
            return bad();
        const auto address = parse_address(address_text);
        if (!address)
            return bad();
        const bool v4 = address_text.find(':') == std::string_view::npos;
        int prefix = v4 ? 32 : 128;
        if (slash != std::string_view::npos) {
            const std::string_view bits = entry.substr(slash + 1);
            const auto [end, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
            if (bits.empty() || ec != std::errc{} || end != bits.data() + bits.size() || prefix < 0 ||
                prefix > (v4 ? 32 : 128))
                return bad();
        }
        proxies.m_ranges.push_back({*address, v4 ? prefix + 96 : prefix});
    }
    return proxies;
}

bool TrustedProxies::contains(std::string_view address) const {
    const auto bytes = parse_address(address);
    return bytes && std::any_of(m_ranges.begin(), m_ranges.end(), [&](const Range& range) {
               return in_range(*bytes, range.bytes, range.prefix_bits);
           });
}

std::string address_block(std::string_view address) {
    auto bytes = parse_address(address);
    if (!bytes)
        return std::string(address);
    if (is_v4_mapped(*bytes))
        return format_address(*bytes);
    std::fill(bytes->begin() + 8, bytes->end(), 0);
    return format_address(*bytes) + "/64";
}

std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const TrustedProxies& proxies) {
    std::string client(peer);
    while (!forwarded_for.empty() && proxies.contains(client)) {
        const auto comma = forwarded_for.rfind(',');
        const std::string_view entry =
            comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1);
        forwarded_for = comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
        const auto address = parse_address(entry);
        if (!address)
            break;
        client = format_address(*address);
    }
    return client;
}

} // namespace support::server

#include "server/content/shopper_identity_check.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>

namespace support::server {

std::string identity_hash(std::string_view secret, std::string_view id) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(id.data()), id.size(), digest.data(), &length);
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(k_hex[digest[i] >> 4]);
        hex.push_back(k_hex[digest[i] & 0xf]);
    }
    return hex;
}

void check_shopper_identity(protocol::ShopperIdentity& shopper, std::string_view secret) {
    std::string given = std::move(shopper.hash);
    shopper.hash.clear();
    std::transform(given.begin(), given.end(), given.begin(),
                   [](char c) { return c >= 'A' && c <= 'F' ? static_cast<char>(c - 'A' + 'a') : c; });
    const std::string expected = secret.empty() ? std::string() : identity_hash(secret, shopper.id);
    shopper.verified = !expected.empty() && given.size() == expected.size() &&
                       CRYPTO_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

void check_shopper_identity(protocol::ContextSnapshot& context, std::string_view secret) {
    if (context.shopper)
        check_shopper_identity(*context.shopper, secret);
}

} // namespace support::server

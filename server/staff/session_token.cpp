#include "server/staff/session_token.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>

namespace support::server {

namespace {

constexpr std::size_t k_token_bytes = 32;
constexpr char k_base64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url(const unsigned char* data, std::size_t size) {
    std::string out;
    std::size_t i = 0;
    for (; i + 3 <= size; i += 3) {
        const unsigned v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        out += k_base64url[(v >> 18) & 63];
        out += k_base64url[(v >> 12) & 63];
        out += k_base64url[(v >> 6) & 63];
        out += k_base64url[v & 63];
    }
    if (size - i == 1) {
        const unsigned v = data[i] << 16;
        out += k_base64url[(v >> 18) & 63];
        out += k_base64url[(v >> 12) & 63];
    } else if (size - i == 2) {
        const unsigned v = (data[i] << 16) | (data[i + 1] << 8);
        out += k_base64url[(v >> 18) & 63];
        out += k_base64url[(v >> 12) & 63];
        out += k_base64url[(v >> 6) & 63];
    }
    return out;
}

} // namespace

Result<std::string> new_secret_token() {
    std::array<unsigned char, k_token_bytes> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        return make_error("staff.token.random_failed", "the system's random source gave no bytes");
    return base64url(bytes.data(), bytes.size());
}

std::string token_digest(std::string_view token) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(token.data(), token.size(), digest.data(), &length, EVP_sha256(), nullptr);
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += k_hex[digest[i] >> 4];
        out += k_hex[digest[i] & 15];
    }
    return out;
}

bool secrets_equal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace support::server

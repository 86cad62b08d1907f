#include "server/staff/password_hashing.h"

#include <argon2.h>
#include <openssl/rand.h>

#include <array>
#include <vector>

namespace support::server {

namespace {

constexpr std::size_t k_salt_bytes = 16;
constexpr std::size_t k_hash_bytes = 32;

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

} // namespace

Result<void> check_new_password(std::string_view password) {
    if (code_points(password) < k_min_password_chars)
        return make_error("staff.password.too_short", "a staff password needs at least " +
                                                          std::to_string(k_min_password_chars) +
                                                          " characters");
    if (password.size() > k_max_password_bytes)
        return make_error("staff.password.too_long", "a staff password may have at most " +
                                                         std::to_string(k_max_password_bytes) + " bytes");
    return ok();
}

Result<std::string> hash_password(std::string_view password, const PasswordHashCost& cost) {
    std::array<unsigned char, k_salt_bytes> salt{};
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
        return make_error("staff.password.hash_failed", "no random bytes for a salt");
    const std::size_t length =
        argon2_encodedlen(cost.passes, cost.memory_kib, cost.lanes, k_salt_bytes, k_hash_bytes, Argon2_id);
    std::vector<char> encoded(length);
    const int status =
        argon2id_hash_encoded(cost.passes, cost.memory_kib, cost.lanes, password.data(), password.size(),
                              salt.data(), salt.size(), k_hash_bytes, encoded.data(), encoded.size());
    if (status != ARGON2_OK)
        return make_error("staff.password.hash_failed", argon2_error_message(status));
    return std::string(encoded.data());
}

bool verify_password(std::string_view encoded, std::string_view password) {
    const std::string terminated(encoded); // libargon2 reads a C string
    return argon2id_verify(terminated.c_str(), password.data(), password.size()) == ARGON2_OK;
}

} // namespace support::server

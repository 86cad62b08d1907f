#include "catch_amalgamated.hpp"

#include "server/content/shopper_identity_check.h"

using namespace support;
using namespace support::server;

TEST_CASE("identity hash: HMAC-SHA256 as lowercase hex (RFC 4231 test case 2)", "[identity]") {
    CHECK(identity_hash("Jefe", "what do ya want for nothing?") ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("identity check: verified only when the site's hash of this id matches; the hash is dropped",
          "[identity]") {
    const std::string secret = "0123456789abcdef0123456789abcdef";
    const auto checked = [&](std::string id, std::string hash, std::string_view with_secret) {
        protocol::ShopperIdentity shopper{std::move(id), "dana@example.com", "Dana", std::move(hash), true};
        check_shopper_identity(shopper, with_secret);
        CHECK(shopper.hash.empty());
        return shopper.verified;
    };
    const std::string good = identity_hash(secret, "c-1042");
    CHECK(checked("c-1042", good, secret));
    std::string upper = good;
    for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK(checked("c-1042", upper, secret));      // hex in either case
    CHECK_FALSE(checked("c-1043", good, secret)); // another shopper's hash
    CHECK_FALSE(checked("c-1042", "", secret));   // none (the browser's "verified" is not believed)
    CHECK_FALSE(checked("c-1042", good, ""));     // the site has no secret
    CHECK_FALSE(checked("c-1042", good.substr(1), secret));
}

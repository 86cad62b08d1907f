#pragma once
// Whether the site vouches for who the shopper says they are. The site's server computes
//   hash = hex(HMAC-SHA256(key = identity_secret from site.json, message = the shopper's id))
// and passes it with SupportWidget('identify', {id, email, name, hash}). support-server recomputes it
// before storing a chat or feedback: `verified` says whether it matched (never what the browser
// claims), and the hash itself is dropped. Without a secret in site.json nothing is verified.

#include "shared/core/protocol/context_snapshot.h"

#include <string>
#include <string_view>

namespace support::server {

// Lowercase hex of HMAC-SHA256(secret, id): what a site's server computes.
std::string identity_hash(std::string_view secret, std::string_view id);

// Sets `shopper.verified` from its hash and the site's secret (compared in constant time), then
// clears the hash.
void check_shopper_identity(protocol::ShopperIdentity& shopper, std::string_view secret);

// The same for a context's shopper, when it has one.
void check_shopper_identity(protocol::ContextSnapshot& context, std::string_view secret);

} // namespace support::server

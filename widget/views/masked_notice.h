#pragma once
// What the shopper is told when a card number, bank account (IBAN) or password was taken out of what
// they wrote before it was sent (shared/core/context/secret_masking.h): the chat, an article's
// comment, a problem report.

#include <string_view>

namespace support::widget {

std::string_view masked_secrets_notice();

} // namespace support::widget

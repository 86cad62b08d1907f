#pragma once
// Placeholders in messages: "{name}" replaced by its value ("We will reply to {email}.").

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace support::i18n {

using MessageArgument = std::pair<std::string_view, std::string_view>;
using MessageArguments = std::initializer_list<MessageArgument>;

// `text` with each {name} replaced by its value; names without a value are left as they are.
std::string fill_placeholders(std::string_view text, std::span<const MessageArgument> arguments);
std::string fill_placeholders(std::string_view text, MessageArguments arguments);

} // namespace support::i18n

#include "shared/core/i18n/placeholders.h"

namespace support::i18n {

std::string fill_placeholders(std::string_view text, std::span<const MessageArgument> arguments) {
    std::string out(text);
    for (const auto& [name, value] : arguments) {
        const std::string placeholder = "{" + std::string(name) + "}";
        for (std::size_t at = out.find(placeholder); at != std::string::npos;
             at = out.find(placeholder, at + value.size()))
            out.replace(at, placeholder.size(), value);
    }
    return out;
}

std::string fill_placeholders(std::string_view text, MessageArguments arguments) {
    return fill_placeholders(text, std::span<const MessageArgument>(arguments.begin(), arguments.size()));
}

} // namespace support::i18n

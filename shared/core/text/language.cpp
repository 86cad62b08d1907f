#include "shared/core/text/language.h"

namespace support::text {

Language language_from_tag(std::string_view tag) {
    const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
    const auto is = [&](std::string_view code) {
        if (primary.size() != code.size())
            return false;
        for (std::size_t i = 0; i < code.size(); ++i) {
            const char c = primary[i];
            if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) != code[i])
                return false;
        }
        return true;
    };
    if (is("en"))
        return Language::English;
    if (is("he") || is("iw"))
        return Language::Hebrew;
    if (is("ar"))
        return Language::Arabic;
    if (is("fa") || is("per") || is("fas"))
        return Language::Persian;
    return Language::Other;
}

} // namespace support::text

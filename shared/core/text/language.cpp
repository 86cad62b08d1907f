#include "shared/core/text/language.h"

namespace support::text {
namespace {

bool equals_lower(std::string_view subtag, std::string_view code) {
    if (subtag.size() != code.size())
        return false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = subtag[i];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) != code[i])
            return false;
    }
    return true;
}

} // namespace

bool writes_right_to_left(std::string_view tag) {
    std::string_view rest = tag;
    const std::string_view primary = rest.substr(0, rest.find_first_of("-_"));
    // A four-letter script subtag right after the language decides.
    if (primary.size() < rest.size()) {
        rest.remove_prefix(primary.size() + 1);
        const std::string_view script = rest.substr(0, rest.find_first_of("-_"));
        if (script.size() == 4) {
            for (const std::string_view rtl : {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"})
                if (equals_lower(script, rtl))
                    return true;
            return false;
        }
    }
    for (const std::string_view rtl :
         {"he", "iw", "ar", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr", "arc"})
        if (equals_lower(primary, rtl))
            return true;
    return false;
}

Language language_from_tag(std::string_view tag) {
    const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
    const auto is = [&](std::string_view code) { return equals_lower(primary, code); };
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

#include "shared/core/content/content_item_fields.h"

#include "shared/core/content/content_json.h"
#include "shared/core/content/locale_tag.h"

namespace support::content {

namespace {

std::string code(const ContentItemKind& kind, const char* what) {
    return std::string(kind.code_prefix) + "." + what;
}

void wrong_type(const ContentItemKind& kind, ContentProblemLog& log, std::string pointer, const char* field,
                const nlohmann::json& value) {
    log.error(code(kind, "wrong_type"), std::move(pointer),
              std::string(field) + " must be a string, got " + std::string(json_type_name(value)));
}

} // namespace

std::optional<std::string> check_item_id(const nlohmann::json& object, const std::string& base,
                                         const ContentItemKind& kind, ContentProblemLog& log) {
    std::string pointer = base + "/id";
    const auto it = object.find("id");
    if (it == object.end()) {
        log.error(code(kind, "missing_id"), std::move(pointer),
                  std::string("every ") + kind.noun + " needs an \"id\", such as \"" + kind.example_id +
                      "\" (the same in every locale)");
        return std::nullopt;
    }
    if (!it->is_string()) {
        wrong_type(kind, log, std::move(pointer), "id", *it);
        return std::nullopt;
    }
    const std::string& id = it->get_ref<const std::string&>();
    if (!is_article_id(id)) {
        log.error(
            code(kind, "bad_id"), std::move(pointer),
            "id " + quote_for_message(id) +
                " must be lowercase letters, digits and '-', starting with a letter or digit, at most " +
                std::to_string(k_max_id_bytes) + " bytes");
        return std::nullopt;
    }
    return id;
}

void check_item_locale(const nlohmann::json& object, const std::string& base,
                       const std::optional<std::string>& folder_locale, const ContentItemKind& kind,
                       ContentProblemLog& log) {
    const auto it = object.find("locale");
    if (it == object.end())
        return;
    std::string pointer = base + "/locale";
    if (!it->is_string()) {
        wrong_type(kind, log, std::move(pointer), "locale", *it);
        return;
    }
    const std::string& written = it->get_ref<const std::string&>();
    if (folder_locale && !same_locale(written, *folder_locale))
        log.error(code(kind, "locale_mismatch"), std::move(pointer),
                  "locale " + quote_for_message(written) + " does not match the folder " +
                      quote_for_message(*folder_locale) +
                      "; move the file or fix the locale (it may be left out)");
}

} // namespace support::content

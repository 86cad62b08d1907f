#include "shared/core/i18n/message_catalogue.h"

#include "shared/core/i18n/plural_rules.h"
#include "shared/core/json_pointer.h"
#include "shared/core/parse_json.h"

#include <algorithm>
#include <cassert>

namespace support::i18n {
namespace {

constexpr std::string_view k_categories[] = {"zero", "one", "two", "few", "many", "other"};

std::string json_pointer_to(std::string_view key) {
    return "/" + json_pointer_token(key);
}

} // namespace

Result<MessageCatalogue> MessageCatalogue::parse(std::string_view json, std::string language_tag) {
    const nlohmann::json document = parse_json(json);
    if (document.is_discarded())
        return make_error("messages.bad_json", "the message catalogue is not valid JSON", "/");
    if (!document.is_object())
        return make_error("messages.not_an_object", "the message catalogue must be a JSON object of messages",
                          "/");
    MessageCatalogue catalogue;
    catalogue.m_language = std::move(language_tag);
    for (const auto& [key, value] : document.items()) {
        Entry entry;
        entry.key = key;
        if (value.is_string()) {
            entry.text = value.get<std::string>();
        } else if (value.is_object()) {
            for (const auto& [category, form] : value.items()) {
                const std::string pointer = json_pointer_to(key) + "/" + category;
                if (std::find(std::begin(k_categories), std::end(k_categories), category) ==
                    std::end(k_categories))
                    return make_error("messages.bad_plural",
                                      "'" + category +
                                          "' is not a plural category (zero, one, two, few, many, other)",
                                      pointer);
                if (!form.is_string())
                    return make_error("messages.bad_plural", "a plural form must be a string", pointer);
                entry.forms.emplace_back(category, form.get<std::string>());
            }
            // "other" last: the form for any count the language has no category of its own for.
            auto other = std::find_if(entry.forms.begin(), entry.forms.end(),
                                      [](const auto& f) { return f.first == "other"; });
            if (other != entry.forms.end())
                std::iter_swap(other, entry.forms.end() - 1);
            else
                return make_error("messages.bad_plural", "plural forms need an \"other\" form",
                                  json_pointer_to(key));
        } else {
            return make_error("messages.bad_entry", "a message must be a string or an object of plural forms",
                              json_pointer_to(key));
        }
        catalogue.m_entries.push_back(std::move(entry));
    }
    // nlohmann::json keeps an object's members in a std::map: they arrive sorted by key, which
    // find() relies on.
    assert(std::is_sorted(catalogue.m_entries.begin(), catalogue.m_entries.end(),
                          [](const Entry& a, const Entry& b) { return a.key < b.key; }));
    return catalogue;
}

const MessageCatalogue::Entry* MessageCatalogue::find(std::string_view key) const {
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key,
                                     [](const Entry& e, std::string_view k) { return e.key < k; });
    return it != m_entries.end() && it->key == key ? &*it : nullptr;
}

bool MessageCatalogue::has(std::string_view key) const {
    return find(key) != nullptr;
}

std::vector<std::string_view> MessageCatalogue::keys() const {
    std::vector<std::string_view> keys;
    for (const Entry& entry : m_entries)
        keys.push_back(entry.key);
    return keys;
}

const std::string* MessageCatalogue::find_text(std::string_view key) const {
    const Entry* entry = find(key);
    if (!entry)
        return nullptr;
    return entry->forms.empty() ? &entry->text : &entry->forms.back().second;
}

std::string MessageCatalogue::text(std::string_view key, MessageArguments arguments) const {
    const Entry* entry = find(key);
    if (!entry)
        return fill_placeholders(key, arguments);
    return fill_placeholders(entry->forms.empty() ? entry->text : entry->forms.back().second, arguments);
}

std::string MessageCatalogue::count(std::string_view key, std::uint64_t n, MessageArguments arguments) const {
    const std::string number = format_integer(n, m_digits);
    std::vector<std::pair<std::string_view, std::string_view>> all{{"count", number}};
    all.insert(all.end(), arguments.begin(), arguments.end());
    const Entry* entry = find(key);
    if (!entry)
        return fill_placeholders(key, all);
    if (entry->forms.empty())
        return fill_placeholders(entry->text, all);
    const std::string_view wanted = plural_category_name(plural_category(m_language, n));
    const auto form = std::find_if(entry->forms.begin(), entry->forms.end(),
                                   [&](const auto& f) { return f.first == wanted; });
    if (form != entry->forms.end())
        return fill_placeholders(form->second, all);
    return fill_placeholders(entry->forms.back().second, all); // "other", last since parsed
}

} // namespace support::i18n

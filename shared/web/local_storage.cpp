#include "shared/web/local_storage.h"

#include "shared/web/js_bridge.h"
#include "shared/web/web_app.h"

#include <cstdlib>

namespace support::web {

std::string site_storage_key(std::string_view key) {
    static const std::string prefix = "support-widget:" + config_string("site", "default") + ":";
    return prefix + std::string(key);
}

Result<std::optional<std::string>> SiteLocalStorage::get(std::string_view key) {
    int status = 2;
    char* value = sw_web_storage_get(site_storage_key(key).c_str(), &status);
    if (status == 2)
        return persistence::storage_unavailable_error();
    if (status == 1 || !value)
        return std::optional<std::string>();
    std::string out(value);
    std::free(value);
    return std::optional<std::string>(std::move(out));
}

Result<void> SiteLocalStorage::set(std::string_view key, std::string_view value) {
    const std::string text(value);
    switch (sw_web_storage_set(site_storage_key(key).c_str(), text.c_str())) {
    case 0:
        return ok();
    case 1:
        return persistence::storage_full_error();
    default:
        return persistence::storage_unavailable_error();
    }
}

Result<void> SiteLocalStorage::remove(std::string_view key) {
    if (sw_web_storage_remove(site_storage_key(key).c_str()) == 0)
        return ok();
    return persistence::storage_unavailable_error();
}

Result<int> remove_every_site_key() {
    const int removed = sw_web_storage_remove_prefixed(site_storage_key("").c_str());
    if (removed < 0)
        return persistence::storage_unavailable_error();
    return removed;
}

} // namespace support::web

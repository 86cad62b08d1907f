#include "shared/core/protocol/api_paths.h"

#include "shared/core/protocol/url_encoding.h"

namespace support::protocol {

namespace {

constexpr std::string_view k_sites_prefix = "/api/v1/sites/";

} // namespace

std::string content_target(std::string_view site, std::string_view locale) {
    return std::string(k_sites_prefix) + encode_url_component(site) +
           "/content?locale=" + encode_url_component(locale);
}

std::string feedback_target(std::string_view site) {
    return std::string(k_sites_prefix) + encode_url_component(site) + "/feedback";
}

std::optional<std::string> site_of_target(std::string_view target) {
    std::string_view path = target_path(target);
    if (!path.starts_with(k_sites_prefix))
        return std::nullopt;
    path.remove_prefix(k_sites_prefix.size());
    return decode_percent_escapes(path.substr(0, path.find('/')));
}

} // namespace support::protocol

#include "shared/core/protocol/api_paths.h"

#include "shared/core/protocol/url_encoding.h"

#include <algorithm>

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

std::string conversations_target(std::string_view site) {
    return std::string(k_sites_prefix) + encode_url_component(site) + "/conversations";
}

std::string shopper_forget_target(std::string_view site) {
    return std::string(k_sites_prefix) + encode_url_component(site) + "/shopper/forget";
}

std::string conversation_target(std::string_view site, std::string_view conversation, std::string_view part) {
    return conversations_target(site) + "/" + encode_url_component(conversation) + "/" + std::string(part);
}

std::optional<std::string> site_of_target(std::string_view target) {
    std::string_view path = target_path(target);
    if (!path.starts_with(k_sites_prefix))
        return std::nullopt;
    path.remove_prefix(k_sites_prefix.size());
    return decode_percent_escapes(path.substr(0, path.find('/')));
}

std::optional<std::string> conversation_of_target(std::string_view target) {
    constexpr std::string_view k_segment = "/conversations/";
    std::string_view path = target_path(target);
    if (path.starts_with(k_sites_prefix)) {
        path.remove_prefix(k_sites_prefix.size());
        path.remove_prefix(std::min(path.size(), path.find('/')));
    } else if (path.starts_with("/api/v1/staff")) {
        path.remove_prefix(std::string_view("/api/v1/staff").size());
    } else {
        return std::nullopt;
    }
    if (!path.starts_with(k_segment))
        return std::nullopt;
    path.remove_prefix(k_segment.size());
    const std::string_view segment = path.substr(0, path.find('/'));
    if (segment.empty())
        return std::nullopt;
    return decode_percent_escapes(segment);
}

} // namespace support::protocol

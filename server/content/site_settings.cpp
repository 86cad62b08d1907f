#include "server/content/site_settings.h"

#include "shared/core/parse_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace support::server {

namespace {

using content::ContentProblem;
using content::Severity;

ContentProblem problem(std::string code, Severity severity, std::string pointer, std::string message) {
    return ContentProblem{std::move(code), severity, std::string(k_site_settings_file), std::move(pointer),
                          std::move(message)};
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_host_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

bool is_ipv6_char(char c) {
    return (c >= 'a' && c <= 'f') || (c >= '0' && c <= '9') || c == ':' || c == '.';
}

} // namespace

std::optional<AllowedOrigin> parse_origin(std::string_view text, bool allow_any_port) {
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), lower);
    AllowedOrigin origin;
    std::string_view rest = lowered;
    if (rest.starts_with("https://"))
        origin.scheme = "https";
    else if (rest.starts_with("http://"))
        origin.scheme = "http";
    else
        return std::nullopt;
    rest.remove_prefix(origin.scheme.size() + 3);
    if (rest.empty())
        return std::nullopt;
    std::string_view host;
    if (rest.front() == '[') {
        const auto close = rest.find(']');
        if (close == std::string_view::npos || close < 2)
            return std::nullopt;
        host = rest.substr(0, close + 1);
        if (!std::all_of(host.begin() + 1, host.end() - 1, is_ipv6_char))
            return std::nullopt;
        rest.remove_prefix(close + 1);
    } else {
        const auto colon = rest.find(':');
        host = rest.substr(0, colon);
        if (host.empty() || !std::all_of(host.begin(), host.end(), is_host_char) || host.front() == '.' ||
            host.back() == '.')
            return std::nullopt;
        rest.remove_prefix(host.size());
    }
    origin.host = std::string(host);
    if (!rest.empty()) {
        if (rest.front() != ':' || rest.size() < 2)
            return std::nullopt;
        const std::string_view port = rest.substr(1);
        const bool any = port == "*" && allow_any_port;
        if (!any && (port.size() > 5 ||
                     !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })))
            return std::nullopt;
        origin.port = std::string(port);
    }
    return origin;
}

bool SiteSettings::allows_origin(std::string_view text) const {
    const auto origin = parse_origin(text, false);
    if (!origin)
        return false;
    return std::any_of(allowed_origins.begin(), allowed_origins.end(), [&](const AllowedOrigin& allowed) {
        return allowed.scheme == origin->scheme && allowed.host == origin->host &&
               (allowed.port == "*" || allowed.port == origin->port);
    });
}

LoadedSiteSettings parse_site_settings(std::string_view text) {
    LoadedSiteSettings out;
    const nlohmann::json doc = parse_json(text);
    if (doc.is_discarded()) {
        out.problems.push_back(problem("site.settings.invalid_json", Severity::Error, "",
                                       "site.json is not valid JSON; its settings are ignored"));
        return out;
    }
    if (!doc.is_object()) {
        out.problems.push_back(problem("site.settings.not_an_object", Severity::Error, "",
                                       "site.json must hold an object such as {\"allowed_origins\": [...]}"));
        return out;
    }
    for (const auto& [key, value] : doc.items()) {
        if (key != "allowed_origins" && key != "identity_secret")
            out.problems.push_back(problem("site.settings.unknown_field", Severity::Warning, "/" + key,
                                           "unknown setting '" + key + "' is ignored"));
    }
    if (const auto secret = doc.find("identity_secret"); secret != doc.end()) {
        if (!secret->is_string())
            out.problems.push_back(problem("site.settings.wrong_type", Severity::Error, "/identity_secret",
                                           "identity_secret must be text"));
        else if (secret->get_ref<const std::string&>().size() < k_min_identity_secret_bytes)
            out.problems.push_back(problem("site.settings.weak_secret", Severity::Error, "/identity_secret",
                                           "identity_secret must be at least 16 bytes (a long random text); "
                                           "identities are not verified"));
        else
            out.settings.identity_secret = secret->get<std::string>();
    }
    const auto origins = doc.find("allowed_origins");
    if (origins == doc.end())
        return out;
    if (!origins->is_array()) {
        out.problems.push_back(problem("site.settings.wrong_type", Severity::Error, "/allowed_origins",
                                       "allowed_origins must be a list of origins"));
        return out;
    }
    for (std::size_t i = 0; i < origins->size(); ++i) {
        const nlohmann::json& item = (*origins)[i];
        const std::string pointer = "/allowed_origins/" + std::to_string(i);
        if (!item.is_string()) {
            out.problems.push_back(problem("site.settings.wrong_type", Severity::Error, pointer,
                                           "each allowed origin must be a string"));
            continue;
        }
        const std::string& text_value = item.get_ref<const std::string&>();
        auto origin = parse_origin(text_value, true);
        if (!origin) {
            out.problems.push_back(problem("site.settings.bad_origin", Severity::Error, pointer,
                                           "'" + text_value +
                                               "' is not an origin: write scheme://host[:port] with no path, "
                                               "such as https://shop.example"));
            continue;
        }
        out.settings.allowed_origins.push_back(std::move(*origin));
    }
    return out;
}

LoadedSiteSettings load_site_settings(const std::filesystem::path& directory) {
    const auto path = directory / k_site_settings_file;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return {};
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
        LoadedSiteSettings out;
        out.problems.push_back(problem("site.settings.unreadable", Severity::Error, "",
                                       "site.json cannot be read; check its permissions"));
        return out;
    }
    return parse_site_settings(text.str());
}

} // namespace support::server

#pragma once
// JSON from text that came from outside, without exceptions: the document, or a discarded value
// on any error — what json::parse(text, nullptr, false) gives. Built with nlohmann's plain DOM
// builder: json::parse, even with a null callback, also compiles in its callback-filtering
// builder, which the WebAssembly modules would carry for nothing.

#include <nlohmann/json.hpp>

#include <string_view>

namespace support {

inline nlohmann::json parse_json(std::string_view text) {
    nlohmann::json document;
    nlohmann::detail::json_sax_dom_parser<nlohmann::json> builder(document, /*allow_exceptions=*/false);
    if (!nlohmann::json::sax_parse(text, &builder) || builder.is_errored())
        return nlohmann::json(nlohmann::json::value_t::discarded);
    return document;
}

} // namespace support

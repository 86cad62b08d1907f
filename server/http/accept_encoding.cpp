#include "server/http/accept_encoding.h"

#include "server/http/http_message.h"

#include <algorithm>

namespace support::server {

namespace {

// The q-value of one "coding;param;q=0.5" element, as thousandths (RFC 9110 allows at most three
// decimals). A malformed q counts as 0, so an encoding is never chosen on a misread weight.
int quality_of(std::string_view params) {
    while (!params.empty()) {
        const auto semicolon = params.find(';');
        const std::string_view param = trim_optional_whitespace(params.substr(0, semicolon));
        params = semicolon == std::string_view::npos ? std::string_view{} : params.substr(semicolon + 1);
        if (param.size() < 2 || !(param[0] == 'q' || param[0] == 'Q') || param[1] != '=')
            continue;
        const std::string_view value = param.substr(2);
        if (value.empty() || (value[0] != '0' && value[0] != '1'))
            return 0;
        int thousandths = (value[0] - '0') * 1000;
        if (value.size() > 1) {
            if (value[1] != '.' || value.size() > 5)
                return 0;
            int scale = 100;
            for (char c : value.substr(2)) {
                if (c < '0' || c > '9')
                    return 0;
                thousandths += (c - '0') * scale;
                scale /= 10;
            }
        }
        return thousandths > 1000 ? 0 : thousandths;
    }
    return 1000;
}

} // namespace

bool accepts_gzip(std::string_view accept_encoding) {
    int gzip_quality = -1; // -1: not listed
    int any_quality = -1;
    while (!accept_encoding.empty()) {
        const auto comma = accept_encoding.find(',');
        const std::string_view element = accept_encoding.substr(0, comma);
        accept_encoding =
            comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
        const auto semicolon = element.find(';');
        const std::string_view coding = trim_optional_whitespace(element.substr(0, semicolon));
        const int quality =
            semicolon == std::string_view::npos ? 1000 : quality_of(element.substr(semicolon + 1));
        if (header_name_equals(coding, "gzip") || header_name_equals(coding, "x-gzip"))
            gzip_quality = std::max(gzip_quality, quality);
        else if (coding == "*")
            any_quality = std::max(any_quality, quality);
    }
    if (gzip_quality >= 0)
        return gzip_quality > 0;
    return any_quality > 0;
}

} // namespace support::server

#pragma once
// JSON pointers (RFC 6901) for error messages that say where in a document the problem is.

#include <string>
#include <string_view>

namespace support {

// One reference token of a JSON pointer: '~' → "~0", '/' → "~1".
inline std::string json_pointer_token(std::string_view key) {
    std::string token;
    for (const char c : key) {
        if (c == '~')
            token += "~0";
        else if (c == '/')
            token += "~1";
        else
            token += c;
    }
    return token;
}

} // namespace support

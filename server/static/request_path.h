#pragma once
// Turns a request-target into the decoded path segments a static file lookup may use, refusing
// every form that could name something outside a root. This is the first of two guards; the
// second (static_files.cpp) resolves the real path and checks it stays under the root.
//
// Refused with server.static.bad_path (answer 400):
//   - targets that do not start with '/' (absolute-form "http://…", authority-form, "*");
//   - empty segments ("//etc/passwd", "/a//b");
//   - literal backslashes and control characters, NUL included;
//   - percent-encoded '/', '\' and control characters ("%2f", "%5c", "%00") anywhere;
//   - malformed escapes ("%zz", "%4");
//   - "." and ".." segments, raw or encoded ("%2e%2e", "%2E%2e", ".%2e").
// The query string and fragment are ignored.

#include "shared/core/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace support::server {

struct RequestPath {
    std::vector<std::string> segments; // decoded, none empty, none "." or ".."
    bool trailing_slash = false;       // "/docs/" rather than "/docs"; true for "/"
};

Result<RequestPath> parse_request_path(std::string_view target);

} // namespace support::server

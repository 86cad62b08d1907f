#pragma once
// Static files from one or more mounted directories, as a plain function of request → response
// (no sockets), so every rule here is unit-tested directly.
//
// - GET and HEAD only (405 with "Allow: GET, HEAD" otherwise); the query string is ignored.
// - Mounts are tried in order; "/" and directory paths serve that directory's index.html, and a
//   directory named without its trailing slash redirects (301) to the slash form.
// - Path safety: request_path.h refuses malformed and traversal-shaped targets (400,
//   server.static.bad_path); then the real path (symlinks resolved) must stay under the mount's
//   real directory, or the file is not found (404, server.static.not_found). Hidden names
//   (segments starting with '.') are never served.
// - Content-Type by extension, "Vary: Accept-Encoding" on compressible types, and FILE.gz sent
//   with "Content-Encoding: gzip" when it exists and the client accepts gzip.
// - Strong ETag per variant; If-None-Match → 304 without a body. Cache-Control by file name
//   (http_caching.h).
// - The body is the open file (HttpResponse::file_body): the server sends it with sendfile(2), so a
//   file is never read into memory or copied through user space, whatever its size, and a HEAD or
//   a 304 answers from the file's metadata alone.

#include "server/http/http_message.h"
#include "shared/core/result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace support::server {

// A directory served under a URL prefix. Several mounts may share a prefix; they are searched in
// the order given on the command line.
struct Mount {
    std::string url_prefix; // "/" or "/segment[/segment…]" without a trailing slash
    std::filesystem::path directory;
};

class StaticFiles {
  public:
    // Checks that every mount's directory exists and remembers its real (canonical) path.
    // Errors: server.args.root_not_found, server.args.root_not_directory.
    static Result<StaticFiles> open(const std::vector<Mount>& mounts);

    HttpResponse serve(const HttpRequest& request) const;

  private:
    struct Root {
        std::vector<std::string> prefix_segments; // empty for "/"
        std::filesystem::path real_directory;
    };

    explicit StaticFiles(std::vector<Root> roots) : m_roots(std::move(roots)) {}

    std::vector<Root> m_roots;
};

} // namespace support::server

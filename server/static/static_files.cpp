#include "server/static/static_files.h"

#include "server/http/accept_encoding.h"
#include "server/http/http_caching.h"
#include "server/http/json_error.h"
#include "server/static/content_types.h"
#include "server/static/open_file.h"
#include "server/static/request_path.h"
#include "shared/core/protocol/url_encoding.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <span>
#include <system_error>

namespace support::server {

namespace fs = std::filesystem;

namespace {

HttpResponse not_found_response() {
    return error_response(404, make_error("server.static.not_found", "no such file", "path"));
}

// True when `path` is `root` or lies under it, comparing whole components ("/srv/a" is not
// under "/srv/ab"). Both paths must be canonical.
bool is_within(const fs::path& path, const fs::path& root) {
    auto path_it = path.begin();
    for (auto root_it = root.begin(); root_it != root.end(); ++root_it, ++path_it) {
        if (path_it == path.end() || *path_it != *root_it)
            return false;
    }
    return true;
}

// True when a component of `real` below `real_root` is hidden (".env", ".git/"): a dot file is
// never served, also when a symlink with an ordinary name leads to it.
bool names_hidden_entry(const fs::path& real, const fs::path& real_root) {
    auto it = real.begin();
    for (auto root_it = real_root.begin(); root_it != real_root.end(); ++root_it)
        ++it;
    for (; it != real.end(); ++it) {
        if (it->native().starts_with('.'))
            return true;
    }
    return false;
}

// The real path of `candidate` (symlinks resolved) when it exists, stays under `real_root` and
// names no hidden entry; nothing otherwise, so a symlink that leads out of a root, or to a dot
// file inside it, is simply not found.
std::optional<fs::path> real_path_within(const fs::path& candidate, const fs::path& real_root) {
    std::error_code ec;
    fs::path real = fs::canonical(candidate, ec);
    if (ec || !is_within(real, real_root) || names_hidden_entry(real, real_root))
        return std::nullopt;
    return real;
}

bool is_existing_regular_file(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

// The request's segments after the mount's prefix, or nothing when the prefix does not match.
std::optional<std::span<const std::string>> segments_under(const std::vector<std::string>& prefix,
                                                           const std::vector<std::string>& segments) {
    if (segments.size() < prefix.size() || !std::equal(prefix.begin(), prefix.end(), segments.begin()))
        return std::nullopt;
    return std::span<const std::string>(segments).subspan(prefix.size());
}

std::vector<std::string> split_prefix(std::string_view prefix) {
    std::vector<std::string> segments;
    while (!prefix.empty()) {
        if (prefix.front() == '/') {
            prefix.remove_prefix(1);
            continue;
        }
        const auto slash = prefix.find('/');
        segments.emplace_back(prefix.substr(0, slash));
        prefix = slash == std::string_view::npos ? std::string_view{} : prefix.substr(slash);
    }
    return segments;
}

// The file to send and which variant it is: the pre-compressed sibling FILE.gz when the client
// accepts gzip and it exists inside the root, else the file itself. Opened here, so the size and
// time in the validators are those of the bytes that will be sent.
struct ChosenFile {
    OpenFile file;
    FileVariant variant = FileVariant::Identity;
};

std::optional<ChosenFile> open_variant(const HttpRequest& request, const fs::path& logical_path,
                                       const fs::path& real_path, const fs::path& real_root,
                                       bool compressible) {
    if (compressible && accepts_gzip(request.header("Accept-Encoding"))) {
        fs::path gzip_path = logical_path;
        gzip_path += ".gz";
        if (auto real_gzip = real_path_within(gzip_path, real_root)) {
            if (auto gzip = OpenFile::open(*real_gzip))
                return ChosenFile{std::move(*gzip), FileVariant::Gzip};
        }
    }
    auto identity = OpenFile::open(real_path);
    if (!identity)
        return std::nullopt;
    return ChosenFile{std::move(*identity), FileVariant::Identity};
}

// The response for a file found at `logical_path` (root + request segments) whose real path is
// `real_path`; `name` is the name the client asked for, which decides type and caching.
HttpResponse file_response(const HttpRequest& request, const fs::path& logical_path,
                           const fs::path& real_path, const fs::path& real_root, std::string_view name) {
    const std::string_view content_type = content_type_for(name);
    const bool compressible = is_compressible_type(content_type);
    auto chosen = open_variant(request, logical_path, real_path, real_root, compressible);
    if (!chosen)
        return not_found_response();

    HttpResponse response;
    const std::string etag = make_etag(chosen->file.size(), chosen->file.modified(), chosen->variant);
    response.set_header("ETag", etag);
    response.set_header("Cache-Control", std::string(cache_control_for(name)));
    if (compressible)
        response.set_header("Vary", "Accept-Encoding");
    if (if_none_match_matches(request.header("If-None-Match"), etag)) {
        response.status = 304;
        return response;
    }
    response.status = 200;
    response.set_header("Content-Type", std::string(content_type));
    if (chosen->variant == FileVariant::Gzip)
        response.set_header("Content-Encoding", "gzip");
    response.file_body = std::make_shared<const OpenFile>(std::move(chosen->file));
    return response;
}

HttpResponse redirect_to(std::string location) {
    HttpResponse response;
    response.status = 301;
    response.set_header("Location", std::move(location));
    response.set_header("Cache-Control", "no-cache");
    return response;
}

} // namespace

Result<StaticFiles> StaticFiles::open(const std::vector<Mount>& mounts) {
    std::vector<Root> roots;
    for (const Mount& mount : mounts) {
        std::error_code ec;
        fs::path real = fs::canonical(mount.directory, ec);
        if (ec)
            return make_error("server.args.root_not_found",
                              "root directory " + mount.directory.string() + " does not exist", "--root");
        if (!fs::is_directory(real, ec))
            return make_error("server.args.root_not_directory",
                              "root " + mount.directory.string() + " is not a directory", "--root");
        roots.push_back(Root{split_prefix(mount.url_prefix), std::move(real)});
    }
    return StaticFiles(std::move(roots));
}

HttpResponse StaticFiles::serve(const HttpRequest& request) const {
    if (auto rejected = reject_unless_get_or_head(request, "server.static.method_not_allowed"))
        return std::move(*rejected);
    auto path = parse_request_path(request.target);
    if (!path)
        return error_response(400, path.error());
    for (const std::string& segment : path->segments) {
        if (segment.front() == '.')
            return not_found_response();
    }

    for (const Root& root : m_roots) {
        const auto rest = segments_under(root.prefix_segments, path->segments);
        if (!rest)
            continue;
        fs::path logical_path = root.real_directory;
        for (const std::string& segment : *rest)
            logical_path /= segment;
        const auto real_path = real_path_within(logical_path, root.real_directory);
        if (!real_path)
            continue;

        std::error_code ec;
        const auto status = fs::status(*real_path, ec);
        if (ec)
            continue;
        if (fs::is_directory(status)) {
            fs::path index_path = logical_path / "index.html";
            const auto real_index = real_path_within(index_path, root.real_directory);
            if (!real_index || !is_existing_regular_file(*real_index))
                continue;
            if (!path->trailing_slash)
                return redirect_to(std::string(protocol::target_path(request.target)) + "/");
            return file_response(request, index_path, *real_index, root.real_directory, "index.html");
        }
        if (!fs::is_regular_file(status) || path->trailing_slash || rest->empty())
            continue;
        return file_response(request, logical_path, *real_path, root.real_directory, rest->back());
    }
    return not_found_response();
}

} // namespace support::server

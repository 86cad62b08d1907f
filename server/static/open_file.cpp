#include "server/static/open_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace support::server {

Result<OpenFile> OpenFile::open(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return make_error("server.static.open_failed",
                          "cannot open " + path.filename().string() + ": " + std::strerror(errno), "path");
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return make_error("server.static.not_a_file", path.filename().string() + " is not a regular file",
                          "path");
    }
    const auto modified =
        std::chrono::seconds(info.st_mtim.tv_sec) + std::chrono::nanoseconds(info.st_mtim.tv_nsec);
    return OpenFile(fd, static_cast<std::uint64_t>(info.st_size), modified);
}

OpenFile::~OpenFile() {
    if (m_fd >= 0)
        ::close(m_fd);
}

OpenFile::OpenFile(OpenFile&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_size(other.m_size), m_modified(other.m_modified) {}

OpenFile& OpenFile::operator=(OpenFile&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_size = other.m_size;
        m_modified = other.m_modified;
    }
    return *this;
}

Result<std::string> OpenFile::read_all() const {
    std::string bytes(static_cast<std::size_t>(m_size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::pread(m_fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return make_error("server.static.read_failed", "the file could not be read", "path");
        done += static_cast<std::size_t>(n);
    }
    return bytes;
}

} // namespace support::server

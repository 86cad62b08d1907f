#pragma once
// A file opened for reading, with the metadata a response needs (size, modification time) read
// from the open descriptor, so what is sent is exactly the file that was measured. Move-only; the
// descriptor is closed when the last owner goes (responses share it through a shared_ptr while
// the server sends it with sendfile(2)).
//
//   SW_TRY(auto file, OpenFile::open(path));
//   response.file_body = std::make_shared<const OpenFile>(std::move(file));

#include "shared/core/result.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

namespace support::server {

class OpenFile {
  public:
    // Errors: server.static.open_failed (missing, unreadable), server.static.not_a_file (a
    // directory, a device, a socket: only regular files are served).
    static Result<OpenFile> open(const std::filesystem::path& path);

    ~OpenFile();
    OpenFile(OpenFile&& other) noexcept;
    OpenFile& operator=(OpenFile&& other) noexcept;
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;

    int descriptor() const { return m_fd; }
    std::uint64_t size() const { return m_size; }
    // Modification time since the epoch, for validators (ETag).
    std::chrono::nanoseconds modified() const { return m_modified; }

    // The whole file as bytes, read in large blocks (tests, and small bodies built in memory).
    // Errors: server.static.read_failed.
    Result<std::string> read_all() const;

  private:
    OpenFile(int fd, std::uint64_t size, std::chrono::nanoseconds modified)
        : m_fd(fd), m_size(size), m_modified(modified) {}

    int m_fd = -1;
    std::uint64_t m_size = 0;
    std::chrono::nanoseconds m_modified{0};
};

} // namespace support::server

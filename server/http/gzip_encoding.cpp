#include "server/http/gzip_encoding.h"

#include <boost/beast/zlib/deflate_stream.hpp>

#include <array>

namespace support::server {

namespace {

namespace zlib = boost::beast::zlib;

constexpr std::array<std::uint32_t, 256> make_crc_table() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t n = 0; n < 256; ++n) {
        std::uint32_t c = n;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}

constexpr std::array<std::uint32_t, 256> k_crc_table = make_crc_table();

void append_le32(std::string& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i)
        out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

} // namespace

std::uint32_t crc32(std::string_view bytes) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (char byte : bytes)
        c = k_crc_table[(c ^ static_cast<unsigned char>(byte)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::optional<std::string> gzip_compress(std::string_view bytes) {
    zlib::deflate_stream stream;
    stream.reset(9, 15, 8, zlib::Strategy::normal); // raw deflate: gzip adds its own header
    std::string deflated(stream.upper_bound(bytes.size()) + 16, '\0');
    zlib::z_params params;
    params.next_in = bytes.data();
    params.avail_in = bytes.size();
    params.next_out = deflated.data();
    params.avail_out = deflated.size();
    boost::system::error_code ec;
    stream.write(params, zlib::Flush::finish, ec);
    if (ec != zlib::error::end_of_stream || params.avail_in != 0)
        return std::nullopt;
    deflated.resize(params.total_out);

    // Header: magic, CM=deflate, no flags, no mtime (so equal input gives equal bytes), XFL=2
    // (best compression), OS=255 (unknown).
    std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff", 10);
    out += deflated;
    append_le32(out, crc32(bytes));
    append_le32(out, static_cast<std::uint32_t>(bytes.size() & 0xFFFFFFFFu));
    return out;
}

} // namespace support::server

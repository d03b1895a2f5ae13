#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <tepei/sync/compression.h>
#include <zlib.h>

namespace tepei::sync {

namespace {

constexpr int kGzipWindowBits = 15 + 16; // a gzip (RFC 1952) frame around deflate

Bytef* in(std::string_view data)
{
    return reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
}

Bytef* at(std::string& out, std::size_t offset)
{
    return reinterpret_cast<Bytef*>(out.data()) + offset;
}

} // namespace

std::string gzipCompress(std::string_view data, int level)
{
    z_stream z{};
    if (deflateInit2(&z, std::clamp(level, 1, 9), Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib could not start a gzip stream (out of memory)");
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = in(data);
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = at(out, 0);
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH); // deflateBound guarantees one call suffices
    const std::size_t produced = z.total_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        throw std::runtime_error("zlib could not finish a gzip stream");
    out.resize(produced);
    return out;
}

Result<std::string> gzipDecompress(std::string_view data, std::size_t maxOutput)
{
    const auto corrupt = [](const std::string& detail) {
        return Error{"bad_encoding",
                     "the body is not valid gzip (" + detail + "); send it again, compressed with gzip",
                     {}};
    };
    z_stream z{};
    if (inflateInit2(&z, kGzipWindowBits) != Z_OK)
        throw std::runtime_error("zlib could not start a gzip stream (out of memory)");
    // Grow the buffer as output arrives, never past maxOutput + 1 (the byte that proves "too large").
    const std::size_t cap = maxOutput == SIZE_MAX ? SIZE_MAX : maxOutput + 1;
    std::string out(std::min(cap, std::max<std::size_t>(data.size() * 4, 4096)), '\0');
    z.next_in = in(data);
    z.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        if (z.total_out == out.size()) {
            if (out.size() == cap)
                break;
            out.resize(std::min(cap, out.size() * 2));
        }
        z.next_out = at(out, z.total_out);
        z.avail_out = static_cast<uInt>(std::min<std::size_t>(out.size() - z.total_out, UINT32_MAX));
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc == Z_BUF_ERROR && z.avail_in == 0) {
            inflateEnd(&z);
            return corrupt("the stream is truncated");
        }
        if (rc == Z_BUF_ERROR)
            rc = Z_OK; // the output buffer was full: grow it and go on
    }
    const std::size_t produced = z.total_out;
    const std::size_t unread = z.avail_in;
    const char* message = z.msg;
    inflateEnd(&z);
    if (produced > maxOutput) {
        return Error{"too_large",
                     "the body unpacks to more than " + std::to_string(maxOutput) +
                         " bytes; send smaller batches",
                     {}};
    }
    if (rc != Z_STREAM_END)
        return corrupt(message ? message : "the stream is corrupt");
    if (unread != 0)
        return corrupt("bytes follow the end of the gzip stream");
    out.resize(produced);
    return out;
}

} // namespace tepei::sync

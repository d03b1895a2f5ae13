#include <tepei/sync/compression.h>

// http_compression.h relies on declarations it does not include itself.
#include <algorithm>
#include <cpprest/asyncrt_utils.h>
#include <cpprest/http_compression.h>
#include <cstdint>
#include <pplx/pplxtasks.h>
#include <stdexcept>

namespace tepei::sync {

namespace compression = web::http::compression;

namespace {
const std::uint8_t* bytes(std::string_view data)
{
    return reinterpret_cast<const std::uint8_t*>(data.data());
}
std::uint8_t* bytes(std::string& data, std::size_t offset)
{
    return reinterpret_cast<std::uint8_t*>(data.data()) + offset;
}
} // namespace

std::string gzipCompress(std::string_view data)
{
    auto compressor = compression::builtin::make_compressor(compression::builtin::algorithm::GZIP);
    if (!compressor)
        throw std::runtime_error("cpprestsdk was built without gzip support");
    std::string out;
    out.resize(data.size() + data.size() / 1000 + 64); // deflate's worst case plus the gzip frame
    std::size_t consumed = 0;
    std::size_t produced = 0;
    bool done = false;
    while (!done) {
        if (produced == out.size())
            out.resize(out.size() * 2);
        std::size_t processed = 0;
        produced += compressor->compress(bytes(data) + consumed, data.size() - consumed, bytes(out, produced),
                                         out.size() - produced, compression::operation_hint::is_last,
                                         processed, done);
        consumed += processed;
    }
    out.resize(produced);
    return out;
}

Result<std::string> gzipDecompress(std::string_view data, std::size_t maxOutput)
{
    const auto corrupt = [](std::string detail) {
        return Error{"bad_encoding", "the body is not valid gzip: " + detail, {}};
    };
    auto decompressor = compression::builtin::make_decompressor(compression::builtin::algorithm::GZIP);
    if (!decompressor)
        throw std::runtime_error("cpprestsdk was built without gzip support");
    std::string out;
    // Grow the buffer as output arrives, never past maxOutput + 1 (the byte that proves "too large").
    const std::size_t cap = maxOutput == SIZE_MAX ? SIZE_MAX : maxOutput + 1;
    out.resize(std::min(cap, std::max<std::size_t>(data.size() * 4, 4096)));
    std::size_t consumed = 0;
    std::size_t produced = 0;
    bool done = false;
    try {
        while (!done) {
            if (produced == out.size()) {
                if (out.size() == cap)
                    break;
                out.resize(std::min(cap, out.size() * 2));
            }
            if (consumed == data.size())
                return corrupt("the stream is truncated");
            std::size_t processed = 0;
            const std::size_t n = decompressor->decompress(
                bytes(data) + consumed, data.size() - consumed, bytes(out, produced), out.size() - produced,
                compression::operation_hint::has_more, processed, done);
            if (n == 0 && processed == 0 && !done)
                return corrupt("the decoder made no progress");
            consumed += processed;
            produced += n;
        }
    } catch (const std::exception& e) {
        return corrupt(e.what());
    }
    if (produced > maxOutput) {
        return Error{
            "too_large", "the body inflates to more than " + std::to_string(maxOutput) + " bytes", {}};
    }
    if (consumed != data.size())
        return corrupt("bytes follow the end of the stream");
    out.resize(produced);
    return out;
}

} // namespace tepei::sync

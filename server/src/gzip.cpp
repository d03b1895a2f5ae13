// http_compression.h is not self-contained: it needs these first.
#include <cpprest/asyncrt_utils.h>
#include <cpprest/http_compression.h>
#include <memory>
#include <pplx/pplxtasks.h>
#include <tepei/server/gzip.h>
#include <vector>

namespace tepei::server {

namespace compression = web::http::compression;

Result<std::string> gunzip(std::string_view data, std::size_t maxOutput)
{
    const Error malformed{"malformed_gzip",
                          "the body is declared gzip (Content-Encoding) but is not valid gzip data; "
                          "send it compressed with gzip or without Content-Encoding",
                          ""};
    try {
        auto decompressor = compression::builtin::make_decompressor(compression::builtin::algorithm::GZIP);
        if (!decompressor) {
            return Error{"internal_error", "gzip is not available in this build of cpprestsdk", ""};
        }
        std::vector<std::uint8_t> buffer(64 * 1024);
        std::string out;
        const auto* input = reinterpret_cast<const std::uint8_t*>(data.data());
        std::size_t position = 0;
        bool done = false;
        while (!done) {
            std::size_t used = 0;
            const std::size_t produced =
                decompressor->decompress(input + position, data.size() - position, buffer.data(),
                                         buffer.size(), compression::operation_hint::has_more, used, done);
            position += used;
            out.append(reinterpret_cast<const char*>(buffer.data()), produced);
            if (out.size() > maxOutput) {
                return Error{"body_too_large",
                             "the body decompresses to more than " + std::to_string(maxOutput) +
                                 " bytes, the limit; send less data per request",
                             ""};
            }
            if (!done && used == 0 && produced == 0) {
                return malformed; // truncated: no progress without more input
            }
        }
        return out;
    } catch (const std::exception&) {
        return malformed;
    }
}

Result<std::string> gzip(std::string_view data)
{
    try {
        auto compressor = compression::builtin::make_compressor(compression::builtin::algorithm::GZIP);
        if (!compressor) {
            return Error{"internal_error", "gzip is not available in this build of cpprestsdk", ""};
        }
        std::vector<std::uint8_t> buffer(64 * 1024);
        std::string out;
        const auto* input = reinterpret_cast<const std::uint8_t*>(data.data());
        std::size_t position = 0;
        bool done = false;
        while (!done) {
            std::size_t used = 0;
            const std::size_t produced =
                compressor->compress(input + position, data.size() - position, buffer.data(), buffer.size(),
                                     compression::operation_hint::is_last, used, done);
            position += used;
            out.append(reinterpret_cast<const char*>(buffer.data()), produced);
        }
        return out;
    } catch (const std::exception& e) {
        return Error{"internal_error", std::string("gzip compression failed: ") + e.what(), ""};
    }
}

} // namespace tepei::server

// The HTTP face of the protocol's gzip: the same codec, with the server's error codes (413 for a
// body that unpacks too large, 400 for a body that is not gzip).
#include <tepei/server/http/gzip.h>
#include <tepei/sync/compression.h>

namespace tepei::server {

Result<std::string> gunzip(std::string_view data, std::size_t maxOutput)
{
    auto plain = sync::gzipDecompress(data, maxOutput);
    if (plain)
        return plain;
    const Error& e = plain.error();
    if (e.code == "too_large") {
        return Error{"body_too_large",
                     "the request body unpacks to more than " + std::to_string(maxOutput) +
                         " bytes; send smaller batches",
                     ""};
    }
    return Error{"malformed_gzip", e.message, ""};
}

Result<std::string> gzip(std::string_view data)
{
    return sync::gzipCompress(data);
}

} // namespace tepei::server

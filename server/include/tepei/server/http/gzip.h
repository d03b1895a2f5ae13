#pragma once
// gzip (RFC 1952) for HTTP bodies, on cpprestsdk's built-in zlib compression providers: the
// listener never compresses replies and cpprestsdk's client never compresses requests, so the
// server does both directions itself. Thread-safe (no shared state).

#include <cstddef>
#include <string>
#include <string_view>
#include <tepei/sync/result.h>

namespace tepei::server {

// Decompresses `data`, refusing to produce more than maxOutput bytes (a "gzip bomb") with
// "body_too_large"; corrupt or truncated input is "malformed_gzip".
Result<std::string> gunzip(std::string_view data, std::size_t maxOutput);

// Compresses `data` into one gzip member. Error "internal_error" if zlib fails.
Result<std::string> gzip(std::string_view data);

} // namespace tepei::server

#pragma once
// gzip bodies (Content-Encoding: gzip) with cpprestsdk's built-in zlib codec. In memory only: no
// network I/O. Thread-safe (every call uses its own codec state).

#include <cstddef>
#include <string>
#include <string_view>
#include <tepei/sync/result.h>

namespace tepei::sync {

// The gzip (RFC 1952) form of data, at zlib's default level. Throws std::runtime_error only if
// cpprestsdk was built without compression support (a packaging fault, not an input problem).
std::string gzipCompress(std::string_view data);

// The data inside one gzip stream. Refuses, without producing more than maxOutput bytes, output
// larger than maxOutput (code "too_large": a decompression bomb or an oversized body), and input
// that is not exactly one complete gzip stream (code "bad_encoding": corrupt, truncated, or with
// trailing bytes).
Result<std::string> gzipDecompress(std::string_view data, std::size_t maxOutput);

} // namespace tepei::sync

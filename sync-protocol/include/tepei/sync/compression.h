#pragma once
// gzip bodies (Content-Encoding: gzip), with zlib. In memory only: no network I/O. Thread-safe
// (every call uses its own codec state). The one implementation for client and server.

#include <cstddef>
#include <string>
#include <string_view>
#include <tepei/sync/result.h>

namespace tepei::sync {

// The gzip (RFC 1952) form of data. Level 1 (the default) is zlib's fastest: a sync body of
// application records still shrinks several times, at about 100 MB/s, where the default level 6
// costs about four times the CPU for some 15% less (R-SYNC-5: both ends are slow laptops). Throws
// std::runtime_error only when zlib cannot allocate its state.
inline constexpr int kFastCompression = 1;
std::string gzipCompress(std::string_view data, int level = kFastCompression);

// The data inside one gzip stream. Refuses, without producing more than maxOutput bytes, output
// larger than maxOutput (code "too_large": a decompression bomb or an oversized body), and input
// that is not exactly one complete gzip stream (code "bad_encoding": corrupt, truncated, or with
// trailing bytes).
Result<std::string> gzipDecompress(std::string_view data, std::size_t maxOutput);

} // namespace tepei::sync

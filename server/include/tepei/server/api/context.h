#pragma once
// What the endpoint factories get: the stores, the clock, the limits and the log. Passed in,
// never global (CONVENTIONS "no singletons"); tests build their own.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <tepei/server/accounts/account_store.h>
#include <tepei/server/accounts/throttle.h>
#include <tepei/server/blobs/blob_store.h>
#include <tepei/sync/hlc.h>

namespace tepei::server {

// One line of log text, without the trailing newline. Must be thread-safe.
using LogSink = std::function<void(const std::string& line)>;
// Writes "<ISO time> <line>" to stderr, serialised.
LogSink stderrLog();

struct ServerLimits {
    std::size_t maxJsonBytes = 16u << 20;   // JSON request bodies, after gzip decoding
    std::size_t maxChunkBytes = 4u << 20;   // one blob chunk
    std::uint64_t maxBlobBytes = 20u << 20; // one whole blob
    std::int64_t sessionMs = 12 * 60 * 60'000;
};

// Non-owning: everything referenced must outlive the server. Shared by request threads; each
// member is thread-safe.
class RecordLog;

struct ServerContext {
    AccountStore& accounts;
    BlobStore& blobs;
    RecordLog& records; // the change log (push, pull, record view, exports)
    LoginThrottle& throttle;
    sync::WallClock clock;
    LogSink log;
    ServerLimits limits;
};

// Resolves a bearer token to its principal. Errors: "auth_required" (unknown token),
// "session_expired" (log in again), "storage_error". The Router calls this for every route with
// authRequired; push/pull handlers find the result in Request::principal.
Result<Principal> authenticate(ServerContext& context, const std::string& token);

} // namespace tepei::server

#pragma once
// The messages of the sync protocol (login, push, pull, errors, blob transfer) as plain values.
// Their JSON form and its validation are in tepei/sync/codec.h; the HTTP exchange that carries
// them is described in sync-protocol/PROTOCOL.md. Domain-free: nothing here knows what a record is.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tepei/sync/change.h>
#include <tepei/sync/hlc.h>
#include <tepei/sync/ids.h>
#include <vector>

namespace tepei::sync {

// Version of the wire format. Every message carries it as "v"; a peer refuses any other version
// with code "unsupported_version" (HTTP 426). Raised only for incompatible changes: 2 since a push
// reply confirms the pusher's changes with their verdicts and a pull no longer sends a device the
// changes it pushed itself (PROTOCOL.md "Push").
inline constexpr int kProtocolVersion = 2;

// Limits every decoder enforces (code "too_large"). Lengths are in bytes of UTF-8.
inline constexpr std::size_t kMaxIdBytes = 64;              // author, site, record id, user id
inline constexpr std::size_t kMaxRecordKindBytes = 32;      // recordKind, [a-z_]+
inline constexpr std::size_t kMaxFieldNameBytes = 64;       // payload field names, [a-z0-9_]+
inline constexpr std::size_t kMaxMessageBytes = 4096;       // a verdict's or error's readable message
inline constexpr std::size_t kMaxPayloadBytes = 256 * 1024; // a change's payload as the codec writes it
inline constexpr std::size_t kMaxBatchChanges = 5000;       // changes per push or pull page
inline constexpr std::size_t kDefaultMaxMessageBytes = 32 * 1024 * 1024; // a whole message

// POST /v1/push body: the pending changes of one site, oldest first.
struct PushRequest {
    int version = kProtocolVersion;
    SiteId site;
    std::vector<Change> changes;

    bool operator==(const PushRequest&) const = default;
};

// The server's answer for one pushed change, in the order of the request.
struct PushResult {
    enum class Status {
        Accepted,  // appended to the log now, at seq
        Duplicate, // already in the log (a retried push), at seq: nothing changed
        Refused,   // not appended: code and message say why; retrying the same change will not help
    };
    ChangeId id{};
    Status status = Status::Accepted;
    std::int64_t seq = 0; // Accepted and Duplicate: the change's place in the log; otherwise 0
    // Accepted and Duplicate: what the rules decided for the change at its place in the log, as a
    // pull would carry it; the client confirms its own change with it (it is never sent back).
    ChangeVerdict verdict;
    std::int64_t receivedMs = 0; // Accepted and Duplicate: when the server took it (ConfirmedChange)
    std::string code;            // Refused only: stable machine code, e.g. "forbidden", "clock_ahead"
    std::string message;         // Refused only: readable reason

    bool operator==(const PushResult&) const = default;
};

// "accepted", "duplicate", "refused".
const char* toString(PushResult::Status status);
std::optional<PushResult::Status> pushStatusFromString(std::string_view text);

struct PushReply {
    int version = kProtocolVersion;
    std::vector<PushResult> results; // one per pushed change, same order
    Hlc serverTime;                  // the server's clock after the push; the client merges it
    std::int64_t lastSeq = 0;        // highest seq in the server's log (not filtered by scope)

    bool operator==(const PushReply&) const = default;
};

// GET /v1/pull?after=N&limit=M (also has a JSON form for tests and tools).
struct PullRequest {
    int version = kProtocolVersion;
    std::int64_t after = 0; // cursor: the last seq the client has committed; 0 for none
    int limit = 1000;       // at most this many changes, 1..kMaxBatchChanges

    bool operator==(const PullRequest&) const = default;
};

// A pull reply also carries its cursor and more in HTTP headers (cursor as a decimal seq, more as
// "1" or "0"), so that a client can ask for the next page as soon as the reply arrives, before it
// has decoded this one. The body is authoritative: a client checks that they agree.
inline constexpr const char* kPullCursorHeader = "Tepei-Cursor";
inline constexpr const char* kPullMoreHeader = "Tepei-More";

struct PullReply {
    int version = kProtocolVersion;
    std::vector<ConfirmedChange> changes; // in the caller's scope, seq ascending, all > after
    std::int64_t cursor = 0; // seq of the last change of this page, or = after when the page is empty
    bool more = false;       // more changes follow: pull again with after = cursor
    Hlc serverTime;

    bool operator==(const PullReply&) const = default;
};

// A pull reply whose payloads are JSON text as a store keeps them (see StoredChange): what a
// server writes without parsing the payloads it read. encode() gives the same message form.
struct StoredChange {
    std::int64_t seq = 0;
    Change change; // its payload is not used: payloadJson is
    ChangeVerdict verdict;
    std::string payloadJson;     // one JSON object, as the pushing message held it (or appendJson wrote it)
    std::int64_t receivedMs = 0; // see ConfirmedChange
};
struct StoredPullReply {
    std::vector<StoredChange> changes;
    std::int64_t cursor = 0;
    bool more = false;
    Hlc serverTime;
};

// POST /v1/login body.
struct LoginRequest {
    int version = kProtocolVersion;
    std::string user;
    std::string password;
    SiteId site; // the device logging in

    bool operator==(const LoginRequest&) const = default;
};

struct LoginReply {
    int version = kProtocolVersion;
    std::string token;     // opaque session token: "Authorization: Bearer <token>"
    std::string expiresAt; // ISO-8601 UTC, e.g. "2024-03-20T08:00:00Z"
    std::string userId;
    std::string displayName;
    std::string role;          // [a-z_]+, meaning defined by the model library
    std::string orgCode;       // the user's organisation
    std::string authorityCode; // the recommending authority above it ("" for the centre and others)

    bool operator==(const LoginReply&) const = default;
};

// Body of every 4xx/5xx reply.
struct ErrorReply {
    int version = kProtocolVersion;
    std::string code;    // stable snake_case code, e.g. "missing_field"
    std::string message; // readable English
    std::string field;   // path of the offending input field, e.g. "changes[3].hlc"; may be empty

    bool operator==(const ErrorReply&) const = default;
};

// GET /v1/blobs/{sha256} reply and PUT /v1/blobs/{sha256} reply.
struct BlobStatus {
    int version = kProtocolVersion;
    std::string sha256;        // 64 lowercase hex digits
    std::int64_t size = 0;     // total size declared by the uploader
    std::int64_t received = 0; // bytes stored so far: the offset to resume from
    bool complete = false;     // received == size and the hash verified

    bool operator==(const BlobStatus&) const = default;
};

} // namespace tepei::sync

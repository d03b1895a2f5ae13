#pragma once
// The versioned JSON codec of the sync protocol (wire format: sync-protocol/PROTOCOL.md).
//
// encode() never fails: it writes whatever the value holds (strings are escaped as JSON needs).
// decodeX() is strict and is the only way bytes from the network become values: it refuses
// anything but exactly the documented form, with an Error whose code is one of
//   malformed_json      not JSON, or trailing garbage
//   bad_encoding        not valid UTF-8
//   unsupported_version "v" is not kProtocolVersion
//   wrong_type          a field has the wrong JSON type
//   missing_field       a required field is absent
//   unknown_field       a field the message does not define (or not allowed in that case)
//   duplicate_field     the same name twice in one object
//   unknown_kind        an op or status that does not exist
//   too_large           message, batch, string or payload over its limit
//   invalid_uuid, invalid_hlc, invalid_value (bad pattern, empty id, inconsistent fields),
//   out_of_range        a number outside its range
// and whose field is the path of the culprit, e.g. "changes[3].hlc" or "changes[0].body.name"
// ("" for the message as a whole). Decoding stops at the first error.
//
// All functions are pure and thread-safe.

#include <cpprest/json.h>
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <tepei/sync/change.h>
#include <tepei/sync/messages.h>
#include <tepei/sync/result.h>

namespace tepei::sync {

// Limits a decoder enforces. The defaults suit the server; a caller may lower maxMessageBytes
// (for example to its HTTP body limit) or raise maxChanges for bulk tools.
struct DecodeLimits {
    std::size_t maxMessageBytes = kDefaultMaxMessageBytes; // the whole (decompressed) message
    std::size_t maxChanges = kMaxBatchChanges;             // changes or results per message
    std::size_t maxPayloadBytes = kMaxPayloadBytes;        // one change's payload as encoded
};

// --- single changes (no "v": they travel inside messages and are stored as such) ---

std::string encode(const Change& change);
std::string encode(const ConfirmedChange& change);
Result<Change> decodeChange(std::string_view json, const DecodeLimits& limits = {});
Result<ConfirmedChange> decodeConfirmedChange(std::string_view json, const DecodeLimits& limits = {});

// The same form as a web::json::value (copies the payload). path prefixes error fields, e.g.
// changeFromJson(v, "changes[3]") reports "changes[3].hlc". The rvalue overloads move the payload
// out of the given value instead of copying it.
web::json::value toJson(const Change& change);
web::json::value toJson(const ConfirmedChange& change);
Result<Change> changeFromJson(const web::json::value& json, std::string_view path,
                              const DecodeLimits& limits = {});
Result<Change> changeFromJson(web::json::value&& json, std::string_view path,
                              const DecodeLimits& limits = {});
Result<ConfirmedChange> confirmedChangeFromJson(const web::json::value& json, std::string_view path,
                                                const DecodeLimits& limits = {});
Result<ConfirmedChange> confirmedChangeFromJson(web::json::value&& json, std::string_view path,
                                                const DecodeLimits& limits = {});

// --- messages (each carries "v") ---

std::string encode(const PushRequest& message);
// The push request of `site` holding `changes`, without gathering them into a PushRequest first.
std::string encodePushRequest(const SiteId& site, std::span<const Change> changes);
std::string encode(const PushReply& message);
std::string encode(const PullRequest& message);
std::string encode(const PullReply& message);
// The same message from payloads kept as text: each payloadJson is copied in as it is, unparsed.
std::string encode(const StoredPullReply& message);
std::string encode(const LoginRequest& message);
std::string encode(const LoginReply& message);
std::string encode(const ErrorReply& message);
std::string encode(const BlobStatus& message);

Result<PushRequest> decodePushRequest(std::string_view json, const DecodeLimits& limits = {});
// The same, handing the changes over while the rest of the message is still being read, so that a
// caller can store the first ones meanwhile (tepei-server's push): they reach sink in order, up to
// `batch` at a time, each with its payload's text (ChangeBatch). A sink returning false stops the
// decode. Returns the request's other fields (changes empty) once the whole message has been read
// and checked; on any error the changes already handed over must be dropped.
Result<PushRequest> decodePushRequestInBatches(std::string_view json, const DecodeLimits& limits,
                                               std::size_t batch,
                                               const std::function<bool(ChangeBatch&&)>& sink);
Result<PushReply> decodePushReply(std::string_view json, const DecodeLimits& limits = {});
Result<PullRequest> decodePullRequest(std::string_view json, const DecodeLimits& limits = {});
Result<PullReply> decodePullReply(std::string_view json, const DecodeLimits& limits = {});
// The same, also giving each change's payload exactly as the message holds it (payloadTexts[i]
// for changes[i]): a replica that stores payload text keeps it without writing it again.
Result<PullReply> decodePullReplyWithPayloadText(std::string_view json,
                                                 std::vector<std::string>& payloadTexts,
                                                 const DecodeLimits& limits = {});
Result<LoginRequest> decodeLoginRequest(std::string_view json, const DecodeLimits& limits = {});
Result<LoginReply> decodeLoginReply(std::string_view json, const DecodeLimits& limits = {});
Result<ErrorReply> decodeErrorReply(std::string_view json, const DecodeLimits& limits = {});
Result<BlobStatus> decodeBlobStatus(std::string_view json, const DecodeLimits& limits = {});

// Appends the JSON text of any value with the codec's writer (several times faster than
// web::json::value::serialize): objects in their stored order, strings as UTF-8 with only '"',
// '\\' and control characters escaped. Deterministic: the same value always gives the same text.
void appendJson(std::string& out, const web::json::value& value);

// Parses any JSON text strictly (RFC 8259) into a web::json::value, several times faster than
// web::json::value::parse and with the same values (objects sorted by name). Fails with code
// "malformed_json" and a message naming what is wrong and at which byte. Does not check UTF-8.
Result<web::json::value> parseJson(std::string_view text);

// An ErrorReply carrying the given error (for a server's 4xx replies).
ErrorReply toErrorReply(const Error& error);

} // namespace tepei::sync

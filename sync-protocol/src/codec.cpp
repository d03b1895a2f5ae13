// The JSON form of the protocol messages; see PROTOCOL.md for the wire format.
#include "codec_internal.h"
#include "json_reader.h"
#include "json_writer.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <tepei/sync/codec.h>
#include <tepei/sync/sha256.h>
#include <utility>

namespace tepei::sync {

namespace {

using detail::appendHlc;
using detail::appendInt;
using detail::appendString;
using detail::Reader;

constexpr std::int64_t kMaxInt64 = std::numeric_limits<std::int64_t>::max();
constexpr std::size_t kMaxTokenBytes = 512;
constexpr std::size_t kMaxPasswordBytes = 1024;
constexpr std::size_t kMaxNameBytes = 256;
constexpr std::size_t kMaxMessageTextBytes = 4096;

std::string startMessage(std::size_t reserve)
{
    std::string out;
    out.reserve(reserve);
    out.append("{\"v\":");
    appendInt(out, kProtocolVersion);
    return out;
}

void appendKey(std::string& out, std::string_view key)
{
    out.push_back(',');
    out.push_back('"');
    out.append(key);
    out.append("\":");
}

template <class T> Result<T> finish(const Reader& reader, T&& message)
{
    if (!reader.ok())
        return reader.error();
    return std::forward<T>(message);
}

// "YYYY-MM-DDTHH:MM:SS" with optional ".fraction", then "Z".
bool isUtcTimestamp(std::string_view text)
{
    static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
    if (text.size() < kShape.size() + 1 || text.back() != 'Z')
        return false;
    for (std::size_t i = 0; i < kShape.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        if (kShape[i] == 'd' ? !digit : text[i] != kShape[i])
            return false;
    }
    const std::string_view rest = text.substr(kShape.size(), text.size() - kShape.size() - 1);
    if (rest.empty())
        return true;
    if (rest.size() < 2 || rest[0] != '.')
        return false;
    for (const char c : rest.substr(1)) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

const char* toString(PushResult::Status status)
{
    switch (status) {
    case PushResult::Status::Accepted:
        return "accepted";
    case PushResult::Status::Duplicate:
        return "duplicate";
    case PushResult::Status::Refused:
        return "refused";
    }
    return "unknown";
}

std::optional<PushResult::Status> pushStatusFromString(std::string_view text)
{
    if (text == "accepted")
        return PushResult::Status::Accepted;
    if (text == "duplicate")
        return PushResult::Status::Duplicate;
    if (text == "refused")
        return PushResult::Status::Refused;
    return std::nullopt;
}

ErrorReply toErrorReply(const Error& error)
{
    return ErrorReply{kProtocolVersion, error.code, error.message, error.field};
}

// --- push ---

std::string encode(const PushRequest& message)
{
    return encodePushRequest(message.site, message.changes);
}

std::string encodePushRequest(const SiteId& site, std::span<const Change> changes)
{
    std::string out = startMessage(64 + changes.size() * 2048);
    appendKey(out, "site");
    appendString(out, site);
    appendKey(out, "changes");
    out.push_back('[');
    for (std::size_t i = 0; i < changes.size(); ++i) {
        if (i > 0)
            out.push_back(',');
        detail::writeChange(out, changes[i], nullptr, nullptr);
    }
    out.append("]}");
    return out;
}

Result<PushRequest> decodePushRequest(std::string_view json, const DecodeLimits& limits)
{
    std::vector<Change> changes;
    auto message =
        decodePushRequestInBatches(json, limits, kMaxBatchChanges, [&changes](ChangeBatch&& batch) {
            if (changes.empty()) {
                changes = std::move(batch.changes);
            } else {
                std::move(batch.changes.begin(), batch.changes.end(), std::back_inserter(changes));
            }
            return true;
        });
    if (message)
        message->changes = std::move(changes);
    return message;
}

Result<PushRequest> decodePushRequestInBatches(std::string_view json, const DecodeLimits& limits,
                                               std::size_t batch,
                                               const std::function<bool(ChangeBatch&&)>& sink)
{
    Reader reader;
    PushRequest message;
    ChangeBatch pending;
    std::size_t count = 0;
    bool stopped = false;
    const auto handOver = [&] {
        if (!pending.changes.empty() && !stopped)
            stopped = !sink(std::exchange(pending, ChangeBatch{}));
        return !stopped;
    };
    detail::ArrayStream stream;
    stream.key = "changes";
    stream.sink = [&](web::json::value& element, std::string_view payloadText,
                      const detail::JsonMembers& before) {
        if (count == 0) {
            // The version first when it came first: a newer peer's changes may not read as ours.
            const auto v =
                std::find_if(before.begin(), before.end(), [](const auto& m) { return m.first == "v"; });
            if (v != before.end())
                reader.versionValue(v->second, message.version);
        }
        if (count == limits.maxChanges) {
            reader.fail("too_large",
                        "'changes' has more elements than the limit of " + std::to_string(limits.maxChanges),
                        "changes");
        }
        if (!reader.ok())
            return false;
        detail::readChange(reader, element, detail::indexPath("changes", count), limits,
                           pending.changes.emplace_back(), nullptr, nullptr,
                           payloadText.empty() ? std::nullopt
                                               : std::optional<std::size_t>(payloadText.size()));
        pending.payloadTexts.push_back(payloadText);
        ++count;
        return reader.ok() && (pending.changes.size() < batch || handOver());
    };
    auto root = reader.parseObject(json, limits, stream);
    reader.version(root, message.version);
    auto f = reader.fields(root, std::array<std::string_view, 3>{"v", "site", "changes"}, {});
    reader.string(f[1], {}, "site", kMaxIdBytes, message.site);
    reader.array(f[2], {}, "changes", limits.maxChanges);
    if (reader.ok())
        handOver(); // the last batch
    if (stopped)
        return Error{"cancelled", "the push was not read to its end: its receiver stopped", {}};
    return finish(reader, std::move(message));
}

std::string encode(const PushReply& message)
{
    std::string out = startMessage(96 + message.results.size() * 80);
    appendKey(out, "results");
    out.push_back('[');
    for (std::size_t i = 0; i < message.results.size(); ++i) {
        const PushResult& result = message.results[i];
        out.append(i > 0 ? ",{\"id\":" : "{\"id\":");
        detail::appendUuid(out, result.id);
        appendKey(out, "status");
        appendString(out, toString(result.status));
        if (result.status == PushResult::Status::Refused) {
            appendKey(out, "code");
            appendString(out, result.code);
            appendKey(out, "message");
            appendString(out, result.message);
        } else {
            appendKey(out, "seq");
            appendInt(out, result.seq);
            if (result.receivedMs != 0) {
                appendKey(out, "recv");
                appendInt(out, result.receivedMs);
            }
            if (!result.verdict.accepted) {
                appendKey(out, "verdict");
                detail::writeVerdict(out, result.verdict);
            }
        }
        out.push_back('}');
    }
    out.push_back(']');
    appendKey(out, "time");
    appendHlc(out, message.serverTime);
    appendKey(out, "lastSeq");
    appendInt(out, message.lastSeq);
    out.push_back('}');
    return out;
}

namespace {
void readPushResult(Reader& reader, web::json::value& json, std::string_view path, PushResult& out)
{
    auto f = reader.fields(
        json, std::array<std::string_view, 7>{"id", "status", "seq", "code", "message", "verdict", "recv"},
        path);
    reader.uuid(f[0], path, "id", out.id);
    std::string status;
    reader.string(f[1], path, "status", 16, status);
    if (!reader.ok())
        return;
    const auto parsed = pushStatusFromString(status);
    if (!parsed) {
        return reader.fail("unknown_kind",
                           "'" + status + "' is not a push status; expected accepted, duplicate or refused",
                           detail::joinPath(path, "status"));
    }
    out.status = *parsed;
    if (out.status == PushResult::Status::Refused) {
        for (const auto& [slot, name] :
             {std::pair{f[2], "seq"}, std::pair{f[5], "verdict"}, std::pair{f[6], "recv"}}) {
            if (slot != nullptr) {
                return reader.fail("unknown_field", std::string("a refused change has no ") + name,
                                   detail::joinPath(path, name));
            }
        }
        reader.identifier(f[3], path, "code", 64, true, out.code);
        reader.string(f[4], path, "message", kMaxMessageTextBytes, out.message);
    } else {
        for (const auto& [slot, name] : {std::pair{f[3], "code"}, std::pair{f[4], "message"}}) {
            if (slot != nullptr) {
                return reader.fail("unknown_field", std::string("only a refused change has a ") + name,
                                   detail::joinPath(path, name));
            }
        }
        reader.integer(f[2], path, "seq", 1, kMaxInt64, out.seq);
        if (f[5] != nullptr)
            detail::readVerdict(reader, *f[5], detail::joinPath(path, "verdict"), out.verdict);
        if (f[6] != nullptr)
            reader.integer(f[6], path, "recv", 1, kMaxInt64, out.receivedMs);
    }
}
} // namespace

Result<PushReply> decodePushReply(std::string_view json, const DecodeLimits& limits)
{
    Reader reader;
    auto root = reader.parseObject(json, limits);
    PushReply message;
    reader.version(root, message.version);
    auto f = reader.fields(root, std::array<std::string_view, 4>{"v", "results", "time", "lastSeq"}, {});
    if (auto* items = reader.array(f[1], {}, "results", limits.maxChanges)) {
        message.results.resize(items->size());
        for (std::size_t i = 0; i < items->size() && reader.ok(); ++i)
            readPushResult(reader, (*items)[i], detail::indexPath("results", i), message.results[i]);
    }
    reader.hlc(f[2], {}, "time", message.serverTime);
    reader.integer(f[3], {}, "lastSeq", 0, kMaxInt64, message.lastSeq);
    return finish(reader, std::move(message));
}

// --- pull ---

std::string encode(const PullRequest& message)
{
    std::string out = startMessage(64);
    appendKey(out, "after");
    appendInt(out, message.after);
    appendKey(out, "limit");
    appendInt(out, message.limit);
    out.push_back('}');
    return out;
}

Result<PullRequest> decodePullRequest(std::string_view json, const DecodeLimits& limits)
{
    Reader reader;
    auto root = reader.parseObject(json, limits);
    PullRequest message;
    reader.version(root, message.version);
    auto f = reader.fields(root, std::array<std::string_view, 3>{"v", "after", "limit"}, {});
    reader.integer(f[1], {}, "after", 0, kMaxInt64, message.after);
    std::int64_t limit = 0;
    reader.integer(f[2], {}, "limit", 1, static_cast<std::int64_t>(limits.maxChanges), limit);
    message.limit = static_cast<int>(limit);
    return finish(reader, std::move(message));
}

namespace {

// A pull reply around its changes; writeOne(out, i) writes change i.
template <class WriteOne>
std::string encodePull(std::size_t count, std::size_t bytesGuess, WriteOne&& writeOne, std::int64_t cursor,
                       bool more, const Hlc& serverTime)
{
    std::string out = startMessage(128 + bytesGuess);
    appendKey(out, "changes");
    out.push_back('[');
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0)
            out.push_back(',');
        writeOne(out, i);
    }
    out.push_back(']');
    appendKey(out, "cursor");
    appendInt(out, cursor);
    appendKey(out, "more");
    out.append(more ? "true" : "false");
    appendKey(out, "time");
    appendHlc(out, serverTime);
    out.push_back('}');
    return out;
}

} // namespace

std::string encode(const PullReply& message)
{
    return encodePull(
        message.changes.size(), message.changes.size() * 2048,
        [&](std::string& out, std::size_t i) {
            const ConfirmedChange& c = message.changes[i];
            detail::writeChange(out, c.change, &c.seq, &c.verdict, c.receivedMs);
        },
        message.cursor, message.more, message.serverTime);
}

std::string encode(const StoredPullReply& message)
{
    std::size_t bytes = 0;
    for (const StoredChange& c : message.changes)
        bytes += c.payloadJson.size() + 512;
    return encodePull(
        message.changes.size(), bytes,
        [&](std::string& out, std::size_t i) {
            const StoredChange& c = message.changes[i];
            detail::writeChange(out, c.change, &c.seq, &c.verdict, c.payloadJson, c.receivedMs);
        },
        message.cursor, message.more, message.serverTime);
}

namespace {

Result<PullReply> decodePull(std::string_view json, const DecodeLimits& limits,
                             std::vector<std::string>* payloadTexts)
{
    Reader reader;
    std::vector<std::string_view> spans;
    auto root = reader.parseObject(json, limits, payloadTexts ? &spans : nullptr);
    PullReply message;
    reader.version(root, message.version);
    auto f =
        reader.fields(root, std::array<std::string_view, 5>{"v", "changes", "cursor", "more", "time"}, {});
    if (auto* items = reader.array(f[1], {}, "changes", limits.maxChanges)) {
        message.changes.resize(items->size());
        std::int64_t previous = 0;
        for (std::size_t i = 0; i < items->size() && reader.ok(); ++i) {
            auto& confirmed = message.changes[i];
            const std::string path = detail::indexPath("changes", i);
            const auto payloadBytes =
                i < spans.size() ? std::optional<std::size_t>(spans[i].size()) : std::nullopt;
            detail::readChange(reader, (*items)[i], path, limits, confirmed.change, &confirmed.seq,
                               &confirmed.verdict, payloadBytes, &confirmed.receivedMs);
            if (reader.ok() && confirmed.seq <= previous)
                reader.fail("invalid_value", "changes must come in increasing seq order",
                            detail::joinPath(path, "seq"));
            previous = confirmed.seq;
        }
    }
    reader.integer(f[2], {}, "cursor", 0, kMaxInt64, message.cursor);
    reader.boolean(f[3], {}, "more", message.more);
    reader.hlc(f[4], {}, "time", message.serverTime);
    if (reader.ok() && !message.changes.empty() && message.cursor < message.changes.back().seq)
        reader.fail("invalid_value", "the cursor must not be below the seq of the page's last change",
                    "cursor");
    if (payloadTexts && reader.ok()) {
        if (spans.size() != message.changes.size()) {
            reader.fail("invalid_value", "every change needs exactly one body", "changes");
        } else {
            payloadTexts->assign(spans.begin(), spans.end());
        }
    }
    return finish(reader, std::move(message));
}

} // namespace

Result<PullReply> decodePullReply(std::string_view json, const DecodeLimits& limits)
{
    return decodePull(json, limits, nullptr);
}

Result<PullReply> decodePullReplyWithPayloadText(std::string_view json,
                                                 std::vector<std::string>& payloadTexts,
                                                 const DecodeLimits& limits)
{
    return decodePull(json, limits, &payloadTexts);
}

// --- login ---

std::string encode(const LoginRequest& message)
{
    std::string out = startMessage(128);
    appendKey(out, "user");
    appendString(out, message.user);
    appendKey(out, "password");
    appendString(out, message.password);
    appendKey(out, "site");
    appendString(out, message.site);
    out.push_back('}');
    return out;
}

Result<LoginRequest> decodeLoginRequest(std::string_view json, const DecodeLimits& limits)
{
    Reader reader;
    auto root = reader.parseObject(json, limits);
    LoginRequest message;
    reader.version(root, message.version);
    auto f = reader.fields(root, std::array<std::string_view, 4>{"v", "user", "password", "site"}, {});
    reader.string(f[1], {}, "user", kMaxIdBytes, message.user);
    reader.string(f[2], {}, "password", kMaxPasswordBytes, message.password);
    reader.string(f[3], {}, "site", kMaxIdBytes, message.site);
    return finish(reader, std::move(message));
}

std::string encode(const LoginReply& message)
{
    std::string out = startMessage(256 + message.token.size());
    appendKey(out, "token");
    appendString(out, message.token);
    appendKey(out, "expiresAt");
    appendString(out, message.expiresAt);
    appendKey(out, "userId");
    appendString(out, message.userId);
    appendKey(out, "displayName");
    appendString(out, message.displayName);
    appendKey(out, "role");
    appendString(out, message.role);
    appendKey(out, "orgCode");
    appendString(out, message.orgCode);
    appendKey(out, "authorityCode");
    appendString(out, message.authorityCode);
    out.push_back('}');
    return out;
}

Result<LoginReply> decodeLoginReply(std::string_view json, const DecodeLimits& limits)
{
    Reader reader;
    auto root = reader.parseObject(json, limits);
    LoginReply message;
    reader.version(root, message.version);
    auto f = reader.fields(root,
                           std::array<std::string_view, 8>{"v", "token", "expiresAt", "userId", "displayName",
                                                           "role", "orgCode", "authorityCode"},
                           {});
    reader.string(f[1], {}, "token", kMaxTokenBytes, message.token);
    reader.string(f[2], {}, "expiresAt", 40, message.expiresAt);
    if (reader.ok() && !isUtcTimestamp(message.expiresAt))
        reader.fail("invalid_value", "expiresAt must be an ISO-8601 UTC time like 2024-03-20T08:00:00Z",
                    "expiresAt");
    reader.string(f[3], {}, "userId", kMaxIdBytes, message.userId);
    reader.string(f[4], {}, "displayName", kMaxNameBytes, message.displayName);
    reader.identifier(f[5], {}, "role", kMaxRecordKindBytes, false, message.role);
    reader.string(f[6], {}, "orgCode", kMaxIdBytes, message.orgCode);
    reader.string(f[7], {}, "authorityCode", kMaxIdBytes, message.authorityCode, true);
    return finish(reader, std::move(message));
}

// --- errors ---

std::string encode(const ErrorReply& message)
{
    std::string out = startMessage(128 + message.message.size());
    appendKey(out, "code");
    appendString(out, message.code);
    appendKey(out, "message");
    appendString(out, message.message);
    if (!message.field.empty()) {
        appendKey(out, "field");
        appendString(out, message.field);
    }
    out.push_back('}');
    return out;
}

Result<ErrorReply> decodeErrorReply(std::string_view json, const DecodeLimits& limits)
{
    Reader reader;
    auto root = reader.parseObject(json, limits);
    ErrorReply message;
    reader.version(root, message.version);
    auto f = reader.fields(root, std::array<std::string_view, 4>{"v", "code", "message", "field"}, {});
    reader.identifier(f[1], {}, "code", 64, true, message.code);
    reader.string(f[2], {}, "message", kMaxMessageTextBytes, message.message);
    if (f[3] != nullptr)
        reader.string(f[3], {}, "field", kMaxNameBytes, message.field);
    return finish(reader, std::move(message));
}

// --- blobs ---

std::string encode(const BlobStatus& message)
{
    std::string out = startMessage(160);
    appendKey(out, "sha256");
    appendString(out, message.sha256);
    appendKey(out, "size");
    appendInt(out, message.size);
    appendKey(out, "received");
    appendInt(out, message.received);
    appendKey(out, "complete");
    out.append(message.complete ? "true" : "false");
    out.push_back('}');
    return out;
}

Result<BlobStatus> decodeBlobStatus(std::string_view json, const DecodeLimits& limits)
{
    Reader reader;
    auto root = reader.parseObject(json, limits);
    BlobStatus message;
    reader.version(root, message.version);
    auto f = reader.fields(
        root, std::array<std::string_view, 5>{"v", "sha256", "size", "received", "complete"}, {});
    reader.string(f[1], {}, "sha256", 64, message.sha256);
    if (reader.ok() && !isSha256Hex(message.sha256))
        reader.fail("invalid_value", "sha256 must be 64 lowercase hex digits", "sha256");
    reader.integer(f[2], {}, "size", 0, kMaxInt64, message.size);
    reader.integer(f[3], {}, "received", 0, message.size, message.received);
    reader.boolean(f[4], {}, "complete", message.complete);
    if (reader.ok() && message.complete && message.received != message.size)
        reader.fail("invalid_value", "a complete blob has received == size", "complete");
    return finish(reader, std::move(message));
}

} // namespace tepei::sync

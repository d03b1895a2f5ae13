// The JSON form of one change:
//   {"seq":12,"id":"<uuid>","by":"<author>","site":"<site>","hlc":"<ms>.<counter>",
//    "kind":"<recordKind>","rec":"<recordId>","op":"set"|"command","body":{...}}
// ("seq" only for confirmed changes). See PROTOCOL.md.
#include "codec_internal.h"
#include "json_parser.h"
#include "json_reader.h"
#include "json_writer.h"

#include <limits>

namespace tepei::sync {

namespace detail {

namespace {
constexpr std::array<std::string_view, 11> kChangeFields{"id", "by",   "site", "hlc",     "kind", "rec",
                                                         "op", "body", "seq",  "refused", "recv"};
constexpr std::array<std::string_view, 3> kRefusedFields{"code", "zh", "en"};
} // namespace

namespace {

// Everything of a change's JSON up to and including "body": (the payload follows).
void writeEnvelope(std::string& out, const Change& change, const std::int64_t* seq,
                   const ChangeVerdict* verdict, std::int64_t receivedMs)
{
    out.push_back('{');
    if (seq != nullptr) {
        out.append("\"seq\":");
        appendInt(out, *seq);
        out.push_back(',');
    }
    if (receivedMs != 0) {
        out.append("\"recv\":");
        appendInt(out, receivedMs);
        out.push_back(',');
    }
    if (verdict != nullptr && !verdict->accepted) {
        out.append("\"refused\":");
        writeVerdict(out, *verdict);
        out.push_back(',');
    }
    out.append("\"id\":");
    appendUuid(out, change.id);
    out.append(",\"by\":");
    appendString(out, change.author);
    out.append(",\"site\":");
    appendString(out, change.site);
    out.append(",\"hlc\":");
    appendHlc(out, change.hlc);
    out.append(",\"kind\":");
    appendString(out, change.recordKind);
    out.append(",\"rec\":");
    appendString(out, change.recordId);
    out.append(",\"op\":\"");
    out.append(toString(change.op));
    out.append("\",\"body\":");
}

} // namespace

void writeVerdict(std::string& out, const ChangeVerdict& verdict)
{
    out.append("{\"code\":");
    appendString(out, verdict.code);
    out.append(",\"zh\":");
    appendString(out, verdict.messageZh);
    out.append(",\"en\":");
    appendString(out, verdict.message);
    out.push_back('}');
}

void readVerdict(Reader& reader, web::json::value& json, const std::string& path, ChangeVerdict& out)
{
    auto r = reader.fields(json, kRefusedFields, path);
    if (!reader.ok())
        return;
    out.accepted = false;
    reader.identifier(r[0], path, "code", kMaxIdBytes, true, out.code);
    reader.string(r[1], path, "zh", kMaxMessageBytes, out.messageZh);
    reader.string(r[2], path, "en", kMaxMessageBytes, out.message);
}

void writeChange(std::string& out, const Change& change, const std::int64_t* seq,
                 const ChangeVerdict* verdict, std::int64_t receivedMs)
{
    writeEnvelope(out, change, seq, verdict, receivedMs);
    appendValue(out, change.payload);
    out.push_back('}');
}

void writeChange(std::string& out, const Change& change, const std::int64_t* seq,
                 const ChangeVerdict* verdict, std::string_view payloadJson, std::int64_t receivedMs)
{
    writeEnvelope(out, change, seq, verdict, receivedMs);
    out.append(payloadJson);
    out.push_back('}');
}

void readChange(Reader& reader, web::json::value& json, std::string_view path, const DecodeLimits& limits,
                Change& out, std::int64_t* seq, ChangeVerdict* verdict,
                std::optional<std::size_t> payloadBytes, std::int64_t* received)
{
    auto f = reader.fields(json, kChangeFields, path);
    if (!reader.ok())
        return;
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    if (seq != nullptr) {
        reader.integer(f[8], path, "seq", 1, kMax, *seq);
    } else if (f[8] != nullptr) {
        return reader.fail("unknown_field", "'seq' belongs to confirmed changes only", joinPath(path, "seq"));
    }
    if (received != nullptr && f[10] != nullptr) {
        reader.integer(f[10], path, "recv", 1, kMax, *received);
    } else if (f[10] != nullptr) {
        return reader.fail("unknown_field", "'recv' belongs to confirmed changes only",
                           joinPath(path, "recv"));
    }
    if (verdict != nullptr && f[9] != nullptr) {
        readVerdict(reader, *f[9], joinPath(path, "refused"), *verdict);
        if (!reader.ok())
            return;
    } else if (f[9] != nullptr) {
        return reader.fail("unknown_field", "'refused' belongs to confirmed changes only",
                           joinPath(path, "refused"));
    }
    reader.uuid(f[0], path, "id", out.id);
    reader.string(f[1], path, "by", kMaxIdBytes, out.author);
    reader.string(f[2], path, "site", kMaxIdBytes, out.site);
    reader.hlc(f[3], path, "hlc", out.hlc);
    reader.identifier(f[4], path, "kind", kMaxRecordKindBytes, false, out.recordKind);
    reader.string(f[5], path, "rec", kMaxIdBytes, out.recordId);
    std::string op;
    reader.string(f[6], path, "op", 16, op);
    if (!reader.ok())
        return;
    const auto parsedOp = changeOpFromString(op);
    if (!parsedOp) {
        return reader.fail("unknown_kind", "'" + op + "' is not an op; expected \"set\" or \"command\"",
                           joinPath(path, "op"));
    }
    out.op = *parsedOp;
    reader.payload(f[7], path, "body", out.op, limits.maxPayloadBytes, out.payload, payloadBytes);
}

} // namespace detail

Result<web::json::value> parseJson(std::string_view text)
{
    std::string error;
    web::json::value value = detail::parseJson(text, error);
    if (!error.empty())
        return Error{"malformed_json", "not valid JSON: " + error, {}};
    return value;
}

void appendJson(std::string& out, const web::json::value& value)
{
    detail::appendValue(out, value);
}

std::string encode(const Change& change)
{
    std::string out;
    out.reserve(256);
    detail::writeChange(out, change, nullptr, nullptr);
    return out;
}

std::string encode(const ConfirmedChange& change)
{
    std::string out;
    out.reserve(256);
    detail::writeChange(out, change.change, &change.seq, &change.verdict, change.receivedMs);
    return out;
}

Result<Change> decodeChange(std::string_view json, const DecodeLimits& limits)
{
    detail::Reader reader;
    auto root = reader.parseObject(json, limits);
    Change change;
    detail::readChange(reader, root, {}, limits, change, nullptr, nullptr);
    if (!reader.ok())
        return reader.error();
    return change;
}

Result<ConfirmedChange> decodeConfirmedChange(std::string_view json, const DecodeLimits& limits)
{
    detail::Reader reader;
    auto root = reader.parseObject(json, limits);
    ConfirmedChange confirmed;
    detail::readChange(reader, root, {}, limits, confirmed.change, &confirmed.seq, &confirmed.verdict,
                       std::nullopt, &confirmed.receivedMs);
    if (!reader.ok())
        return reader.error();
    return confirmed;
}

web::json::value toJson(const Change& change)
{
    auto json = web::json::value::object();
    json["id"] = web::json::value::string(toString(change.id));
    json["by"] = web::json::value::string(change.author);
    json["site"] = web::json::value::string(change.site);
    json["hlc"] = web::json::value::string(toString(change.hlc));
    json["kind"] = web::json::value::string(change.recordKind);
    json["rec"] = web::json::value::string(change.recordId);
    json["op"] = web::json::value::string(toString(change.op));
    json["body"] = change.payload;
    return json;
}

web::json::value toJson(const ConfirmedChange& change)
{
    auto json = toJson(change.change);
    json["seq"] = web::json::value::number(change.seq);
    if (change.receivedMs != 0)
        json["recv"] = web::json::value::number(change.receivedMs);
    if (!change.verdict.accepted) {
        auto refused = web::json::value::object();
        refused["code"] = web::json::value::string(change.verdict.code);
        refused["zh"] = web::json::value::string(change.verdict.messageZh);
        refused["en"] = web::json::value::string(change.verdict.message);
        json["refused"] = std::move(refused);
    }
    return json;
}

Result<Change> changeFromJson(web::json::value&& json, std::string_view path, const DecodeLimits& limits)
{
    detail::Reader reader;
    Change change;
    detail::readChange(reader, json, path, limits, change, nullptr, nullptr);
    if (!reader.ok())
        return reader.error();
    return change;
}

Result<Change> changeFromJson(const web::json::value& json, std::string_view path, const DecodeLimits& limits)
{
    web::json::value copy = json;
    return changeFromJson(std::move(copy), path, limits);
}

Result<ConfirmedChange> confirmedChangeFromJson(web::json::value&& json, std::string_view path,
                                                const DecodeLimits& limits)
{
    detail::Reader reader;
    ConfirmedChange confirmed;
    detail::readChange(reader, json, path, limits, confirmed.change, &confirmed.seq, &confirmed.verdict,
                       std::nullopt, &confirmed.receivedMs);
    if (!reader.ok())
        return reader.error();
    return confirmed;
}

Result<ConfirmedChange> confirmedChangeFromJson(const web::json::value& json, std::string_view path,
                                                const DecodeLimits& limits)
{
    web::json::value copy = json;
    return confirmedChangeFromJson(std::move(copy), path, limits);
}

} // namespace tepei::sync

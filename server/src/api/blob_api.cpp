// Attachments (R-SYNC-4): resumable, content-addressed uploads and downloads.
#include <charconv>
#include <tepei/server/api/apis.h>
#include <tepei/server/log/record_log.h>

namespace tepei::server {

namespace json = web::json;

namespace {

json::value blobJson(const BlobInfo& info)
{
    json::value v = json::value::object();
    v["sha256"] = json::value::string(info.sha256);
    v["size"] = json::value::number(static_cast<std::uint64_t>(info.size));
    v["received"] = json::value::number(static_cast<std::uint64_t>(info.received));
    v["complete"] = json::value::boolean(info.complete);
    return v;
}

Result<std::uint64_t> parseCount(const std::string& text, const std::string& field)
{
    std::uint64_t value = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || p != text.data() + text.size()) {
        return Error{"invalid_value", field + " must be a whole number of bytes", field};
    }
    return value;
}

Response status(ServerContext& ctx, Request& req)
{
    auto info = ctx.blobs.status(req.params["sha256"]);
    return info ? Response::ok(blobJson(*info)) : Response::error(info.error());
}

Response upload(ServerContext& ctx, Request& req)
{
    if (!req.query.count("offset")) {
        return Response::error(Error{"missing_field", "give the chunk's position as ?offset=N", "offset"});
    }
    auto offset = parseCount(req.query["offset"], "offset");
    if (!offset) {
        return Response::error(offset.error());
    }
    const std::string sizeHeader = req.header("x-tepei-blob-size");
    if (sizeHeader.empty()) {
        return Response::error(Error{"missing_field",
                                     "give the blob's total size in the X-Tepei-Blob-Size header",
                                     "X-Tepei-Blob-Size"});
    }
    auto size = parseCount(sizeHeader, "X-Tepei-Blob-Size");
    if (!size) {
        return Response::error(size.error());
    }
    const std::string sha = req.params["sha256"];
    auto info = ctx.blobs.append(sha, *size, *offset, req.body, req.principal->userId);
    if (!info) {
        auto r = Response::error(info.error());
        if (info.error().code == "offset_mismatch") {
            auto current = ctx.blobs.status(sha);
            r.json["offset"] =
                json::value::number(static_cast<std::uint64_t>(current ? current->received : 0));
        }
        return r;
    }
    return Response::ok(blobJson(*info));
}

Response download(ServerContext& ctx, Request& req)
{
    const std::string sha = req.params["sha256"];
    auto info = ctx.blobs.status(sha);
    if (!info) {
        return Response::error(info.error());
    }
    if (!ctx.blobs.isUploader(*req.principal, sha) && !ctx.records.citesBlob(*req.principal, sha)) {
        return Response::error(Error{"forbidden",
                                     "this attachment belongs to an application outside your scope; ask its "
                                     "applicant or reviewers",
                                     "sha256"});
    }
    auto content = ctx.blobs.read(sha);
    if (!content) {
        return Response::error(content.error());
    }
    return Response::binary(std::move(*content), "application/octet-stream");
}

} // namespace

Router makeBlobApi(ServerContext& context)
{
    ServerContext* ctx = &context;
    Router r;
    r.add("GET", "/v1/blobs/{sha256}", {}, [ctx](Request& q) { return status(*ctx, q); });
    r.add("PUT", "/v1/blobs/{sha256}", {true, BodyKind::Binary, context.limits.maxChunkBytes},
          [ctx](Request& q) { return upload(*ctx, q); });
    r.add("GET", "/v1/blobs/{sha256}/content", {}, [ctx](Request& q) { return download(*ctx, q); });
    return r;
}

} // namespace tepei::server

// The Excel exports over HTTP (R-APP-6, R-QUO-1, R-QUO-3, R-FND-2), scoped by R-SEC-2: an
// authority reviewer exports their own authority only; the centre and administrators export all
// authorities or one; nobody else exports anything. The funding workbook holds disbursements,
// which only the centre (of these) sees: authorities do not export it.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tepei/model/export/export_xlsx.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/server/api/apis.h>
#include <tepei/server/log/record_log.h>
#include <tepei/sync/ids.h>

namespace tepei::server {

namespace {

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

enum class ExportKind { Summary, Quota, Funding, Admitted };

// A written export: the temporary file and the names it is offered under.
struct Written {
    std::string path;
    std::string asciiName; // filename="…"
    std::string zhName;    // filename*=UTF-8''…
};

Status<> mayExport(const Principal& p, ExportKind kind)
{
    // Disbursements are seen by the trainee's parties and the centre only (R-SEC-2, R-FND-2).
    if (kind == ExportKind::Funding && p.role == Role::AuthorityReviewer)
        return Error{"role_not_permitted",
                     "the funding plan and its disbursements are the centre's; ask the centre for figures",
                     "role"};
    if (p.role == Role::AuthorityReviewer || p.role == Role::CentreOfficer || p.role == Role::Administrator)
        return Ok{};
    return Error{"role_not_permitted",
                 std::string("a ") + model::toString(p.role) +
                     " may not export tables; the recommending authority, the centre and administrators do",
                 "role"};
}

// The authorities the caller exports: ?authority= if allowed, else their scope's default.
Result<std::vector<std::string>> authoritiesFor(const Principal& p, const Request& req,
                                                const model::Campaign& campaign)
{
    const auto it = req.query.find("authority");
    const std::string asked = it == req.query.end() ? std::string() : it->second;
    if (p.role == Role::AuthorityReviewer) {
        if (!asked.empty() && asked != p.orgCode) {
            return Error{"forbidden",
                         "you may export only your own authority (" + p.orgCode + "); leave out ?authority=",
                         "authority"};
        }
        return std::vector<std::string>{p.orgCode};
    }
    std::vector<std::string> all;
    for (const model::Allocation& allocation : campaign.allocations)
        all.push_back(allocation.authorityCode);
    if (asked.empty())
        return all;
    if (std::find(all.begin(), all.end(), asked) == all.end()) {
        return Error{"invalid_value",
                     "campaign " + campaign.id + " has no allocation for authority '" + asked +
                         "'; give the code of a recommending authority of the quota table",
                     "authority"};
    }
    return std::vector<std::string>{asked};
}

// Letters, digits, '-', '_' and '.' only, for the ASCII filename.
std::string asciiSafe(const std::string& text)
{
    std::string out;
    for (const char c : text)
        out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ? c : '_';
    return out;
}

// RFC 8187 percent-encoding of a UTF-8 value (attr-char kept).
std::string percentEncoded(const std::string& text)
{
    static const std::string kept = "!#$&+-.^_`|~";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) && byte < 0x80) {
            out += c;
        } else if (kept.find(c) != std::string::npos) {
            out += c;
        } else {
            static const char* hex = "0123456789ABCDEF";
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
    }
    return out;
}

Written namesFor(ExportKind kind, const model::Campaign& campaign,
                 const std::vector<std::string>& authorities, bool one, const model::OrgNames& names)
{
    static const std::map<ExportKind, std::pair<const char*, const char*>> kNames{
        {ExportKind::Summary, {"summary", "学员汇总表"}},
        {ExportKind::Quota, {"quota", "学员名额分配表"}},
        {ExportKind::Funding, {"funding", "经费计划表"}},
        {ExportKind::Admitted, {"admitted", "录取学员名单"}}};
    const auto& [ascii, zh] = kNames.at(kind);
    Written w;
    w.asciiName = "tepei-" + std::string(ascii) + "-" + asciiSafe(campaign.id);
    w.zhName = std::to_string(campaign.year) + "年度" + zh;
    if (one) {
        w.asciiName.append("-").append(asciiSafe(authorities.front()));
        w.zhName.append("-").append(model::organisationName(authorities.front(), names));
    }
    w.asciiName += ".xlsx";
    w.zhName += ".xlsx";
    return w;
}

Result<Written> writeExport(ExportKind kind, const model::Fold& state, const Request& req,
                            const model::OrgNames& names)
{
    const std::string campaignId = req.query.at("campaign");
    const model::Campaign* campaign = model::findCampaign(state, campaignId);
    if (!campaign) {
        return Error{"campaign_not_found",
                     "there is no campaign '" + campaignId + "'; give the campaign's id, e.g. ?campaign=2024",
                     "campaign"};
    }
    auto authorities = authoritiesFor(*req.principal, req, *campaign);
    if (!authorities)
        return authorities.error();
    const bool one = req.principal->role == Role::AuthorityReviewer || req.query.count("authority") > 0;
    Written w = namesFor(kind, *campaign, *authorities, one, names);
    w.path = (std::filesystem::temp_directory_path() / ("tepei-export-" + sync::newUuidString() + ".xlsx"))
                 .string();
    Result<std::string> done = std::string();
    switch (kind) {
    case ExportKind::Summary:
        done = model::writeSummaryTable(state, *campaign, *authorities, w.path, names);
        break;
    case ExportKind::Quota:
        done = model::writeQuotaTable(state, *campaign, *authorities, w.path, names);
        break;
    case ExportKind::Funding:
        done = model::writeFundingPlan(state, *campaign, *authorities, w.path, names);
        break;
    case ExportKind::Admitted:
        done = model::writeAdmittedList(state, *campaign, *authorities, w.path, names);
        break;
    }
    if (!done)
        return done.error();
    return w;
}

Response answerWithFile(const Written& w)
{
    std::string bytes;
    {
        std::ifstream in(w.path, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        bytes = content.str();
    }
    std::error_code ec;
    std::filesystem::remove(w.path, ec);
    if (bytes.empty())
        return Response::error(
            Error{"export_failed", "the export was written but could not be read back; try again", ""});
    Response r = Response::binary(std::move(bytes), kXlsxType);
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + w.asciiName +
                                                      "\"; filename*=UTF-8''" + percentEncoded(w.zhName));
    r.headers.emplace_back("Cache-Control", "no-store"); // personal data: no copies in caches
    return r;
}

// Every export: role, then the campaign, then the scope; the workbook is written under the log's
// lock (a consistent state; small tables, so pushes wait only briefly), read back and deleted.
Response exportHandler(ServerContext& ctx, ExportKind kind, Request& req)
{
    if (auto allowed = mayExport(*req.principal, kind); !allowed)
        return Response::error(allowed.error());
    if (req.query.find("campaign") == req.query.end() || req.query.at("campaign").empty())
        return Response::error(Error{"missing_field", "name the campaign, e.g. ?campaign=2024", "campaign"});
    auto orgs = ctx.accounts.listOrgs();
    if (!orgs)
        return Response::error(orgs.error());
    model::OrgNames names;
    for (const Org& org : *orgs)
        names[org.code] = org.name;
    auto written =
        ctx.records.read([&](const model::Fold& state) { return writeExport(kind, state, req, names); });
    if (!written)
        return Response::error(written.error());
    return answerWithFile(*written);
}

} // namespace

Router makeExportApi(ServerContext& context)
{
    Router r;
    const RouteOptions options{true, BodyKind::None, 0};
    const std::pair<const char*, ExportKind> routes[] = {{"/v1/exports/summary.xlsx", ExportKind::Summary},
                                                         {"/v1/exports/quota.xlsx", ExportKind::Quota},
                                                         {"/v1/exports/funding.xlsx", ExportKind::Funding},
                                                         {"/v1/exports/admitted.xlsx", ExportKind::Admitted}};
    for (const auto& [path, kind] : routes) {
        const ExportKind k = kind;
        r.add("GET", path, options, [&context, k](Request& req) { return exportHandler(context, k, req); });
    }
    return r;
}

} // namespace tepei::server

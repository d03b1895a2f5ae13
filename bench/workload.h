#pragma once
// A realistic change log for the benchmarks: the 2024 campaign, then N applications, each created
// with a full form (about 2.3 KB of JSON), edited a few times, submitted and reviewed by its unit
// and its authority - the mix a season of the programme produces.

#include <string>
#include <tepei/model/fold/fold.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/ids.h>
#include <vector>

namespace tepei::bench {

struct Workload {
    std::vector<sync::Change> changes;
    std::size_t payloadBytes = 0;
};

inline sync::Change makeChange(const std::string& author, const std::string& site, std::int64_t wall,
                               const char* kind, const std::string& record, sync::ChangeOp op,
                               web::json::value payload)
{
    sync::Change c;
    c.id = sync::newUuid();
    c.author = author;
    c.site = site;
    c.hlc = sync::Hlc{wall, 0};
    c.recordKind = kind;
    c.recordId = record;
    c.op = op;
    c.payload = std::move(payload);
    return c;
}

// About `target` changes: 10 per application.
inline Workload makeWorkload(std::size_t target)
{
    Workload w;
    auto campaign = model::loadCampaign(std::string(TEPEI_DATA_DIR) + "/campaigns/2024.json").value();
    std::mt19937_64 rng{2024};
    std::int64_t wall = 1704067200000; // 2024-01-01
    model::Fold fold;
    auto add = [&](sync::Change c) {
        w.payloadBytes += c.payload.serialize().size();
        fold.apply(sync::ConfirmedChange{static_cast<std::int64_t>(w.changes.size()) + 1, c, {}});
        w.changes.push_back(std::move(c));
    };
    web::json::value definition = web::json::value::object();
    definition = model::campaignPayload(campaign);
    add(makeChange("centre", "site-centre", wall, model::kKindCampaign, campaign.id, sync::ChangeOp::Set,
                   definition));
    const std::size_t apps = std::max<std::size_t>(1, target / 10);
    for (std::size_t i = 0; i < apps; ++i) {
        const auto& allocation = campaign.allocations[i % campaign.allocations.size()];
        const std::string id = sync::newUuidString();
        const std::string user = "applicant-" + std::to_string(i);
        const std::string site = "site-" + std::to_string(i);
        auto fields = model::sampleApplication(
            rng, campaign, {allocation.authorityCode, "U" + std::to_string(i % 500), "内蒙古自治区某单位"});
        add(makeChange(user, site, ++wall, model::kKindApplication, id, sync::ChangeOp::Set,
                       model::toJson(fields)));
        for (int e = 0; e < 5; ++e) {
            web::json::value edit = web::json::value::object();
            edit["mobile"] = web::json::value::string("1390000" + std::to_string(1000 + e));
            add(makeChange(user, site, ++wall, model::kKindApplication, id, sync::ChangeOp::Set, edit));
        }
        auto command = [&](const std::string& who, const char* role, const char* name) {
            web::json::value args = web::json::value::object();
            args["name"] = web::json::value::string(name);
            args["role"] = web::json::value::string(role);
            args["digest"] =
                web::json::value::string(model::contentDigest(*model::findApplication(fold, id)));
            add(makeChange(who, "site-" + who, ++wall, model::kKindApplication, id, sync::ChangeOp::Command,
                           args));
        };
        command(user, "applicant", "submit");
        command("unit-" + std::to_string(i % 500), "unit_reviewer", "unit_approve");
        command("authority-" + allocation.authorityCode, "authority_reviewer", "authority_approve");
        command("authority-" + allocation.authorityCode, "authority_reviewer", "record_paper_receipt");
    }
    return w;
}

} // namespace tepei::bench

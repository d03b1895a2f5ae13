// tepei-admin campaign add / list (R-QUO-1, R-APP-7): campaign data enters the change log as a
// record of kind "campaign", like every other record, so that every replica folds the same numbers.
#include "admin_commands.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <tepei/model/fold/fold.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/sync/ids.h>
#include <utility>

namespace tepei::server::admin {

const std::string& adminSite()
{
    // Fixed for every installation: tepei-admin is one logical device of the system user.
    static const std::string site = "7e9e1a2c-0d6b-4c1e-9a57-ad0000000001";
    return site;
}

Result<OpenedLog> openLogForWriting(const AdminEnv& env)
{
    return openChangeLog(env.where, true, sync::systemWallClock());
}

sync::Change campaignChange(const model::Campaign& campaign, std::int64_t wallMs)
{
    sync::Change change;
    change.id = sync::newUuid();
    change.author = kAdminUser;
    change.site = adminSite();
    change.hlc = sync::Hlc{wallMs, 0};
    change.recordKind = model::kKindCampaign;
    change.recordId = campaign.id;
    change.op = sync::ChangeOp::Set;
    change.payload = web::json::value::object();
    change.payload = model::campaignPayload(campaign);
    return change;
}

Result<model::Campaign> readCampaignFile(const std::string& path)
{
    auto campaign = model::loadCampaign(path);
    if (!campaign) {
        const model::Reason& why = campaign.error();
        return Error{why.code,
                     "the campaign file " + path + " was not accepted: " + why.en + "\n  " + why.zh +
                         "\nFix the file and run the command again; nothing was added.",
                     "FILE"};
    }
    return std::move(campaign).value();
}

Status<> campaignAdd(AdminEnv& env)
{
    auto campaign = readCampaignFile(env.positional.at(0));
    if (!campaign) {
        return campaign.error();
    }
    auto writable = openLogForWriting(env);
    if (!writable) {
        return writable.error();
    }
    RecordLog& log = *writable->log;
    const auto [replaces, same] = log.read([&](const model::Fold& state) {
        const model::Campaign* before = model::findCampaign(state, campaign->id);
        return std::pair{before != nullptr, before && *before == *campaign};
    });
    if (same) {
        env.out << "campaign " << campaign->id
                << " is in the change log already with the same data; nothing added\n";
        return Ok{};
    }
    const auto now = sync::systemWallClock()();
    auto appended = log.appendTrusted({campaignChange(*campaign, std::max(now, log.now().wallMs))});
    if (!appended) {
        return appended.error();
    }
    const model::Appended& result = appended->front();
    if (!result.verdict.accepted) {
        return Error{result.verdict.reason.code,
                     "the change log refused campaign " + campaign->id + ": " + result.verdict.reason.en,
                     "FILE"};
    }
    env.out << (replaces ? "replaced" : "added") << " campaign " << campaign->id << " (" << campaign->title
            << "): deadline " << model::toString(campaign->deadline) << ", " << campaign->places
            << " places over " << campaign->allocations.size() << " authorities; change log seq "
            << result.seq << "\n";
    if (campaign->trainingUnits.empty()) {
        env.out << "warning: the campaign lists no training units (trainingUnits), so admissions are not "
                   "checked against a list; add them to the file and run campaign add again\n";
    }
    if (replaces) {
        env.out << "Clients see the new numbers after their next sync; rules apply them from seq "
                << result.seq << " on.\n";
    }
    return Ok{};
}

Status<> campaignList(AdminEnv& env)
{
    auto opened = openChangeLog(env.where, false, sync::systemWallClock());
    if (!opened) {
        return opened.error();
    }
    const std::string listing = opened->log->read([](const model::Fold& state) {
        std::map<std::string, int> applications;
        for (const auto& [id, app] : model::applications(state)) {
            ++applications[app.campaign];
        }
        std::string text;
        std::vector<const model::Campaign*> campaigns;
        for (const auto& [id, campaign] : model::campaigns(state)) {
            campaigns.push_back(&campaign);
        }
        std::sort(campaigns.begin(), campaigns.end(), [](auto* a, auto* b) { return a->id < b->id; });
        for (const model::Campaign* c : campaigns) {
            text += c->id + "\t" + std::to_string(c->year) + "\tdeadline " + model::toString(c->deadline) +
                    "\t" + std::to_string(c->places) + " places\t" + std::to_string(applications[c->id]) +
                    " applications\t" + c->title + "\n";
        }
        return text;
    });
    if (listing.empty()) {
        env.out << "no campaign in " << env.where.describe()
                << "; add one with: tepei-admin --data DIR campaign add data/campaigns/2024.json\n";
    }
    env.out << listing;
    return Ok{};
}

} // namespace tepei::server::admin

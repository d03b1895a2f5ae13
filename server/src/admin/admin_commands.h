#pragma once
// Internals of tepei-admin: what every command gets, and the commands that live outside admin.cpp
// (the command table). Commands return errors as values; adminMain prints them.

#include <filesystem>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <tepei/model/campaign/campaign.h>
#include <tepei/server/accounts/account_store.h>
#include <tepei/server/log/record_log.h>
#include <tepei/server/storage/storage.h>
#include <tepei/sync/change.h>
#include <vector>

namespace tepei::server::admin {

struct AdminEnv {
    AccountStore& store;
    StoreLocation where;                        // --data DIR, or --store postgresql://...
    std::map<std::string, std::string> options; // "--code" -> "C"
    std::set<std::string> flags;                // options without a value, e.g. "--force"
    std::vector<std::string> positional;
    std::ostream& out;
    std::ostream& err;

    std::string option(const std::string& name) const
    {
        auto it = options.find(name);
        return it == options.end() ? std::string() : it->second;
    }
    bool flag(const std::string& name) const { return flags.count(name) > 0; }
};

// The author of changes tepei-admin appends (campaigns, the demo's campaign): a system user id,
// not an account; and the stable site id of tepei-admin.
inline constexpr const char* kAdminUser = "admin";
const std::string& adminSite();

// The change log, opened for appending (on SQLite while this process holds the log lock: a
// running tepei-server holds it too, and the command then fails with "log_busy").
Result<OpenedLog> openLogForWriting(const AdminEnv& env);

// The change that publishes `campaign`: kind "campaign", record id = campaign id, op Set,
// payload {"definition": toJson(campaign)}, by kAdminUser from adminSite() at `wallMs`.
sync::Change campaignChange(const model::Campaign& campaign, std::int64_t wallMs);

// Loads and validates a campaign file; the error names the file and every bad field.
Result<model::Campaign> readCampaignFile(const std::string& path);

// `campaign add FILE`, `campaign list`, `demo [...]`.
Status<> campaignAdd(AdminEnv& env);
Status<> campaignList(AdminEnv& env);
Status<> seedDemo(AdminEnv& env);
// `store copy --from DIR --to postgresql://...` (admin_store.cpp).
Status<> storeCopy(AdminEnv& env);

} // namespace tepei::server::admin

// tepei-admin demo: seeds the demo data set of README.md (R-ORG-1, R-ORG-3, R-APP-1..8, R-QUO-1..3).
// Organisations and users go to tepei.db, the campaign and the applications to the change log.
#include "admin_commands.h"
#include "demo_plan.h"
#include "demo_story.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iomanip>
#include <map>
#include <tepei/model/fold/fold.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/reference/date.h>
#include <tepei/server/accounts/password.h>
#include <unistd.h>

namespace tepei::server::admin {

namespace {

struct DemoOptions {
    std::string campaignFile;
    int applicants = 200;
    std::uint64_t seed = 2024;
    std::string password = demo::kDefaultPassword;
    bool force = false;
    int rehearseDays = 0; // > 0: re-date the campaign so its deadline lies this many days ahead
};

Result<std::int64_t> wholeNumber(const AdminEnv& env, const std::string& name, std::int64_t fallback,
                                 std::int64_t min, std::int64_t max)
{
    const std::string text = env.option(name);
    if (text.empty()) {
        return fallback;
    }
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
        return Error{"usage",
                     name + " must be a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + " (got '" + text + "')",
                     name};
    }
    return value;
}

// The campaign file when --campaign is not given: the newest file of the installed data
// (/usr/share/tepei/campaigns next to the program) or of the source tree it was built from.
std::string defaultCampaignFile()
{
    std::vector<std::filesystem::path> dirs;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        dirs.push_back(exe.parent_path().parent_path() / "share/tepei/campaigns");
    }
#ifdef TEPEI_SOURCE_DATA_DIR
    dirs.push_back(std::filesystem::path(TEPEI_SOURCE_DATA_DIR) / "campaigns");
#endif
    for (const auto& dir : dirs) {
        std::vector<std::string> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            if (entry.path().extension() == ".json") {
                files.push_back(entry.path().string());
            }
        }
        if (!files.empty()) {
            return *std::max_element(files.begin(), files.end());
        }
    }
    return {};
}

Result<DemoOptions> demoOptions(const AdminEnv& env)
{
    DemoOptions o;
    auto applicants = wholeNumber(env, "--applicants", 200, 1, 5000);
    if (!applicants) {
        return applicants.error();
    }
    auto seed = wholeNumber(env, "--seed", 2024, 0, INT64_MAX);
    if (!seed) {
        return seed.error();
    }
    o.applicants = static_cast<int>(*applicants);
    o.seed = static_cast<std::uint64_t>(*seed);
    o.force = env.flag("--force");
    auto rehearse = wholeNumber(env, "--rehearse", 0, 0, 3650);
    if (!rehearse) {
        return rehearse.error();
    }
    o.rehearseDays = static_cast<int>(*rehearse);
    if (!env.option("--password").empty()) {
        o.password = env.option("--password");
    } else if (const char* p = std::getenv("TEPEI_PASSWORD"); p && *p) {
        o.password = p;
    }
    o.campaignFile = env.option("--campaign").empty() ? defaultCampaignFile() : env.option("--campaign");
    if (o.campaignFile.empty()) {
        return Error{"usage",
                     "no campaign data file found; give one with --campaign data/campaigns/2024.json",
                     "--campaign"};
    }
    return o;
}

// Adds the orgs and users that are not there yet, all or nothing per table. Counts what it added.
Status<> addAccounts(AccountStore& store, const std::vector<Org>& orgs, const std::vector<User>& users,
                     int& orgsAdded, int& usersAdded)
{
    std::vector<Org> newOrgs;
    for (const Org& o : orgs) {
        auto found = store.findOrg(o.code);
        if (!found) {
            return found.error();
        }
        if (!*found) {
            newOrgs.push_back(o);
        }
    }
    std::vector<User> newUsers;
    for (const User& u : users) {
        auto found = store.findUserByLogin(u.login);
        if (!found) {
            return found.error();
        }
        if (!*found) {
            newUsers.push_back(u);
        }
    }
    if (auto s = store.addOrgs(newOrgs); !s) {
        return s;
    }
    if (auto s = store.addUsers(newUsers); !s) {
        return s;
    }
    orgsAdded = static_cast<int>(newOrgs.size());
    usersAdded = static_cast<int>(newUsers.size());
    return Ok{};
}

// The campaign to seed against: the log's own if it has one with this id, else the file's,
// published now (before the applications, in the same batch).
model::Campaign campaignFor(const model::Fold& state, const model::Campaign& fromFile,
                            const model::Date& storyDeadline, std::vector<sync::Change>& batch,
                            model::Fold& folded)
{
    if (const model::Campaign* inLog = model::findCampaign(state, fromFile.id)) {
        return *inLog;
    }
    const auto deadlineMs = model::toDayNumber(storyDeadline) * 86'400'000LL;
    batch.push_back(campaignChange(fromFile, deadlineMs - 90LL * 86'400'000LL)); // published in the winter
    folded.apply(sync::ConfirmedChange{state.lastSeq() + 1, batch.back(), {}});
    return fromFile;
}

void printLogins(AdminEnv& env, const std::vector<demo::Applicant>& applicants, const std::string& password)
{
    env.out << "Logins (every demo user has the password " << password << "):\n"
            << "  centre               centre officer (内蒙古自治区人事人才公共服务中心)\n"
            << "  admin                system administrator\n"
            << "  authority-<code>     authority reviewer: authority-150100 (呼和浩特市), authority-D07 "
               "(内蒙古大学) …\n"
            << "  unit-<unit code>     unit reviewer: unit-150100-01 (呼和浩特市第一医院), unit-150400-01 …\n"
            << "  training-<name>      training unit officer: training-pku (北京大学), training-cau …\n";
    if (!applicants.empty()) {
        env.out << "  applicant-001 … " << applicants.back().login << "  applicants, numbered by authority\n";
    }
}

void printStates(AdminEnv& env, const std::vector<demo::Applicant>& applicants,
                 const demo::StoryWriter& writer)
{
    std::map<demo::Story, std::vector<const demo::Applicant*>> byStory;
    for (const auto& a : applicants) {
        byStory[a.story].push_back(&a);
    }
    env.out << "Applications (story, count, state, logins to try):\n";
    for (demo::Story story : demo::allStories()) {
        const auto& list = byStory[story];
        if (list.empty()) {
            continue;
        }
        const model::Application* app =
            model::findApplication(writer.state(), writer.recordId(*list.front()));
        std::string examples;
        for (std::size_t i = 0; i < list.size() && i < 3; ++i) {
            examples += (i ? ", " : "") + list[i]->login;
        }
        env.out << "  " << std::left << std::setw(20) << demo::toString(story) << std::right << std::setw(4)
                << list.size() << "  " << std::left << std::setw(20)
                << (app ? model::toString(app->state) : "?") << examples << "\n";
    }
}

Status<> refuseIfSeeded(const AdminEnv& env, bool force)
{
    auto existing = env.store.findUserByLogin("centre");
    if (!existing) {
        return existing.error();
    }
    if (*existing && !force) {
        return Error{"demo_exists",
                     env.where.describe() +
                         " holds demo data already (the user 'centre' exists). Use it as it is "
                         "(./scripts/demo.sh does), delete the directory to seed afresh, or add "
                         "--force to add only what is missing",
                     "--data"};
    }
    return Ok{};
}

// The demo users, after checking the password against the policy for every login. They share
// the password, so it is hashed once (a hash takes ~0.2 s by design, R-SEC-1).
Result<std::vector<User>> demoAccounts(const std::vector<Org>& orgs,
                                       const std::vector<demo::Applicant>& applicants,
                                       const std::string& password)
{
    const std::vector<User> unhashed = demo::demoUsers(orgs, applicants, "");
    for (const User& u : unhashed) {
        if (auto s = checkPasswordPolicy(password, u.login); !s) {
            return Error{s.error().code,
                         "the demo password does not suit " + u.login + ": " + s.error().message,
                         "--password"};
        }
    }
    auto hash = hashPassword(password);
    if (!hash) {
        return hash.error();
    }
    return demo::demoUsers(orgs, applicants, *hash);
}

// Writes every applicant's story into `batch`: places first, so that the over-quota approvals
// meet full allocations (R-QUO-2). Error "demo_inconsistent" when a verdict differs from the story.
Status<> writeStories(demo::StoryWriter& writer, const model::Campaign& campaign,
                      const std::vector<demo::Applicant>& applicants, std::vector<sync::Change>& batch)
{
    std::vector<std::string> surprises;
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& a : applicants) {
            const bool early = a.story != demo::Story::OverQuota && a.story != demo::Story::Ineligible;
            if (early == (pass == 0)) {
                auto found = writer.write(a, batch);
                surprises.insert(surprises.end(), found.begin(), found.end());
            }
        }
    }
    if (surprises.empty()) {
        return Ok{};
    }
    return Error{"demo_inconsistent",
                 "the demo data does not fit the rules of campaign " + campaign.id + " (" +
                     surprises.front() +
                     (surprises.size() > 1 ? "; and " + std::to_string(surprises.size() - 1) + " more" : "") +
                     "); nothing was added. Use a campaign file whose allocations name the recommending "
                     "authorities of the reference data",
                 "--campaign"};
}

struct SeedCounts {
    std::size_t orgs = 0;
    int orgsAdded = 0;
    std::size_t users = 0;
    int usersAdded = 0;
    std::size_t changes = 0;
    int appended = 0;
    int refused = 0;
};

void printSummary(AdminEnv& env, const model::Campaign& campaign, std::uint64_t seed, const SeedCounts& n,
                  std::int64_t ms)
{
    env.out << "Demo data in " << env.where.describe() << " (campaign " << campaign.id << ", seed " << seed
            << "), " << ms << " ms:\n"
            << "  " << n.orgs << " organisations (" << n.orgsAdded << " added): the centre, "
            << model::organisations().size() - 1
            << " recommending authorities, 2 work units each, 12 training units\n"
            << "  " << n.users << " users (" << n.usersAdded << " added)\n"
            << "  " << n.changes << " changes (" << n.appended << " appended, " << n.changes - n.appended
            << " already in the log), " << n.refused
            << " of them refused by the rules as the stories intend (over quota, ineligible)\n";
}

// A rehearsal of the campaign in the file: the same places, amounts, tiers and rules, re-dated so
// that its deadline lies `days` days after today, so that a demo can submit and review live
// (R-APP-7 refuses both after the deadline). Its id and title say that it is a rehearsal.
model::Campaign rehearsal(model::Campaign campaign, int days)
{
    const model::Date today = model::chinaDateOf(sync::systemWallClock()());
    const std::string fileYear = std::to_string(campaign.year);
    campaign.deadline = model::addDays(today, days);
    campaign.year = campaign.deadline.year;
    campaign.ageReferenceDate = model::Date{campaign.year, 1, 1};
    campaign.id = std::to_string(campaign.year) + "-rehearsal";
    if (const auto at = campaign.title.find(fileYear); at != std::string::npos)
        campaign.title.replace(at, fileYear.size(), std::to_string(campaign.year));
    campaign.title = "（演练）" + campaign.title;
    campaign.note = "Rehearsal of campaign " + fileYear +
                    " for demonstrations, re-dated by tepei-admin demo "
                    "--rehearse. " +
                    campaign.note;
    return campaign;
}

void printDeadlineNote(AdminEnv& env, const model::Campaign& campaign)
{
    if (campaign.deadline < model::chinaDateOf(sync::systemWallClock()())) {
        env.out
            << "Note: campaign " << campaign.id << "'s deadline " << model::toString(campaign.deadline)
            << " has passed, so new submissions and reviews are refused with the deadline reason (R-APP-7);\n"
            << "admission and later steps still work. To try reviews live, seed a fresh directory with a "
               "campaign file whose deadline lies ahead (--campaign FILE).\n";
    }
}

} // namespace

namespace {

// The deadline the stories are told as of: they happen in the weeks around it. A rehearsal's
// deadline lies ahead, so its stories are told as of one far enough back that even completions
// lie in the past.
model::Date demoStoryDeadline(const model::Campaign& file, const DemoOptions& options)
{
    if (options.rehearseDays > 0) {
        return model::addDays(model::chinaDateOf(sync::systemWallClock()()), -560);
    }
    return file.deadline;
}

// Appends the stories' changes, counting what was new and what the rules refused.
Status<> appendStories(RecordLog& log, const std::vector<sync::Change>& batch, SeedCounts& n)
{
    auto appended = log.appendTrusted(batch);
    if (!appended) {
        return appended.error();
    }
    for (const auto& a : *appended) {
        n.appended += a.duplicate ? 0 : 1;
        n.refused += !a.duplicate && !a.verdict.accepted ? 1 : 0;
    }
    return Ok{};
}

} // namespace

Status<> seedDemo(AdminEnv& env)
{
    const auto started = std::chrono::steady_clock::now();
    auto options = demoOptions(env);
    if (!options) {
        return options.error();
    }
    auto file = readCampaignFile(options->campaignFile);
    if (!file) {
        return file.error();
    }
    const model::Date storyDeadline = demoStoryDeadline(*file, *options);
    if (options->rehearseDays > 0) {
        file = rehearsal(std::move(file).value(), options->rehearseDays);
    }
    if (auto s = refuseIfSeeded(env, options->force); !s) {
        return s;
    }
    auto writable = openLogForWriting(env);
    if (!writable) {
        return writable.error();
    }
    RecordLog& log = *writable->log;
    const model::Fold state = log.read([](const model::Fold& f) { return f; });
    std::vector<sync::Change> batch;
    model::Fold withCampaign = state;
    const model::Campaign campaign = campaignFor(state, *file, storyDeadline, batch, withCampaign);
    const std::vector<Org> orgs = demo::demoOrgs(campaign);
    model::Campaign timeline = campaign;
    timeline.deadline = storyDeadline;
    const auto applicants = demo::planApplicants(campaign, orgs, options->applicants, options->seed);
    auto users = demoAccounts(orgs, applicants, options->password);
    if (!users) {
        return users.error();
    }
    const std::string runKey = "campaign/" + campaign.id + "/seed/" + std::to_string(options->seed) + "/n/" +
                               std::to_string(options->applicants);
    demo::StoryWriter writer(timeline, withCampaign, runKey);
    if (auto s = writeStories(writer, campaign, applicants, batch); !s) {
        return s;
    }
    SeedCounts n{orgs.size(), 0, users->size(), 0, batch.size(), 0, 0};
    if (auto s = addAccounts(env.store, orgs, *users, n.orgsAdded, n.usersAdded); !s) {
        return s;
    }
    if (auto s = appendStories(log, batch, n); !s) {
        return s;
    }
    printSummary(
        env, campaign, options->seed, n,
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
            .count());
    printStates(env, applicants, writer);
    printLogins(env, applicants, options->password);
    printDeadlineNote(env, campaign);
    return Ok{};
}

} // namespace tepei::server::admin

#pragma once
// Test support: builds changes as the devices of the programme's people would make them.

#include <filesystem>
#include <gtest/gtest.h>
#include <random>
#include <string>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/command/command.h>
#include <tepei/model/fold/fold.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/change.h>
#include <tepei/sync/ids.h>

namespace tepei::test {

inline model::Campaign campaign2024()
{
    auto campaign = model::loadCampaign(std::string(TEPEI_DATA_DIR) + "/campaigns/2024.json");
    EXPECT_TRUE(campaign.ok()) << (campaign.ok() ? "" : campaign.error().en);
    return campaign.ok() ? campaign.value() : model::Campaign{};
}

// The campaign with one authority's allocation set to `places` (the total follows).
inline model::Campaign withAllocation(model::Campaign campaign, const std::string& authority, int places)
{
    for (auto& allocation : campaign.allocations) {
        if (allocation.authorityCode == authority) {
            campaign.places += places - allocation.places;
            allocation.places = places;
        }
    }
    return campaign;
}

// A person on a device: stamps changes with its user id, site and a clock it advances, as the
// client does. The model's tests fold what it makes; tests/support's Actor pushes it to a server.
class Device {
public:
    Device(std::string user, std::string role, std::int64_t startMs = 1704067200000 /* 2024-01-01 */,
           std::string site = sync::newUuidString())
        : m_user(std::move(user)), m_role(std::move(role)), m_site(std::move(site)), m_wall(startMs)
    {}

    sync::Change set(const std::string& recordId, web::json::value fields,
                     const std::string& kind = model::kKindApplication)
    {
        return make(kind, recordId, sync::ChangeOp::Set, std::move(fields));
    }

    sync::Change command(const std::string& recordId, const std::string& name, web::json::value args = {},
                         const std::string& kind = model::kKindApplication)
    {
        model::Command command = model::Command::fromPayload(std::move(args));
        command.name = name;
        command.role = m_role;
        return make(kind, recordId, sync::ChangeOp::Command, command.toPayload());
    }

    sync::Change publishCampaign(const model::Campaign& campaign)
    {
        web::json::value payload = web::json::value::object();
        payload = model::campaignPayload(campaign);
        return make(model::kKindCampaign, campaign.id, sync::ChangeOp::Set, std::move(payload));
    }

    void setTime(std::int64_t wallMs) { m_wall = wallMs; }
    const std::string& user() const { return m_user; }
    const std::string& site() const { return m_site; }

private:
    sync::Change make(const std::string& kind, const std::string& recordId, sync::ChangeOp op,
                      web::json::value payload)
    {
        sync::Change change;
        change.id = sync::newUuid();
        change.author = m_user;
        change.site = m_site;
        change.hlc = sync::Hlc{m_wall += 1000, 0};
        change.recordKind = kind;
        change.recordId = recordId;
        change.op = op;
        change.payload = std::move(payload);
        return change;
    }

    std::string m_user;
    std::string m_role;
    std::string m_site;
    std::int64_t m_wall;
};

// Folds changes as a log in the given order, numbering them 1, 2, ...
class Log {
public:
    model::Verdict add(const sync::Change& change)
    {
        m_changes.push_back(
            sync::ConfirmedChange{static_cast<std::int64_t>(m_changes.size()) + 1, change, {}});
        return m_fold.apply(m_changes.back());
    }
    const model::Fold& fold() const { return m_fold; }
    const std::vector<sync::ConfirmedChange>& changes() const { return m_changes; }

private:
    model::Fold m_fold;
    std::vector<sync::ConfirmedChange> m_changes;
};

// A temporary folder for a store's file, and the shortest journey to store in it: the campaign
// published, one application filled and submitted.
class StoreFileTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = std::filesystem::temp_directory_path() / ("tepei-store-" + sync::newUuidString());
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    std::string path() const { return (m_dir / "replica.db").string(); }
    std::vector<sync::Change> journey()
    {
        std::mt19937_64 rng{11};
        auto fields = model::sampleApplication(rng, m_campaign, {"150100", "U1", "单位"});
        return {m_centre.publishCampaign(m_campaign), m_applicant.set("app-1", model::toJson(fields)),
                m_applicant.command("app-1", "submit")};
    }

    std::filesystem::path m_dir;
    model::Campaign m_campaign = campaign2024();
    Device m_centre{"centre", "centre_officer"};
    Device m_applicant{"applicant", "applicant"};
};

} // namespace tepei::test

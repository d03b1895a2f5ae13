#include "programme.h"

#include "sync_actor.h"

#include <array>
#include <chrono>
#include <fstream>
#include <gtest/gtest.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/ids.h>

namespace tepei::test {

void seedProgramme(TestServer& s, const std::string& password)
{
    const auto orgs = s.dir() / "programme-orgs.json";
    std::ofstream(orgs) << R"([{"code":"C00","kind":"centre","name":"自治区人事人才公共服务中心"},
        {"code":"150100","kind":"authority","name":"呼和浩特市","parent":"C00"},
        {"code":"150200","kind":"authority","name":"包头市","parent":"C00"},
        {"code":"W-HH-1","kind":"work_unit","name":"呼和浩特市第一医院","parent":"150100"},
        {"code":"W-BT-1","kind":"work_unit","name":"包头市农牧业科学研究院","parent":"150200"},
        {"code":"T-PKU","kind":"training_unit","name":"北京大学"}])";
    ASSERT_EQ(s.admin({"init"}), 0);
    ASSERT_EQ(s.admin({"org", "import", orgs.string()}), 0);
    const std::array<std::array<const char*, 3>, 9> users{{{"centre", "centre_officer", "C00"},
                                                           {"hh-authority", "authority_reviewer", "150100"},
                                                           {"bt-authority", "authority_reviewer", "150200"},
                                                           {"hh-unit", "unit_reviewer", "W-HH-1"},
                                                           {"bt-unit", "unit_reviewer", "W-BT-1"},
                                                           {"hh-applicant-1", "applicant", "W-HH-1"},
                                                           {"hh-applicant-2", "applicant", "W-HH-1"},
                                                           {"bt-applicant", "applicant", "W-BT-1"},
                                                           {"pku", "training_unit_officer", "T-PKU"}}};
    for (const auto& [login, role, org] : users) {
        ASSERT_EQ(s.admin({"user", "add", "--login", login, "--role", role, "--org", org, "--name", login},
                          password),
                  0);
    }
}

model::Campaign openCampaign2024()
{
    auto campaign = model::loadCampaign(std::string(TEPEI_DATA_DIR) + "/campaigns/2024.json").value();
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    campaign.deadline = model::addDays(model::chinaDateOf(now), 365);
    return campaign;
}

model::Campaign publishCampaign(const TestServer& s, const std::string& password, int hohhotPlaces)
{
    auto campaign = openCampaign2024();
    for (auto& a : campaign.allocations) {
        if (a.authorityCode == "150100") {
            campaign.places += hohhotPlaces - a.places;
            a.places = hohhotPlaces;
        }
    }
    Actor centre(s, "centre", password, "centre_officer");
    web::json::value definition = web::json::value::object();
    definition = model::campaignPayload(campaign);
    const auto reply = centre.push({centre.set(campaign.id, definition, model::kKindCampaign)});
    EXPECT_EQ(reply.results.size(), 1u);
    if (!reply.results.empty()) {
        EXPECT_EQ(reply.results[0].status, sync::PushResult::Status::Accepted) << reply.results[0].message;
    }
    return campaign;
}

void addSecondTrainingUnit(TestServer& server, const std::string& password)
{
    ASSERT_EQ(
        server.admin({"org", "add", "--code", "T-THU", "--kind", "training_unit", "--name", "清华大学"}), 0);
    ASSERT_EQ(server.admin({"user", "add", "--login", "thu", "--role", "training_unit_officer", "--org",
                            "T-THU", "--name", "thu"},
                           password),
              0);
}

std::vector<std::string> admitTrainees(const TestServer& server, const std::string& password,
                                       const model::Campaign& campaign, const std::string& login,
                                       std::uint64_t seed, int count, const std::string& trainingUnit)
{
    Actor applicant(server, login, password, "applicant");
    Actor unit(server, "hh-unit", password, "unit_reviewer");
    Actor authority(server, "hh-authority", password, "authority_reviewer");
    Actor centre(server, "centre", password, "centre_officer");
    std::mt19937_64 rng{seed};
    std::vector<std::string> ids;
    std::vector<sync::Change> applied, unitReviews, authorityReviews, admissions;
    for (int i = 0; i < count; ++i) {
        ids.push_back(sync::newUuidString());
        applied.push_back(applicant.set(ids.back(), model::toJson(model::sampleApplication(
                                                        rng, campaign, {"150100", "W-HH-1", "单位"}))));
        applied.push_back(applicant.command(ids.back(), "submit"));
    }
    const auto allAccepted = [](const sync::PushReply& reply, const char* step) {
        for (const sync::PushResult& r : reply.results)
            EXPECT_TRUE(r.status == sync::PushResult::Status::Accepted && r.verdict.accepted)
                << step << ": " << r.code << " " << r.message << " " << r.verdict.code;
    };
    allAccepted(applicant.push(applied), "submit");
    unit.sync();
    for (const std::string& id : ids)
        unitReviews.push_back(unit.review(id, "unit_approve"));
    allAccepted(unit.push(unitReviews), "unit_approve");
    authority.sync();
    for (const std::string& id : ids)
        authorityReviews.push_back(authority.review(id, "authority_approve"));
    allAccepted(authority.push(authorityReviews), "authority_approve");
    centre.sync();
    web::json::value admit = web::json::value::object();
    admit["training_unit"] = web::json::value::string(trainingUnit);
    admit["major"] = web::json::value::string("草业科学");
    admit["start"] = web::json::value::string("2024-09-01");
    for (const std::string& id : ids)
        admissions.push_back(centre.command(id, "admit", admit));
    allAccepted(centre.push(admissions), "admit");
    return ids;
}

} // namespace tepei::test

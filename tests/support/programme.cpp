#include "programme.h"

#include "sync_actor.h"

#include <array>
#include <chrono>
#include <fstream>
#include <gtest/gtest.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>

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

} // namespace tepei::test

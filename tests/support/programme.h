#pragma once
// A small programme on a test server: the centre, two recommending authorities (呼和浩特市
// 150100, 包头市 150200) with a work unit each, a training unit, and a person in every role.

#include "server_fixture.h"

#include <string>
#include <tepei/model/campaign/campaign.h>
#include <vector>

namespace tepei::test {

// Logins: centre, hh-authority, bt-authority, hh-unit, bt-unit, hh-applicant-1, hh-applicant-2,
// bt-applicant, pku (training unit T-PKU). Work units W-HH-1 (under 150100), W-BT-1 (150200).
void seedProgramme(TestServer& server, const std::string& password);

// A second training unit, T-THU (清华大学), with its officer "thu": who must see nothing of T-PKU's
// trainees. Before the server starts.
void addSecondTrainingUnit(TestServer& server, const std::string& password);

// The 2024 campaign's data, its deadline moved a year past today: the server stamps on every change
// the real time it received it (R-APP-7), so that is when the devices' February 2024 actions reach
// it, and they must reach it before the deadline.
model::Campaign openCampaign2024();

// The centre publishes the 2024 campaign (openCampaign2024) with `hohhotPlaces` places for 150100 (the total
// follows); the server must be running. Returns the campaign as published.
model::Campaign publishCampaign(const TestServer& server, const std::string& password, int hohhotPlaces);

// `count` applications of `login` (呼和浩特市, W-HH-1, sample forms from `seed`) submitted and
// approved by hh-unit and hh-authority, then admitted by the centre to `trainingUnit` from
// 2024-09-01, each step in one push. Returns their ids; fails the current test when a step is
// refused (the campaign must leave 150100 the places).
std::vector<std::string> admitTrainees(const TestServer& server, const std::string& password,
                                       const model::Campaign& campaign, const std::string& login,
                                       std::uint64_t seed, int count,
                                       const std::string& trainingUnit = "T-PKU");
inline std::string admitTrainee(const TestServer& server, const std::string& password,
                                const model::Campaign& campaign, const std::string& login, std::uint64_t seed)
{
    return admitTrainees(server, password, campaign, login, seed, 1).front();
}

} // namespace tepei::test

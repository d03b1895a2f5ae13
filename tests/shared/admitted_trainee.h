#pragma once
// A log in which one trainee has been admitted to T-PKU from work unit U001, with a device of each
// party (the centre, the trainee, the work unit, the authority, the training unit): the start of
// every test of what follows admission (leave, funding, disqualification).
#include "log_builder.h"

#include <tepei/model/kinds/application/application_kind.h>

namespace tepei::test {

// A trainee admitted to T-PKU on 2024-09-01 from work unit U001.
struct AdmittedTrainee {
    model::Campaign campaign = test::campaign2024();
    test::Device centre{"centre-1", "centre_officer"};
    test::Device trainee{"applicant-1", "applicant"};
    test::Device unit{"unit-1", "unit_reviewer"};
    test::Device authority{"authority-1", "authority_reviewer"};
    test::Device school{"pku-1", "training_unit_officer"};
    test::Log log;
    std::string app = "app-1";

    AdmittedTrainee()
    {
        std::mt19937_64 rng{7};
        const std::string authorityCode = campaign.allocations.front().authorityCode;
        EXPECT_TRUE(log.add(centre.publishCampaign(campaign)).accepted);
        EXPECT_TRUE(log.add(trainee.set(app, model::toJson(model::sampleApplication(
                                                 rng, campaign, {authorityCode, "U001", "测试单位"}))))
                        .accepted);
        EXPECT_TRUE(log.add(trainee.command(app, "submit")).accepted);
        EXPECT_TRUE(review(unit, "unit_approve").accepted);
        EXPECT_TRUE(review(authority, "authority_approve").accepted);
        web::json::value admit = web::json::value::object();
        admit["training_unit"] = web::json::value::string("T-PKU");
        admit["major"] = web::json::value::string("草业科学");
        admit["start"] = web::json::value::string("2024-09-01");
        EXPECT_TRUE(log.add(centre.command(app, "admit", admit)).accepted);
    }
    model::Verdict review(test::Device& who, const std::string& action)
    {
        web::json::value args = web::json::value::object();
        args["digest"] =
            web::json::value::string(model::contentDigest(*model::findApplication(log.fold(), app)));
        return log.add(who.command(app, action, args));
    }
};

} // namespace tepei::test

#pragma once
// Test support: an applicant's application through the unit's approval, in one log, with the
// centre, the work unit and the authority as devices (the model's fold tests).
#include "log_builder.h"

#include <tepei/model/form/form.h>

namespace tepei::test {

inline web::json::value fieldsJson(const model::FieldMap& fields)
{
    return model::toJson(fields);
}

struct Journey {
    model::Campaign campaign = test::campaign2024();
    Device centre{"centre-1", "centre_officer"};
    Device applicant{"applicant-1", "applicant"};
    Device unit{"unit-1", "unit_reviewer"};
    Device authority{"authority-1", "authority_reviewer"};
    Log log;
    std::mt19937_64 rng{7};
    std::string authorityCode = campaign.allocations.front().authorityCode;

    Journey() { EXPECT_TRUE(log.add(centre.publishCampaign(campaign)).accepted); }

    std::string create(const std::string& id)
    {
        auto fields = model::sampleApplication(rng, campaign, {authorityCode, "U001", "测试单位"});
        EXPECT_TRUE(log.add(applicant.set(id, fieldsJson(fields))).accepted);
        return id;
    }
    std::string digest(const std::string& id) const
    {
        return model::contentDigest(*model::findApplication(log.fold(), id));
    }
    model::Verdict review(Device& who, const std::string& id, const std::string& action,
                          std::string comment = {})
    {
        web::json::value args = web::json::value::object();
        args["digest"] = web::json::value::string(digest(id));
        if (!comment.empty())
            args["comment"] = web::json::value::string(comment);
        return log.add(who.command(id, action, args));
    }
    void toUnitApproved(const std::string& id)
    {
        const model::Verdict submitted = log.add(applicant.command(id, "submit"));
        ASSERT_TRUE(submitted.accepted) << submitted.reason.code << ": " << submitted.reason.en;
        const model::Verdict approved = review(unit, id, "unit_approve");
        ASSERT_TRUE(approved.accepted) << approved.reason.code << ": " << approved.reason.en;
    }
    model::AppState state(const std::string& id) const
    {
        return model::findApplication(log.fold(), id)->state;
    }
};

} // namespace tepei::test

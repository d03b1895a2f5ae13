// Leave requests in the fold (R-LV-1..3, R-SYNC-2): the tier by length, who decides in which order,
// decisions on a version of the request, filing (备案), interruption of the training, the return.
#include "admitted_trainee.h"

#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/leave/leave_kind.h>

namespace {

using namespace tepei;
using model::LeaveParty;
using test::Device;
using test::Log;

// The admitted trainee of admitted_trainee.h, and the three parties of a leave.
struct Training : test::AdmittedTrainee {
    sync::Change request(Device& who, const std::string& id, const std::string& start, const std::string& end,
                         const std::string& type = "sick")
    {
        web::json::value f = web::json::value::object();
        f[model::kLeaveApplication] = web::json::value::string(app);
        f[model::kLeaveType] = web::json::value::string(type);
        f[model::kLeaveStart] = web::json::value::string(start);
        f[model::kLeaveEnd] = web::json::value::string(end);
        f[model::kLeaveReason] = web::json::value::string("急性阑尾炎住院手术");
        return who.set(id, f, model::kKindLeave);
    }
    model::Verdict file(const std::string& id, const std::string& start, const std::string& end)
    {
        return log.add(request(trainee, id, start, end));
    }
    const model::LeaveRequest& leave(const std::string& id) const
    {
        return *model::findLeave(log.fold(), id);
    }
    // A decision as `who` made it having seen the request as it is now in the log.
    sync::Change decision(Device& who, const std::string& id, const char* name,
                          const std::string& opinion = {})
    {
        web::json::value args = web::json::value::object();
        args["digest"] = web::json::value::string(model::leaveDigest(leave(id)));
        if (!opinion.empty())
            args["comment"] = web::json::value::string(opinion);
        return who.command(id, name, args, model::kKindLeave);
    }
    model::Verdict decide(Device& who, const std::string& id, const char* name,
                          const std::string& opinion = {})
    {
        return log.add(decision(who, id, name, opinion));
    }
    std::vector<LeaveParty> awaiting(const std::string& id) const
    {
        return model::awaitingParties(log.fold(), leave(id));
    }
};

TEST(RLv2_Leave, TheLengthInCalendarDaysPicksTheTierAtEveryBoundary)
{
    Training t;
    const std::vector<std::tuple<std::string, std::string, int, std::vector<LeaveParty>>> cases{
        {"2024-10-08", "2024-10-10", 3, {LeaveParty::TrainingUnit}},
        {"2024-10-08", "2024-10-11", 4, {LeaveParty::TrainingUnit}},
        {"2024-10-08", "2024-10-17", 10, {LeaveParty::TrainingUnit}},
        {"2024-10-08", "2024-10-18", 11, {LeaveParty::WorkUnit, LeaveParty::TrainingUnit}},
        {"2024-10-08", "2024-11-06", 30, {LeaveParty::WorkUnit, LeaveParty::TrainingUnit}},
        {"2024-10-08", "2024-11-07", 31, {LeaveParty::Centre}},
        {"2024-09-28", "2024-10-03", 6, {LeaveParty::TrainingUnit}}, // across a month end
    };
    int n = 0;
    for (const auto& [start, end, days, first] : cases) {
        const std::string id = "leave-" + std::to_string(++n);
        ASSERT_TRUE(t.file(id, start, end).accepted) << start << ".." << end;
        EXPECT_EQ(model::leavePathOf(t.log.fold(), t.leave(id))->days, days) << start << ".." << end;
        EXPECT_EQ(t.awaiting(id), first) << start << ".." << end;
    }
    const auto tier = [&](int i) {
        return model::leavePathOf(t.log.fold(), t.leave("leave-" + std::to_string(i)));
    };
    EXPECT_TRUE(tier(1)->notified.empty());
    EXPECT_EQ(tier(2)->notified, (std::vector<LeaveParty>{LeaveParty::WorkUnit, LeaveParty::Centre}));
    EXPECT_TRUE(tier(6)->interruptsTraining);
    EXPECT_FALSE(tier(5)->interruptsTraining);
}

TEST(RLv1_Leave, OnlySickOrPersonalLeaveOfATraineeInTrainingWithItsDatesInOrder)
{
    Training t;
    EXPECT_EQ(t.log.add(t.request(t.trainee, "l1", "2024-10-08", "2024-10-09", "vacation")).reason.code,
              "leave_kind_not_allowed");
    EXPECT_EQ(t.file("l2", "2024-10-09", "2024-10-08").reason.code, "leave_end_before_start");
    EXPECT_EQ(model::findLeave(t.log.fold(), "l2"), nullptr); // a refused request is not filed
    web::json::value other = web::json::value::object();
    other[model::kLeaveApplication] = web::json::value::string("no-such-application");
    other[model::kLeaveType] = web::json::value::string("personal");
    EXPECT_EQ(t.log.add(t.trainee.set("l3", other, model::kKindLeave)).reason.code, "leave_not_in_training");
    // The training unit files on the trainee's behalf: the request is still the trainee's.
    ASSERT_TRUE(t.log.add(t.request(t.school, "l4", "2024-10-08", "2024-10-09")).accepted);
    EXPECT_EQ(t.leave("l4").owner, "applicant-1");
    EXPECT_EQ(t.leave("l4").trainingUnit, "T-PKU");
    EXPECT_EQ(t.leave("l4").workUnit, "U001");
}

TEST(RLv2_Leave, UpToThreeDaysTheTrainingUnitAloneDecides)
{
    Training t;
    ASSERT_TRUE(t.file("l", "2024-10-08", "2024-10-10").accepted);
    const auto wrongParty = t.decide(t.unit, "l", model::kLeaveApprove, "同意");
    EXPECT_EQ(wrongParty.reason.code, "leave_party_not_required");
    EXPECT_NE(wrongParty.reason.zh.find("培养单位"), std::string::npos) << wrongParty.reason.zh;
    ASSERT_TRUE(t.decide(t.school, "l", model::kLeaveApprove).accepted); // no writing needed
    EXPECT_EQ(t.leave("l").status, model::LeaveStatus::Approved);
    EXPECT_TRUE(t.awaiting("l").empty());
    EXPECT_TRUE(model::pendingFilings(t.log.fold(), t.leave("l")).empty());
}

TEST(RLv2_Leave, FourToTenDaysTheTrainingUnitApprovesInWritingAndTheOthersFileIt)
{
    Training t;
    ASSERT_TRUE(t.file("l", "2024-10-08", "2024-10-15").accepted);
    EXPECT_EQ(t.decide(t.school, "l", model::kLeaveApprove).reason.code, "comment_required");
    EXPECT_EQ(t.decide(t.unit, "l", model::kLeaveAcknowledge).reason.code, "leave_not_approved");
    ASSERT_TRUE(t.decide(t.school, "l", model::kLeaveApprove, "同意请假，注意休息").accepted);
    EXPECT_EQ(model::pendingFilings(t.log.fold(), t.leave("l")),
              (std::vector<LeaveParty>{LeaveParty::WorkUnit, LeaveParty::Centre}));
    ASSERT_TRUE(t.decide(t.unit, "l", model::kLeaveAcknowledge).accepted);
    EXPECT_EQ(t.decide(t.unit, "l", model::kLeaveAcknowledge).reason.code, "leave_already_filed");
    ASSERT_TRUE(t.decide(t.centre, "l", model::kLeaveAcknowledge).accepted);
    EXPECT_TRUE(model::pendingFilings(t.log.fold(), t.leave("l")).empty());
}

TEST(RLv2_Leave, ElevenToThirtyDaysBothUnitsAgreeInEitherOrderThenTheCentre)
{
    for (const bool schoolFirst : {true, false}) {
        Training t;
        ASSERT_TRUE(t.file("l", "2024-10-08", "2024-10-25").accepted);
        EXPECT_EQ(t.decide(t.centre, "l", model::kLeaveApprove, "同意").reason.code, "leave_not_yet");
        // Both decide offline, having seen the same request; both stand, in either order.
        const auto bySchool = t.decision(t.school, "l", model::kLeaveApprove, "同意，课程由导师安排补上");
        const auto byUnit = t.decision(t.unit, "l", model::kLeaveApprove, "同意");
        ASSERT_TRUE(t.log.add(schoolFirst ? bySchool : byUnit).accepted);
        EXPECT_EQ(t.awaiting("l"),
                  (std::vector<LeaveParty>{schoolFirst ? LeaveParty::WorkUnit : LeaveParty::TrainingUnit}));
        ASSERT_TRUE(t.log.add(schoolFirst ? byUnit : bySchool).accepted);
        EXPECT_EQ(t.awaiting("l"), (std::vector<LeaveParty>{LeaveParty::Centre}));
        EXPECT_EQ(t.decide(t.school, "l", model::kLeaveApprove, "again").reason.code,
                  "leave_already_decided");
        ASSERT_TRUE(t.decide(t.centre, "l", model::kLeaveApprove, "同意").accepted);
        EXPECT_EQ(t.leave("l").status, model::LeaveStatus::Approved);
        EXPECT_EQ(t.leave("l").decisions.size(), 3u);
    }
}

TEST(RLv2_Leave, ARefusalByAnyRequiredPartyEndsTheRequestWithItsOpinion)
{
    Training t;
    ASSERT_TRUE(t.file("l", "2024-10-08", "2024-10-25").accepted);
    EXPECT_EQ(t.decide(t.unit, "l", model::kLeaveRefuse).reason.code, "comment_required");
    ASSERT_TRUE(t.decide(t.unit, "l", model::kLeaveRefuse, "单位工作繁忙，请调整时间").accepted);
    EXPECT_EQ(t.leave("l").status, model::LeaveStatus::Refused);
    EXPECT_EQ(t.leave("l").decisions.back().comment, "单位工作繁忙，请调整时间");
    EXPECT_EQ(t.decide(t.school, "l", model::kLeaveApprove, "同意").reason.code, "leave_closed");
    EXPECT_TRUE(t.awaiting("l").empty());
}

TEST(RSync2_Leave, ADecisionOnARequestChangedSinceIsStaleAndEditsStopAtTheFirstDecision)
{
    Training t;
    ASSERT_TRUE(t.file("l", "2024-10-08", "2024-10-09").accepted);
    const auto seenBefore = t.decision(t.school, "l", model::kLeaveApprove);
    web::json::value later = web::json::value::object();
    later[model::kLeaveEnd] = web::json::value::string("2024-10-10");
    ASSERT_TRUE(t.log.add(t.trainee.set("l", later, model::kKindLeave)).accepted); // the trainee edits
    EXPECT_EQ(t.log.add(seenBefore).reason.code, "stale");
    ASSERT_TRUE(t.decide(t.school, "l", model::kLeaveApprove).accepted);
    later[model::kLeaveEnd] = web::json::value::string("2024-10-12");
    EXPECT_EQ(t.log.add(t.trainee.set("l", later, model::kKindLeave)).reason.code, "leave_decided");
    EXPECT_EQ(t.log.add(t.trainee.command("l", model::kLeaveWithdraw, {}, model::kKindLeave)).reason.code,
              "leave_closed");
    EXPECT_EQ(model::toString(t.leave("l").end), "2024-10-10");
}

TEST(RLv2_Leave, ARequestIsWithdrawnOnlyBeforeItsFirstDecision)
{
    Training t;
    ASSERT_TRUE(t.file("a", "2024-10-08", "2024-10-25").accepted);
    ASSERT_TRUE(t.log.add(t.trainee.command("a", model::kLeaveWithdraw, {}, model::kKindLeave)).accepted);
    EXPECT_EQ(t.leave("a").status, model::LeaveStatus::Withdrawn);
    ASSERT_TRUE(t.file("b", "2024-10-08", "2024-10-25").accepted);
    ASSERT_TRUE(t.decide(t.unit, "b", model::kLeaveApprove, "同意").accepted);
    EXPECT_EQ(t.log.add(t.trainee.command("b", model::kLeaveWithdraw, {}, model::kKindLeave)).reason.code,
              "leave_decided");
}

TEST(RLv2_Leave, OverThirtyDaysOnlyTheCentreDecidesAndTheTrainingIsInterrupted)
{
    Training t;
    ASSERT_TRUE(t.file("l", "2024-10-08", "2024-11-30").accepted);
    EXPECT_EQ(t.decide(t.school, "l", model::kLeaveApprove, "同意").reason.code, "leave_party_not_required");
    EXPECT_FALSE(model::interruptsTraining(t.log.fold(), t.leave("l"))); // not before it is approved
    ASSERT_TRUE(t.decide(t.centre, "l", model::kLeaveApprove, "同意，中断培养").accepted);
    EXPECT_EQ(model::leavePathOf(t.log.fold(), t.leave("l"))->days, 54);
    EXPECT_TRUE(model::interruptsTraining(t.log.fold(), t.leave("l")));
    // The centre interrupts the application with it (a change of the application record).
    ASSERT_TRUE(t.log.add(t.centre.command(t.app, "interrupt")).accepted);
    EXPECT_EQ(model::findApplication(t.log.fold(), t.app)->state, model::AppState::Interrupted);
    // No completion assessment follows an interruption.
    EXPECT_FALSE(t.log.add(t.centre.command(t.app, "complete")).accepted);
    // A new leave needs a trainee in training.
    EXPECT_EQ(t.file("again", "2024-12-01", "2024-12-02").reason.code, "leave_not_in_training");
}

TEST(RLv3_Leave, TheTrainingUnitConfirmsTheReturnAndALateOneIsFlagged)
{
    Training t;
    ASSERT_TRUE(t.file("l", "2024-10-08", "2024-10-15").accepted);
    web::json::value back = web::json::value::object();
    back[model::kArgReturned] = web::json::value::string("2024-10-17");
    EXPECT_EQ(t.log.add(t.school.command("l", model::kLeaveReturn, back, model::kKindLeave)).reason.code,
              "leave_not_approved");
    ASSERT_TRUE(t.decide(t.school, "l", model::kLeaveApprove, "同意").accepted);
    EXPECT_EQ(t.log.add(t.trainee.command("l", model::kLeaveReturn, back, model::kKindLeave)).reason.code,
              "role_not_permitted");
    ASSERT_TRUE(t.log.add(t.school.command("l", model::kLeaveReturn, back, model::kKindLeave)).accepted);
    EXPECT_EQ(t.leave("l").status, model::LeaveStatus::Returned);
    EXPECT_EQ(t.leave("l").daysAway, 10);
    EXPECT_TRUE(t.leave("l").lateReturn);
}

TEST(RSync2_Leave, EveryReplicaFoldsTheSameLogToTheSameState)
{
    Training t;
    ASSERT_TRUE(t.file("l", "2024-10-08", "2024-10-25").accepted);
    t.decide(t.unit, "l", model::kLeaveApprove, "同意");
    t.decide(t.school, "l", model::kLeaveApprove, "同意");
    t.decide(t.centre, "l", model::kLeaveApprove, "同意");
    model::Fold again;
    for (const auto& c : t.log.changes())
        again.apply(c);
    EXPECT_EQ(again.canonicalState(), t.log.fold().canonicalState());
    EXPECT_NE(t.log.fold().canonicalState().find("leave l "), std::string::npos);
}

} // namespace

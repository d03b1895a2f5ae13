#include "demo_story.h"

#include <array>
#include <tepei/model/command/command.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/funding/disbursement.h>
#include <tepei/model/reference/date.h>

namespace tepei::server::demo {

using model::AppAction;
using model::Role;

namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kHourMs = 3'600'000;

constexpr std::array<const char*, 4> kUnitComments{
    "请补充近三年主要业绩的佐证材料后重新提交。",
    "学习计划过于简略，请具体说明培养目标、阶段安排和预期成果。",
    "工作经历时间不连续，请核实后补充完整。",
    "职称证书扫描件不清晰，请重新上传并核对取得时间。",
};
constexpr std::array<const char*, 4> kAuthorityOpinions{
    "所选培养方向与本地区重点领域衔接不够，请与单位沟通后调整培养方向。",
    "申报表个人信息与身份证件不一致，请核对后重新提交。",
    "请补充单位推荐意见并加盖公章后重新提交。",
    "近五年获奖情况填写不完整，请补充证明材料。",
};

web::json::value text(const std::string& value)
{
    return web::json::value::string(value);
}

web::json::value commentArgs(const char* comment)
{
    model::Command command;
    command.comment = comment;
    return command.toPayload();
}

std::string formText(const model::FieldMap& form, const std::string& field)
{
    const auto it = form.find(field);
    return it != form.end() && it->second.is_string() ? it->second.as_string() : std::string();
}

} // namespace

struct StoryWriter::Scene {
    const Applicant& applicant;
    std::string record;
    model::Date day; // China date of the next action
    int step = 0;
    std::vector<sync::Change>& out;
    std::vector<std::string>& surprises;
};

StoryWriter::StoryWriter(model::Campaign campaign, model::Fold state, std::string runKey)
    : m_campaign(std::move(campaign)), m_fold(std::move(state)), m_runKey(std::move(runKey)),
      m_seq(m_fold.lastSeq())
{}

std::string StoryWriter::recordId(const Applicant& applicant) const
{
    return stableUuidString(m_runKey + "/application/" + std::to_string(applicant.number));
}

std::vector<std::string> StoryWriter::write(const Applicant& applicant, std::vector<sync::Change>& out)
{
    std::vector<std::string> surprises;
    // Forms are started six to four and a half weeks before the deadline, reviews follow within days.
    Scene scene{applicant,
                recordId(applicant),
                model::addDays(m_campaign.deadline, -45 + applicant.number % 14),
                0,
                out,
                surprises};
    edit(scene, model::toJson(applicant.form), 0);
    reviewUntil(scene, applicant.story);
    admitAndAfter(scene, applicant.story);
    return surprises;
}

void StoryWriter::edit(Scene& scene, web::json::value fields, int afterDays)
{
    scene.day = model::addDays(scene.day, afterDays);
    emit(scene, Actor{scene.applicant.login, Role::Applicant}, sync::ChangeOp::Set, std::move(fields), "edit",
         true);
}

void StoryWriter::act(Scene& scene, const Actor& actor, AppAction action, int afterDays,
                      web::json::value args, bool expectAccepted)
{
    scene.day = model::addDays(scene.day, afterDays);
    model::Command command = model::Command::fromPayload(std::move(args));
    command.name = model::toString(action);
    command.role = model::toString(actor.role);
    if (model::requiresDigest(action)) {
        // What the reviewer saw: the content as folded so far.
        const model::Application* app = model::findApplication(m_fold, scene.record);
        command.digest = app ? model::contentDigest(*app) : std::string();
    }
    emit(scene, actor, sync::ChangeOp::Command, command.toPayload(), model::toString(action), expectAccepted);
}

void StoryWriter::emit(Scene& scene, const Actor& actor, sync::ChangeOp op, web::json::value payload,
                       const std::string& what, bool expectAccepted, const std::string& kind,
                       const std::string& recordId)
{
    sync::Change change;
    change.id = stableUuid(m_runKey + "/" + std::to_string(scene.applicant.number) + "/" +
                           std::to_string(scene.step));
    change.author = userIdOf(actor.login);
    change.site = stableUuidString("site/" + actor.login);
    // Office hours in China (UTC+8): 09:00 to 15:00, one minute apart per step.
    change.hlc = sync::Hlc{model::toDayNumber(scene.day) * kDayMs +
                               (1 + scene.applicant.number % 7) * kHourMs + scene.step * 60'000,
                           0};
    change.recordKind = kind.empty() ? model::kKindApplication : kind;
    change.recordId = recordId.empty() ? scene.record : recordId;
    change.op = op;
    change.payload = std::move(payload);
    ++scene.step;
    const model::Verdict verdict = m_fold.apply(sync::ConfirmedChange{++m_seq, change, {}});
    if (verdict.accepted != expectAccepted) {
        scene.surprises.push_back(scene.applicant.login + " " + what + ": " +
                                  (verdict.accepted
                                       ? "accepted, but the story expected a refusal"
                                       : "refused (" + verdict.reason.code + ": " + verdict.reason.en + ")"));
    }
    scene.out.push_back(std::move(change));
}

void StoryWriter::reviewUntil(Scene& scene, Story story)
{
    const Applicant& a = scene.applicant;
    const Actor applicant{a.login, Role::Applicant};
    const Actor unit{"unit-" + a.unitCode, Role::UnitReviewer};
    const Actor authority{"authority-" + a.authority, Role::AuthorityReviewer};
    const auto pick = [&](const auto& list) {
        return list[static_cast<std::size_t>(a.number) % list.size()];
    };
    if (story == Story::Draft) {
        return;
    }
    act(scene, applicant, AppAction::Submit, 2, web::json::value::object(), story != Story::Ineligible);
    if (story == Story::Ineligible || story == Story::Submitted) {
        return;
    }
    if (story == Story::Withdrawn) {
        return act(scene, applicant, AppAction::Withdraw, 4);
    }
    if (story == Story::UnitReturned) {
        return act(scene, unit, AppAction::UnitReturn, 3, commentArgs(pick(kUnitComments)));
    }
    if (story == Story::Resubmitted) {
        act(scene, unit, AppAction::UnitReturn, 3, commentArgs(kUnitComments[1]));
        web::json::value plan = web::json::value::object();
        plan["study_plan"] =
            text(formText(a.form, "study_plan") + "（已按单位意见补充：细化各阶段学习目标和考核方式。）");
        edit(scene, std::move(plan), 2);
        act(scene, applicant, AppAction::Submit, 1);
    }
    act(scene, unit, AppAction::UnitApprove, story == Story::Resubmitted ? 2 : 3);
    if (story == Story::UnitApproved || story == Story::Resubmitted) {
        return;
    }
    if (story == Story::AuthorityReturned) {
        return act(scene, authority, AppAction::AuthorityReturn, 5, commentArgs(pick(kAuthorityOpinions)));
    }
    act(scene, authority, AppAction::AuthorityApprove, 5, web::json::value::object(),
        story != Story::OverQuota);
    if (story == Story::OverQuota || story == Story::AuthorityApproved) {
        return;
    }
    act(scene, Actor{"centre", Role::CentreOfficer}, AppAction::RecordPaperReceipt, 3);
}

void StoryWriter::payFor(Scene& scene, const model::Date& start, int months)
{
    const Actor centre{"centre", Role::CentreOfficer};
    const auto pay = [&](model::FundingItem item, std::int64_t fen, const model::Date& day,
                         const std::string& note) {
        scene.day = day;
        const std::string id = stableUuidString(m_runKey + "/pay/" + std::to_string(scene.applicant.number) +
                                                "/" + std::to_string(scene.step));
        emit(scene, centre, sync::ChangeOp::Set,
             model::disbursementPayload(scene.record, model::toString(item), fen, model::toString(day), note),
             "pays", true, model::kKindDisbursement, id);
    };
    const std::int64_t halfYear = m_campaign.tuitionHousingPerYearFen / 2;
    pay(model::FundingItem::TuitionHousing, halfYear, model::addDays(start, 1), "上半年学费和住宿费");
    pay(model::FundingItem::ManagementFee, m_campaign.managementFeePerYearFen, model::addDays(start, 1),
        "学员管理费（全年）");
    for (int m = 0; m < months; ++m) {
        const model::Date month = model::addMonths(start, m);
        if (m == m_campaign.trainingPeriodMonths / 2)
            pay(model::FundingItem::TuitionHousing, m_campaign.tuitionHousingPerYearFen - halfYear,
                model::addDays(month, 1), "下半年学费和住宿费");
        pay(model::FundingItem::LivingAllowance, m_campaign.livingAllowancePerMonthFen,
            model::addDays(month, 4),
            std::to_string(month.year) + " 年 " + std::to_string(month.month) + " 月生活补贴");
    }
}

void StoryWriter::admitAndAfter(Scene& scene, Story story)
{
    if (story != Story::Admitted && story != Story::Interrupted && story != Story::Disqualified &&
        story != Story::Completed) {
        return;
    }
    const Applicant& a = scene.applicant;
    const Actor centre{"centre", Role::CentreOfficer};
    // Admission some six weeks after the deadline; training starts with the autumn term.
    const model::Date start =
        model::addMonths(model::Date{m_campaign.deadline.year, m_campaign.deadline.month, 1}, 6);
    const std::string trainingUnit = trainingUnitCode(m_campaign, formText(a.form, "training_unit_1"));
    model::Command admission;
    admission.set(model::kArgTrainingUnit, trainingUnit)
        .set(model::kArgMajor, formText(a.form, "major"))
        .set(model::kArgStart, model::toString(start));
    scene.day = model::addDays(m_campaign.deadline, 40 + a.number % 10);
    act(scene, centre, AppAction::Admit, 0, admission.toPayload());
    const int monthsPaid = story == Story::Completed      ? m_campaign.trainingPeriodMonths
                           : story == Story::Interrupted  ? 4
                           : story == Story::Disqualified ? 2
                                                          : 3;
    payFor(scene, start, monthsPaid); // before the training stops: then the remaining plan stops
    if (story == Story::Interrupted) {
        scene.day = model::addDays(start, 120);
        act(scene, centre, AppAction::Interrupt, 0,
            commentArgs("因病请假超过30天，经中心书面批准中断培养。"));
    } else if (story == Story::Disqualified) {
        scene.day = model::addDays(start, 75);
        model::Command disqualify;
        disqualify.comment = "取消培养资格，通报批评并追回培养经费。";
        disqualify.set(model::kArgGround, "quit")
            .set(model::kArgFacts, "未履行请假手续，自行离开培养单位逾两周，经联系仍未返回。")
            .set(model::kArgCriticism,
                 "学员未履行相关手续无故终止特培学习，现予通报批评，取消培养资格，追回特培经费。");
        act(scene, centre, AppAction::Disqualify, 0, disqualify.toPayload());
    } else if (story == Story::Completed) {
        scene.day = model::addMonths(start, m_campaign.trainingPeriodMonths);
        act(scene, centre, AppAction::Complete, 0, commentArgs("培养期满，考核合格，准予结业。"));
    }
}

} // namespace tepei::server::demo

// The assessment kind: its fold (created once, judged at its place in the log), its rules, who may
// record one (the trainee's training unit) and who sees it (R-TRN-2, R-SEC-2, R-SYNC-2).
#include <algorithm>
#include <tepei/model/kinds/application/application.h>
#include <tepei/model/kinds/assessment/assessment_kind.h>
#include <tepei/model/kinds/registry.h>
#include <tepei/model/kinds/trainee_records.h>
#include <unordered_map>

namespace tepei::model {

namespace {

Reason reason(std::string code, std::string zh, std::string en)
{
    return Reason{std::move(code), std::move(zh), std::move(en)};
}

std::string text(const web::json::value& p, const char* name)
{
    return p.has_string_field(name) ? p.at(name).as_string() : std::string();
}

Result<AssessmentRecord, Reason> newAssessment(const Fold& fold, const sync::Change& change)
{
    AssessmentRecord record;
    record.id = change.recordId;
    record.application = text(change.payload, kAssessApplication);
    const Application* app = findApplication(fold, record.application);
    if (!app || !app->admission)
        return reason("assessment_not_trainee", "结业考核只能登记给已录取的学员",
                      "an assessment is recorded for an admitted trainee only");
    record.trainee = app->owner;
    record.trainingUnit = app->admission->trainingUnit;
    record.workUnit = app->unitCode;
    record.passed = text(change.payload, kAssessResult) == "passed";
    if (auto date = parseDate(text(change.payload, kAssessDate)))
        record.date = *date;
    record.comments = text(change.payload, kAssessComments);
    return record;
}

std::optional<Reason> judge(const Fold& fold, const AssessmentRecord& record, const std::string& result)
{
    const Application& app = *findApplication(fold, record.application);
    if (app.state == AppState::Interrupted || app.state == AppState::Disqualified)
        return reason("no_assessment", std::string("该学员已") + labelZh(app.state) + "，不进行结业考核",
                      std::string("the trainee is ") + labelEn(app.state) +
                          ": there is no completion assessment");
    if (assessmentOf(fold, app.id))
        return reason("assessment_recorded", "该学员的结业考核已登记，不能重复登记",
                      "the trainee's assessment is recorded already");
    if (result != "passed" && result != "failed")
        return reason("result_missing", "请选择考核结果：合格或不合格",
                      "choose the result: passed or not passed");
    if (!isValidDate(record.date) || record.date < app.admission->start)
        return reason("date_invalid",
                      "考核日期须为培养开始（" + toString(app.admission->start) + "）之后的日期",
                      "the assessment's date is a day after the training began (" +
                          toString(app.admission->start) + ")");
    if (!record.passed && record.comments.empty())
        return reason("comment_required", "考核不合格时须填写考核意见",
                      "a result of not passed needs the comments");
    return std::nullopt;
}

class AssessmentState final : public KindState {
public:
    std::unique_ptr<KindState> clone() const override { return std::make_unique<AssessmentState>(*this); }
    Record* find(const std::string& id) override
    {
        const auto it = m_records.find(id);
        return it == m_records.end() ? nullptr : &it->second;
    }
    Verdict apply(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                  const std::optional<Verdict>& given) override
    {
        if (record)
            return Verdict::refuse(reason("assessment_recorded", "该结业考核已登记，不能修改",
                                          "a recorded assessment cannot change"));
        auto candidate = newAssessment(fold, change);
        if (!candidate)
            return Verdict::refuse(given && given->accepted
                                       ? reason("record_unknown", "考核所属的学员尚未同步",
                                                "the trainee is not on this replica; sync")
                                       : candidate.error());
        Verdict verdict = given ? *given : Verdict::accept();
        if (!given) {
            if (auto problem = judge(fold, *candidate, text(change.payload, kAssessResult)))
                verdict = Verdict::refuse(*problem);
        }
        if (!verdict.accepted)
            return verdict;
        m_byApplication.emplace(candidate->application, change.recordId);
        AssessmentRecord& stored = m_records.emplace(change.recordId, std::move(*candidate)).first->second;
        record = &stored;
        recordCreated(stored, change, seq, verdict);
        return verdict;
    }
    void canonical(std::ostream& out, const Fold&) const override
    {
        std::vector<const AssessmentRecord*> sorted;
        for (const auto& [id, r] : m_records)
            sorted.push_back(&r);
        std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->id < b->id; });
        for (const AssessmentRecord* r : sorted) {
            out << "assessment " << r->id << " app=" << r->application << " passed=" << r->passed
                << " date=" << toString(r->date) << " by=" << r->owner << " " << r->comments << "\n";
            canonicalHistory(out, *r);
        }
    }

    std::unordered_map<std::string, AssessmentRecord> m_records;
    std::unordered_map<std::string, std::string> m_byApplication; // the first accepted one
};

const AssessmentState& stateOf(const Fold& fold)
{
    return static_cast<const AssessmentState&>(fold.stateAt(kindIndex(kKindAssessment)));
}

Status<> checkFields(const web::json::value& payload)
{
    if (!payload.is_object())
        return Error{"invalid_value", "an assessment's fields are a JSON object", "body"};
    for (const auto& [name, value] : payload.as_object()) {
        const std::string field = "body." + name;
        if (name != kAssessApplication && name != kAssessResult && name != kAssessDate &&
            name != kAssessComments)
            return Error{"unknown_field", "an assessment has no field '" + name + "'; update the client",
                         field};
        if (!value.is_string())
            return Error{"invalid_value", name + " is text", field};
    }
    return Ok{};
}

class AssessmentKind final : public RecordKind {
public:
    const char* name() const override { return kKindAssessment; }
    std::unique_ptr<KindState> newState() const override { return std::make_unique<AssessmentState>(); }
    Status<> authorize(const Principal& p, const sync::Change& change, const Fold& state,
                       const ContentCheck*) const override
    {
        if (change.op != sync::ChangeOp::Set)
            return Error{"invalid_value", "an assessment takes no commands", "op"};
        if (auto st = checkFields(change.payload); !st)
            return st;
        const Application* app = findApplication(state, text(change.payload, kAssessApplication));
        if (p.role != Role::TrainingUnitOfficer || !app || !app->admission ||
            app->admission->trainingUnit != p.orgCode)
            return Error{"forbidden", "only the trainee's training unit records the completion assessment",
                         "body.application"};
        return Ok{};
    }
    std::optional<std::int64_t> visibleFrom(const Principal& p, const Record* record,
                                            const Fold&) const override
    {
        const auto* r = static_cast<const AssessmentRecord*>(record);
        if (!r || !seesTraineeRecord(p, r->trainee, r->trainingUnit, r->workUnit))
            return std::nullopt;
        return 1;
    }
};

} // namespace

const RecordKind& assessmentKind()
{
    static const AssessmentKind kind;
    return kind;
}

web::json::value assessmentPayload(const std::string& application, bool passed, const std::string& date,
                                   const std::string& comments)
{
    web::json::value f = web::json::value::object();
    f[kAssessApplication] = web::json::value::string(application);
    f[kAssessResult] = web::json::value::string(passed ? "passed" : "failed");
    f[kAssessDate] = web::json::value::string(date);
    f[kAssessComments] = web::json::value::string(comments);
    return f;
}

std::optional<Reason> checkNewAssessment(const Fold& fold, const web::json::value& payload)
{
    sync::Change change;
    change.op = sync::ChangeOp::Set;
    change.payload = payload;
    auto candidate = newAssessment(fold, change);
    if (!candidate)
        return candidate.error();
    return judge(fold, *candidate, text(payload, kAssessResult));
}

const AssessmentRecord* assessmentOf(const Fold& fold, const std::string& application)
{
    const auto& byApp = stateOf(fold).m_byApplication;
    const auto it = byApp.find(application);
    return it == byApp.end() ? nullptr : findAssessment(fold, it->second);
}

const AssessmentRecord* findAssessment(const Fold& fold, const std::string& id)
{
    const auto& all = stateOf(fold).m_records;
    const auto it = all.find(id);
    return it == all.end() ? nullptr : &it->second;
}

} // namespace tepei::model

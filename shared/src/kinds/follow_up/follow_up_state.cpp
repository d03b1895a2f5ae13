// The follow-up kind's fold and rules: an entry is created once, judged at its place in the log,
// and never changes after (R-TRN-3, R-SYNC-2).
#include "follow_up_state.h"

#include <algorithm>
#include <tepei/model/kinds/application/application.h>
#include <tepei/model/kinds/registry.h>
#include <tepei/model/kinds/trainee_records.h>

namespace tepei::model {

namespace {

const FollowUpState& stateOf(const Fold& fold)
{
    return static_cast<const FollowUpState&>(fold.stateAt(kindIndex(kKindFollowUp)));
}

Reason reason(std::string code, std::string zh, std::string en)
{
    return Reason{std::move(code), std::move(zh), std::move(en)};
}

// A return: once the training has ended, once per trainee, not before the training began.
std::optional<Reason> judgeReturn(const Fold& fold, const Application& app, const FollowUpRecord& record)
{
    if (returnedToPost(fold, app.id)) {
        return reason("return_recorded", "该学员的返岗已登记，不能重复登记",
                      "the trainee's return to post is recorded already");
    }
    if (record.date < app.admission->start) {
        return reason(
            "date_before_training", "返岗日期不能早于培养开始日期 " + toString(app.admission->start),
            "the return cannot be before the training began (" + toString(app.admission->start) + ")");
    }
    if (app.state == AppState::Admitted && !(app.admission->end < record.date)) {
        return reason("training_not_ended",
                      "学员仍在培养期内（至 " + toString(app.admission->end) +
                          "）：返岗日期须在培养期结束之后，或待中心登记结业、中断或取消培养资格后再登记",
                      "the trainee is still in training (until " + toString(app.admission->end) +
                          "): the return is after the period, or after the centre records its end");
    }
    return std::nullopt;
}

} // namespace

const std::vector<FollowUpEntryKind>& followUpEntries()
{
    static const std::vector<FollowUpEntryKind> entries{
        {kEntryReturn, "返岗", "Return to post"}, {"title", "职称评审", "Title evaluation"},
        {"promotion", "职务晋升", "Promotion"},   {"research", "科研项目", "Research project"},
        {"other", "其他支持", "Other support"},
    };
    return entries;
}

const FollowUpEntryKind* findFollowUpEntry(std::string_view code)
{
    for (const FollowUpEntryKind& e : followUpEntries()) {
        if (code == e.code)
            return &e;
    }
    return nullptr;
}

web::json::value followUpPayload(const std::string& application, std::string_view entry,
                                 const std::string& date, const std::string& text)
{
    web::json::value f = web::json::value::object();
    f[kFollowApplication] = web::json::value::string(application);
    f[kFollowEntry] = web::json::value::string(std::string(entry));
    f[kFollowDate] = web::json::value::string(date);
    f[kFollowText] = web::json::value::string(text);
    return f;
}

Result<FollowUpRecord, Reason> newFollowUp(const Fold& fold, const sync::Change& change)
{
    const web::json::value& p = change.payload;
    const auto text = [&](const char* name) {
        return p.has_string_field(name) ? p.at(name).as_string() : std::string();
    };
    FollowUpRecord record;
    record.id = change.recordId;
    record.application = text(kFollowApplication);
    const Application* app = findApplication(fold, record.application);
    if (!app || !app->admission) {
        return reason("follow_up_not_trainee", "返岗和后续支持只能登记给已录取的学员",
                      "a return and follow-up support are recorded for an admitted trainee only");
    }
    record.trainee = app->owner;
    record.trainingUnit = app->admission->trainingUnit;
    record.workUnit = app->unitCode;
    record.entry = text(kFollowEntry);
    if (auto date = parseDate(text(kFollowDate)))
        record.date = *date;
    record.text = text(kFollowText);
    return record;
}

std::optional<Reason> judgeFollowUp(const Fold& fold, const FollowUpRecord& record)
{
    if (!findFollowUpEntry(record.entry))
        return reason(
            "entry_unknown", "请选择登记类别：返岗、职称评审、职务晋升、科研项目或其他支持",
            "choose what is recorded: return, title evaluation, promotion, research project or other");
    if (!isValidDate(record.date))
        return reason("date_invalid", "请填写日期（YYYY-MM-DD）", "give the date (YYYY-MM-DD)");
    const Application& app = *findApplication(fold, record.application);
    if (record.entry == kEntryReturn)
        return judgeReturn(fold, app, record);
    const auto back = returnedToPost(fold, app.id);
    if (!back)
        return reason("return_not_recorded", "请先登记学员返岗，再登记后续支持",
                      "record the trainee's return to post first, then the support");
    if (record.date < *back)
        return reason("date_before_return", "后续支持的日期不能早于返岗日期 " + toString(*back),
                      "support cannot be dated before the return to post (" + toString(*back) + ")");
    if (record.text.empty())
        return reason("text_required", "请写明支持的内容（如评审的职称、晋升的职务、项目名称）",
                      "say what the support was (the title, the post, the project)");
    return std::nullopt;
}

std::optional<Reason> checkNewFollowUp(const Fold& fold, const web::json::value& payload)
{
    sync::Change change;
    change.op = sync::ChangeOp::Set;
    change.payload = payload;
    auto candidate = newFollowUp(fold, change);
    if (!candidate)
        return candidate.error();
    return judgeFollowUp(fold, *candidate);
}

Record* FollowUpState::find(const std::string& id)
{
    const auto it = m_records.find(id);
    return it == m_records.end() ? nullptr : &it->second;
}

const std::vector<std::string>* FollowUpState::idsOf(const std::string& application) const
{
    const auto it = m_byApplication.find(application);
    return it == m_byApplication.end() ? nullptr : &it->second;
}

Verdict FollowUpState::apply(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                             const std::optional<Verdict>& given)
{
    if (record)
        return Verdict::refuse(reason("follow_up_recorded", "该记录已登记，不能修改；如有差错请另行登记说明",
                                      "a recorded entry cannot change; record another one to correct it"));
    if (change.op != sync::ChangeOp::Set || !change.payload.is_object())
        return Verdict::refuse(reason("malformed_payload", "返岗或后续支持记录无法解读",
                                      "the entry cannot be read; update the client"));
    auto candidate = newFollowUp(fold, change);
    if (!candidate)
        return given && given->accepted
                   ? Verdict::refuse(reason("record_unknown", "记录所属的学员尚未同步",
                                            "the entry's trainee is not on this replica; sync"))
                   : Verdict::refuse(candidate.error());
    Verdict verdict = Verdict::accept();
    if (given)
        verdict = *given;
    else if (auto problem = judgeFollowUp(fold, *candidate))
        verdict = Verdict::refuse(*problem);
    if (!verdict.accepted)
        return verdict;
    m_byApplication[candidate->application].push_back(change.recordId);
    FollowUpRecord& stored = m_records.emplace(change.recordId, std::move(*candidate)).first->second;
    record = &stored;
    recordCreated(stored, change, seq, verdict);
    return verdict;
}

void FollowUpState::canonical(std::ostream& out, const Fold&) const
{
    std::vector<const FollowUpRecord*> sorted;
    for (const auto& [id, r] : m_records)
        sorted.push_back(&r);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->id < b->id; });
    for (const FollowUpRecord* r : sorted) {
        out << "follow_up " << r->id << " app=" << r->application << " entry=" << r->entry
            << " date=" << toString(r->date) << " by=" << r->owner << " " << r->text << "\n";
        canonicalHistory(out, *r);
    }
}

std::vector<const FollowUpRecord*> followUpsOf(const Fold& fold, const std::string& application)
{
    std::vector<const FollowUpRecord*> out;
    if (const auto* ids = stateOf(fold).idsOf(application)) {
        for (const std::string& id : *ids)
            out.push_back(findFollowUp(fold, id));
    }
    return out;
}

std::optional<Date> returnedToPost(const Fold& fold, const std::string& application)
{
    for (const FollowUpRecord* r : followUpsOf(fold, application)) {
        if (r->entry == kEntryReturn)
            return r->date;
    }
    return std::nullopt;
}

const FollowUpRecord* findFollowUp(const Fold& fold, const std::string& id)
{
    const auto& all = stateOf(fold).all();
    const auto it = all.find(id);
    return it == all.end() ? nullptr : &it->second;
}

} // namespace tepei::model

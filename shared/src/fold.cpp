#include <algorithm>
#include <sstream>
#include <tepei/model/eligibility.h>
#include <tepei/model/fold.h>
#include <tepei/model/form.h>
#include <tepei/model/rules.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/sha256.h>

namespace tepei::model {

namespace {

// A string member of a command's payload, or empty; a view into the payload.
std::string_view stringArg(const web::json::value& payload, const char* name)
{
    if (!payload.is_object())
        return {};
    const auto& object = payload.as_object();
    const auto it = object.find(utility::conversions::to_string_t(name));
    return it != object.end() && it->second.is_string() ? std::string_view(it->second.as_string())
                                                        : std::string_view();
}

Reason reason(std::string code, std::string zh, std::string en)
{
    return Reason{std::move(code), std::move(zh), std::move(en)};
}

bool isPreAdmission(AppAction action)
{
    switch (action) {
    case AppAction::Submit:
    case AppAction::UnitApprove:
    case AppAction::UnitReturn:
    case AppAction::AuthorityApprove:
    case AppAction::AuthorityReturn:
        return true;
    default:
        return false;
    }
}

bool needsEligibility(AppAction action)
{
    return action == AppAction::Submit || action == AppAction::UnitApprove ||
           action == AppAction::AuthorityApprove;
}

} // namespace

sync::ChangeVerdict toChangeVerdict(const Verdict& verdict)
{
    if (verdict.accepted)
        return {};
    return sync::ChangeVerdict{false, verdict.reason.code, verdict.reason.zh, verdict.reason.en};
}

Verdict fromChangeVerdict(const sync::ChangeVerdict& verdict)
{
    if (verdict.accepted)
        return Verdict::accept();
    return Verdict::refuse(Reason{verdict.code, verdict.messageZh, verdict.message});
}

std::vector<std::pair<std::string, FieldStamp>> FieldStamps::sorted() const
{
    std::vector<std::pair<std::string, FieldStamp>> out;
    for (std::size_t i = 0; i < form.size(); ++i) {
        if (form[i].written())
            out.emplace_back(applicationFields()[i].id, form[i]);
    }
    if (unitCode.written())
        out.emplace_back(kFieldUnitCode, unitCode);
    for (const auto& [name, stamp] : other)
        out.emplace_back(name, stamp);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

std::string Application::authority() const
{
    return text(kFieldAuthority);
}

std::string Application::text(const std::string& field) const
{
    const auto it = values.find(field);
    return it != values.end() && it->second.is_string() ? it->second.as_string() : std::string();
}

Verdict Fold::apply(const sync::ConfirmedChange& confirmed, const std::optional<Verdict>& given)
{
    sync::Change copy = confirmed.change;
    return apply(sync::ConfirmedChange{confirmed.seq, std::move(copy), {}}, given);
}

Verdict Fold::apply(sync::ConfirmedChange&& confirmed, const std::optional<Verdict>& given)
{
    m_lastSeq = std::max(m_lastSeq, confirmed.seq);
    return applyOnce(confirmed.change, confirmed.seq, given);
}

Verdict Fold::applyTentative(const sync::Change& change)
{
    sync::Change copy = change;
    return applyOnce(copy, 0, std::nullopt);
}

Verdict Fold::applyOnce(sync::Change& change, std::int64_t seq, const std::optional<Verdict>& given)
{
    // A change of an application leaves a line in that record's history, which holds its id and
    // verdict: a duplicate is found there, in memory the fold is touching anyway. Every other
    // change id (campaigns, refusals that found no record) and those of long histories are kept
    // in m_applied.
    Application* app = nullptr;
    if (change.recordKind == kKindApplication) {
        // Consecutive changes often touch one record (a form's edits, a review): remember it.
        if (m_lastApplication.app && m_lastApplication.app->id == change.recordId) {
            app = m_lastApplication.app;
        } else {
            const auto it = m_applications.find(change.recordId);
            app = it == m_applications.end() ? nullptr : &it->second;
        }
    }
    if (const Verdict* earlier = earlierVerdict(change.id, app))
        return *earlier;
    const sync::ChangeId id = change.id;
    Verdict verdict = dispatch(change, app, seq, given); // sets app when the change creates it
    m_lastApplication.app = app;
    if (!app || app->history.empty() || app->history.back().changeId != id) {
        m_applied.insert(id);
        if (!verdict.accepted)
            m_refused.emplace(id, verdict);
    } else if (app->history.size() > kHistoryScanLimit) {
        if (app->history.size() == kHistoryScanLimit + 1) {
            for (const HistoryEntry& line : app->history)
                m_applied.insert(line.changeId); // from now on this record's ids are looked up here
        } else {
            m_applied.insert(id);
        }
    }
    return verdict;
}

const Verdict* Fold::earlierVerdict(const sync::ChangeId& id, const Application* app) const
{
    if (app && app->history.size() <= kHistoryScanLimit) {
        for (auto line = app->history.rbegin(); line != app->history.rend(); ++line) {
            if (line->changeId == id)
                return &line->verdict;
        }
    } else if (app) {
        if (m_applied.contains(id)) {
            for (const HistoryEntry& line : app->history) {
                if (line.changeId == id)
                    return &line.verdict;
            }
        }
    }
    if (!m_applied.contains(id))
        return nullptr;
    static const Verdict kAccepted = Verdict::accept();
    const auto refused = m_refused.find(id);
    return refused == m_refused.end() ? &kAccepted : &refused->second;
}

std::uint32_t Fold::siteIndex(const std::string& site)
{
    // A device's changes come in runs (a batch, a record's edits): remember the last one.
    if (m_lastSite < m_sites.size() && m_sites[m_lastSite] == site)
        return m_lastSite;
    const auto [it, inserted] = m_siteIndex.try_emplace(site, static_cast<std::uint32_t>(m_sites.size()));
    if (inserted)
        m_sites.push_back(site);
    m_lastSite = it->second;
    return it->second;
}

bool Fold::newer(const FieldStamp& candidate, const FieldStamp& current) const
{
    if (candidate.hlc != current.hlc)
        return current.hlc < candidate.hlc;
    return m_sites[current.site] < m_sites[candidate.site];
}

Verdict Fold::dispatch(sync::Change& change, Application*& app, std::int64_t seq,
                       const std::optional<Verdict>& given)
{
    if (change.recordKind == kKindApplication) {
        return change.op == sync::ChangeOp::Set ? setApplicationFields(change, app, seq, given)
                                                : applicationCommand(change, app, seq, given);
    }
    if (change.recordKind == kKindCampaign)
        return applyCampaign(change, given);
    if (given)
        return *given;
    return Verdict::refuse(
        reason("unknown_record_kind", "未知的记录类型“" + change.recordKind + "”，请升级客户端后重试",
               "unknown record kind '" + change.recordKind + "'; update the client and try again"));
}

Verdict Fold::applyCampaign(const sync::Change& change, const std::optional<Verdict>& given)
{
    if (given && !given->accepted)
        return *given;
    if (change.op != sync::ChangeOp::Set || !change.payload.has_field("definition")) {
        return Verdict::refuse(reason("invalid_campaign", "招生计划记录格式错误，须包含 definition 字段",
                                      "a campaign record needs a 'definition' field set"));
    }
    auto parsed = parseCampaign(change.payload.at("definition"));
    if (!parsed)
        return Verdict::refuse(parsed.error());
    if (parsed->id != change.recordId) {
        return Verdict::refuse(reason("invalid_campaign", "计划编号与记录编号不一致",
                                      "the campaign id '" + parsed->id + "' differs from its record id '" +
                                          change.recordId + "'"));
    }
    const std::string id = parsed->id;
    m_campaigns.insert_or_assign(id, std::move(parsed).value());
    for (auto& [appId, app] : m_applications)
        app.checks.reset(); // the rules' answers may depend on the campaign's numbers
    return Verdict::accept();
}

Verdict Fold::setApplicationFields(sync::Change& change, Application*& found, std::int64_t seq,
                                   const std::optional<Verdict>& given)
{
    if (!found) {
        const std::string campaignId(stringArg(change.payload, kFieldCampaign));
        if (!given && !m_campaigns.count(campaignId)) {
            return Verdict::refuse(reason("campaign_unknown",
                                          "新增申报表须选择有效的年度计划“" + campaignId + "”",
                                          "a new application must name a known campaign (got '" + campaignId +
                                              "'); sync to receive the campaign, then try again"));
        }
        if (given && !given->accepted)
            return *given;
        Application& created = m_applications.try_emplace(change.recordId).first->second;
        created.id = change.recordId;
        created.owner = change.author;
        created.campaign = campaignId;
        created.values.reserve(change.payload.size());
        found = &created;
    }
    Application& app = *found;
    auto& members = change.payload.as_object();
    // Each member's place on the form (null: not a form field), looked up once.
    std::vector<const FieldSpec*>& specs = m_specScratch;
    specs.clear();
    const std::uint32_t site = siteIndex(change.site);
    HistoryEntry& entry = record(app, change, seq);
    entry.action = "edit";
    std::size_t namesBytes = 0;
    for (const auto& [name, value] : members)
        namesBytes += name.size() + 1;
    entry.fields.reserve(namesBytes);
    for (const auto& [name, value] : members) {
        specs.push_back(findField(name));
        entry.fields.append(name).push_back('\n');
    }
    const Verdict verdict = given ? *given : checkFieldSet(app, change, specs);
    if (verdict.accepted) {
        const FieldStamp stamp{change.hlc, site};
        const FieldSpec* const first = applicationFields().data();
        app.stamps.form.resize(applicationFields().size());
        // A new record's members come sorted by name, as the map is: each is appended at the end.
        const bool appending = app.values.empty();
        auto hint = app.values.end();
        std::size_t i = 0;
        for (auto& [name, value] : members) {
            const FieldSpec* spec = specs[i++];
            FieldStamp* current = nullptr;
            if (spec)
                current = &app.stamps.form[static_cast<std::size_t>(spec - first)];
            else if (name == kFieldCampaign)
                continue; // fixed at creation
            else if (name == kFieldUnitCode)
                current = &app.stamps.unitCode;
            else
                current = &app.stamps.other[name];
            if (current->written() && !newer(stamp, *current))
                continue; // an older write that lost to the one already here
            *current = stamp;
            if (current == &app.stamps.unitCode)
                app.unitCode = value.is_string() ? value.as_string() : std::string();
            else if (appending)
                hint = std::next(app.values.insert_or_assign(hint, std::move(name), std::move(value)));
            else if (const auto existing = app.values.find(name); existing != app.values.end())
                existing->second = std::move(value);
            else
                app.values.emplace(std::move(name), std::move(value));
        }
        app.checks.reset(); // the content changed
    }
    entry.verdict = verdict;
    return verdict;
}

Verdict Fold::checkFieldSet(const Application& app, const sync::Change& change,
                            const std::vector<const FieldSpec*>& specs) const
{
    if (!isEditable(app.state)) {
        return Verdict::refuse(reason("not_editable",
                                      std::string("申报表当前状态为“") + labelZh(app.state) + "”，不能修改",
                                      std::string("the application is ") + toString(app.state) +
                                          " and cannot be edited; ask for it to be returned first"));
    }
    std::size_t i = 0;
    for (const auto& [name, value] : change.payload.as_object()) {
        const FieldSpec* spec = specs[i++];
        if (!spec && name != kFieldCampaign && name != kFieldUnitCode) {
            return Verdict::refuse(
                reason("unknown_field", "申报表没有字段“" + name + "”",
                       "the application form has no field '" + name + "'; update the client"));
        }
        if (app.submittedSeq > 0 &&
            ((!spec && name == kFieldUnitCode) || (spec && spec->id == kFieldAuthority))) {
            return Verdict::refuse(reason("field_locked", "申报表提交后不能更改工作单位或所在地",
                                          "the work unit and its location cannot change once the application "
                                          "was submitted; withdraw it and create a new one"));
        }
    }
    return Verdict::accept();
}

Verdict Fold::applicationCommand(sync::Change& change, Application* found, std::int64_t seq,
                                 const std::optional<Verdict>& given)
{
    if (!found) {
        return Verdict::refuse(
            reason("record_unknown", "申报表不存在或尚未同步", "no such application; sync and try again"));
    }
    Application& app = *found;
    HistoryEntry& entry = record(app, change, seq);
    entry.action = stringArg(change.payload, "name");
    entry.role = stringArg(change.payload, "role");
    entry.comment = stringArg(change.payload, "comment");

    Verdict verdict;
    const auto action = appActionFromString(entry.action);
    const auto role = roleFromString(entry.role);
    const Campaign* camp = campaign(app.campaign);
    if (given) {
        verdict = *given;
        // A server's acceptance of a command this replica cannot even parse: keep the state.
        if (verdict.accepted && (!action || !role || !camp || !transition(app.state, *action, *role)))
            verdict = Verdict::refuse(reason("unknown_command", "无法解读的操作，请升级客户端",
                                             "this client cannot apply the command; update the client"));
    } else if (!action) {
        verdict = Verdict::refuse(reason("unknown_command", "未知的操作“" + entry.action + "”",
                                         "unknown command '" + entry.action + "'; update the client"));
    } else if (!role) {
        verdict =
            Verdict::refuse(reason("role_missing", "操作未注明角色", "the command does not name its role"));
    } else if (!camp) {
        verdict = Verdict::refuse(
            reason("campaign_unknown", "申报表所属年度计划不存在", "the application's campaign is unknown"));
    } else {
        verdict = checkCommand(app, change, *action, *role, *camp);
    }
    if (verdict.accepted) {
        const AppState next = transition(app.state, *action, *role).value();
        const bool counted = countsAgainstQuota(app.state);
        if (!counted && countsAgainstQuota(next)) {
            app.quotaAuthority = app.authority();
            ++m_approved[{app.campaign, app.quotaAuthority}];
        } else if (counted && !countsAgainstQuota(next)) {
            --m_approved[{app.campaign, app.quotaAuthority}];
            app.quotaAuthority.clear();
        }
        if (*action == AppAction::RecordPaperReceipt)
            app.paperReceived = true;
        if (*action == AppAction::RecordReturn)
            app.returnedToUnit = true;
        if (*action == AppAction::Submit && app.submittedSeq == 0)
            app.submittedSeq = seq;
        if (*action == AppAction::Admit) {
            Admission admission;
            admission.trainingUnit = std::string(stringArg(change.payload, "training_unit"));
            admission.major = std::string(stringArg(change.payload, "major"));
            admission.start = parseDate(stringArg(change.payload, "start")).value();
            admission.end = addDays(addMonths(admission.start, camp->trainingPeriodMonths), -1);
            app.admission = admission;
            app.admittedSeq = seq;
        }
        app.state = next;
    }
    entry.after = app.state;
    entry.verdict = verdict;
    return verdict;
}

Verdict Fold::checkCommand(const Application& app, const sync::Change& change, AppAction action, Role role,
                           const Campaign& camp) const
{
    if (auto next = transition(app.state, action, role); !next)
        return Verdict::refuse(next.error());
    if (isPreAdmission(action)) {
        if (auto late = checkDeadline(camp, chinaDateOf(change.hlc.wallMs)))
            return Verdict::refuse(*late);
    }
    if (requiresDigest(action) && stringArg(change.payload, "digest") != contentDigest(app)) {
        return Verdict::refuse(
            reason("stale_content", "申报内容在您审核后已被修改，请重新审核最新内容",
                   "the application changed after you reviewed it; open it again, review the "
                   "current content and decide again"));
    }
    ContentChecks& checks = app.checks.get();
    if (requiresComment(action) && stringArg(change.payload, "comment").empty()) {
        return Verdict::refuse(
            reason("comment_required", "退回须填写审核意见",
                   "a return needs a written opinion; write the reasons and return again"));
    }
    std::optional<FormView> view; // the form indexed once for the rules that read all of it
    const auto form = [&]() -> const FormView& {
        if (!view)
            view.emplace(app.values);
        return *view;
    };
    if (action == AppAction::Submit) {
        if (!checks.incomplete)
            checks.incomplete = validateForSubmission(form(), camp);
        if (!checks.incomplete->empty())
            return Verdict::refuse(checks.incomplete->front().second);
    }
    if (needsEligibility(action)) {
        if (!checks.ineligible)
            checks.ineligible = checkEligibility(form(), camp);
        if (!checks.ineligible->empty())
            return Verdict::refuse(checks.ineligible->front());
    }
    if (action == AppAction::AuthorityApprove) {
        const auto taken = m_approved.find({app.campaign, app.authority()});
        if (auto full = checkQuota(camp, app.authority(), taken == m_approved.end() ? 0 : taken->second))
            return Verdict::refuse(*full);
    }
    if (action == AppAction::Admit) {
        if (stringArg(change.payload, "training_unit").empty() ||
            stringArg(change.payload, "major").empty() ||
            !parseDate(stringArg(change.payload, "start")).ok()) {
            return Verdict::refuse(reason("admission_incomplete", "录取须注明培养单位、培养专业和开始日期",
                                          "admission needs the training unit, the major and the start date "
                                          "(YYYY-MM-DD)"));
        }
    }
    return Verdict::accept();
}

HistoryEntry& Fold::record(Application& app, sync::Change& change, std::int64_t seq)
{
    // A history starts with room for a few lines (in a bulk upload most records have one) and then
    // grows to a whole life's at once (about 10 lines: edits, submission, reviews).
    if (app.history.size() == app.history.capacity())
        app.history.reserve(app.history.empty() ? kHistoryFirstLines
                                                : std::max(kHistoryLifeLines, 2 * app.history.size()));
    HistoryEntry& entry = app.history.emplace_back();
    entry.seq = seq;
    entry.changeId = change.id;
    entry.author = std::move(change.author); // the change is the fold's own: its last use
    entry.site = std::move(change.site);
    entry.hlc = change.hlc;
    entry.before = app.state;
    entry.after = app.state;
    return entry;
}

const Campaign* Fold::campaign(const std::string& id) const
{
    const auto it = m_campaigns.find(id);
    return it == m_campaigns.end() ? nullptr : &it->second;
}

const Application* Fold::application(const std::string& id) const
{
    const auto it = m_applications.find(id);
    return it == m_applications.end() ? nullptr : &it->second;
}

QuotaStatus Fold::quota(const std::string& campaignId, const std::string& authority) const
{
    const Campaign* camp = campaign(campaignId);
    if (!camp)
        return QuotaStatus{};
    int approved = 0;
    if (const auto it = m_approved.find({campaignId, authority}); it != m_approved.end())
        approved = it->second;
    int pending = 0;
    for (const auto& [id, app] : m_applications) {
        if (app.campaign == campaignId && app.authority() == authority &&
            (app.state == AppState::Submitted || app.state == AppState::UnitApproved))
            ++pending;
    }
    return quotaStatus(*camp, authority, approved, pending);
}

std::string Fold::contentDigest(const Application& app) const
{
    ContentChecks& checks = app.checks.get();
    if (checks.digest.empty()) {
        std::string& canonical = m_digestScratch; // reused: one allocation for every digest
        canonical.clear();
        for (const auto& [name, value] : app.values) {
            canonical += name;
            canonical += '\x1f';
            sync::appendJson(canonical, value);
            canonical += '\x1e';
        }
        checks.digest = sync::sha256Hex(canonical);
    }
    return checks.digest;
}

std::string Fold::canonicalState() const
{
    std::vector<const Application*> apps;
    apps.reserve(m_applications.size());
    for (const auto& [id, app] : m_applications)
        apps.push_back(&app);
    std::sort(apps.begin(), apps.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
    std::ostringstream out;
    for (const auto& [key, count] : m_approved)
        out << "quota " << key.first << ' ' << key.second << ' ' << count << '\n';
    for (const Application* app : apps) {
        out << "application " << app->id << " owner=" << app->owner << " campaign=" << app->campaign
            << " state=" << toString(app->state) << " quota=" << app->quotaAuthority
            << " paper=" << app->paperReceived << " returned=" << app->returnedToUnit << '\n';
        out << "  unit_code=" << app->unitCode << '\n';
        for (const auto& [name, stamp] : app->stamps.sorted()) {
            const auto value = app->values.find(name);
            out << "  " << name << '='
                << (value == app->values.end() ? std::string() : value->second.serialize()) << " @"
                << sync::toString(stamp.hlc) << '/' << m_sites[stamp.site] << '\n';
        }
        for (const HistoryEntry& h : app->history)
            out << "  #" << h.seq << ' ' << h.action << ' ' << h.author << ' ' << h.verdict.accepted << ' '
                << h.verdict.reason.code << '\n';
    }
    return out.str();
}

} // namespace tepei::model

#include <algorithm>
#include <openssl/evp.h>
#include <sstream>
#include <tepei/model/eligibility.h>
#include <tepei/model/fold.h>
#include <tepei/model/form.h>
#include <tepei/model/rules.h>

namespace tepei::model {

namespace {

std::string hexOf(const unsigned char* data, unsigned int size)
{
    static const char* digits = "0123456789abcdef";
    std::string out(size * 2, '0');
    for (unsigned int i = 0; i < size; ++i) {
        out[2 * i] = digits[data[i] >> 4];
        out[2 * i + 1] = digits[data[i] & 0x0f];
    }
    return out;
}

std::string sha256Hex(const std::string& text)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(text.data(), text.size(), md, &size, EVP_sha256(), nullptr);
    return hexOf(md, size);
}

std::string stringArg(const web::json::value& payload, const char* name)
{
    if (!payload.is_object())
        return {};
    const auto& object = payload.as_object();
    const auto it = object.find(utility::conversions::to_string_t(name));
    return it != object.end() && it->second.is_string() ? it->second.as_string() : std::string();
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
    if (!m_applied.insert(change.id).second) {
        const auto it = m_refused.find(change.id);
        return it == m_refused.end() ? Verdict::accept() : it->second;
    }
    Verdict verdict = dispatch(change, seq, given);
    if (!verdict.accepted)
        m_refused.emplace(change.id, verdict);
    return verdict;
}

std::uint32_t Fold::siteIndex(const std::string& site)
{
    const auto [it, inserted] = m_siteIndex.try_emplace(site, static_cast<std::uint32_t>(m_sites.size()));
    if (inserted)
        m_sites.push_back(site);
    return it->second;
}

bool Fold::newer(const FieldStamp& candidate, const FieldStamp& current) const
{
    if (candidate.hlc != current.hlc)
        return current.hlc < candidate.hlc;
    return m_sites[current.site] < m_sites[candidate.site];
}

Verdict Fold::dispatch(sync::Change& change, std::int64_t seq, const std::optional<Verdict>& given)
{
    if (change.recordKind == kKindApplication) {
        return change.op == sync::ChangeOp::Set ? setApplicationFields(change, seq, given)
                                                : applicationCommand(change, seq, given);
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
    m_contentCache.clear(); // the rules' answers may depend on the campaign's numbers
    return Verdict::accept();
}

Verdict Fold::setApplicationFields(sync::Change& change, std::int64_t seq,
                                   const std::optional<Verdict>& given)
{
    auto it = m_applications.find(change.recordId);
    if (it == m_applications.end()) {
        const std::string campaignId = stringArg(change.payload, kFieldCampaign);
        if (!given && !m_campaigns.count(campaignId)) {
            return Verdict::refuse(reason("campaign_unknown",
                                          "新增申报表须选择有效的年度计划“" + campaignId + "”",
                                          "a new application must name a known campaign (got '" + campaignId +
                                              "'); sync to receive the campaign, then try again"));
        }
        if (given && !given->accepted)
            return *given;
        Application app;
        app.id = change.recordId;
        app.owner = change.author;
        app.campaign = campaignId;
        it = m_applications.emplace(change.recordId, std::move(app)).first;
    }
    Application& app = it->second;
    HistoryEntry entry;
    entry.action = "edit";
    for (const auto& [name, value] : change.payload.as_object())
        entry.fields.push_back(name);
    const Verdict verdict = given ? *given : checkFieldSet(app, change);
    if (verdict.accepted) {
        const FieldStamp stamp{change.hlc, siteIndex(change.site)};
        for (auto& [name, value] : change.payload.as_object()) {
            if (name == kFieldCampaign)
                continue; // fixed at creation
            auto [current, fresh] = app.stamps.try_emplace(name, stamp);
            if (!fresh && !newer(stamp, current->second))
                continue; // an older write that lost to the one already here
            current->second = stamp;
            if (name == kFieldUnitCode)
                app.unitCode = value.is_string() ? value.as_string() : std::string();
            else
                app.values.insert_or_assign(name, std::move(value));
        }
        m_contentCache.erase(app.id);
    }
    entry.verdict = verdict;
    record(app, change, seq, std::move(entry));
    return verdict;
}

Verdict Fold::checkFieldSet(const Application& app, const sync::Change& change) const
{
    if (!isEditable(app.state)) {
        return Verdict::refuse(reason("not_editable",
                                      std::string("申报表当前状态为“") + labelZh(app.state) + "”，不能修改",
                                      std::string("the application is ") + toString(app.state) +
                                          " and cannot be edited; ask for it to be returned first"));
    }
    for (const auto& [name, value] : change.payload.as_object()) {
        if (name != kFieldCampaign && name != kFieldUnitCode && !findField(name)) {
            return Verdict::refuse(
                reason("unknown_field", "申报表没有字段“" + name + "”",
                       "the application form has no field '" + name + "'; update the client"));
        }
        if (app.submittedSeq > 0 && (name == kFieldUnitCode || name == kFieldAuthority)) {
            return Verdict::refuse(reason("field_locked", "申报表提交后不能更改工作单位或所在地",
                                          "the work unit and its location cannot change once the application "
                                          "was submitted; withdraw it and create a new one"));
        }
    }
    return Verdict::accept();
}

Verdict Fold::applicationCommand(const sync::Change& change, std::int64_t seq,
                                 const std::optional<Verdict>& given)
{
    const auto it = m_applications.find(change.recordId);
    if (it == m_applications.end()) {
        return Verdict::refuse(
            reason("record_unknown", "申报表不存在或尚未同步", "no such application; sync and try again"));
    }
    Application& app = it->second;
    HistoryEntry entry;
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
    entry.before = app.state;
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
            admission.trainingUnit = stringArg(change.payload, "training_unit");
            admission.major = stringArg(change.payload, "major");
            admission.start = parseDate(stringArg(change.payload, "start")).value();
            admission.end = addDays(addMonths(admission.start, camp->trainingPeriodMonths), -1);
            app.admission = admission;
            app.admittedSeq = seq;
        }
        app.state = next;
    }
    entry.after = app.state;
    entry.verdict = verdict;
    record(app, change, seq, std::move(entry));
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
    ContentChecks& checks = checksOf(app);
    if (requiresComment(action) && stringArg(change.payload, "comment").empty()) {
        return Verdict::refuse(
            reason("comment_required", "退回须填写审核意见",
                   "a return needs a written opinion; write the reasons and return again"));
    }
    if (action == AppAction::Submit) {
        if (!checks.incomplete)
            checks.incomplete = validateForSubmission(app.values, camp);
        if (!checks.incomplete->empty())
            return Verdict::refuse(checks.incomplete->front().second);
    }
    if (needsEligibility(action)) {
        if (!checks.ineligible)
            checks.ineligible = checkEligibility(app.values, camp);
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

void Fold::record(Application& app, const sync::Change& change, std::int64_t seq, HistoryEntry entry)
{
    entry.seq = seq;
    entry.changeId = change.id;
    entry.author = change.author;
    entry.site = change.site;
    entry.hlc = change.hlc;
    if (entry.action == "edit") {
        entry.before = app.state;
        entry.after = app.state;
    }
    app.history.push_back(std::move(entry));
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

Fold::ContentChecks& Fold::checksOf(const Application& app) const
{
    ContentChecks& checks = m_contentCache[app.id];
    if (checks.digest.empty()) {
        std::string canonical;
        canonical.reserve(4096);
        for (const auto& [name, value] : app.values) {
            canonical += name;
            canonical += '\x1f';
            canonical += value.serialize();
            canonical += '\x1e';
        }
        checks.digest = sha256Hex(canonical);
    }
    return checks;
}

std::string Fold::contentDigest(const Application& app) const
{
    return checksOf(app).digest;
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
        for (const auto& [name, stamp] : app->stamps) {
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

// The campaign kind: a field set of the definition replaces the campaign; the centre or the
// administrator sets it; every signed-in user sees every campaign. A new definition may not take
// back places an authority has already approved (the one rule that reads the applications).
#include <algorithm>
#include <tepei/model/kinds/application/application.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/registry.h>

namespace tepei::model {

namespace {

Verdict invalid(std::string zh, std::string en)
{
    return Verdict::refuse(Reason{"invalid_campaign", std::move(zh), std::move(en)});
}

class CampaignState final : public KindState {
public:
    std::unique_ptr<KindState> clone() const override { return std::make_unique<CampaignState>(*this); }

    Record* find(const std::string& id) override
    {
        const auto it = m_records.find(id);
        return it == m_records.end() ? nullptr : &it->second;
    }

    Verdict apply(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                  const std::optional<Verdict>& given) override
    {
        std::optional<Campaign> parsed;
        const Verdict verdict = given && !given->accepted ? *given : read(fold, change, parsed);
        if (verdict.accepted) {
            m_campaigns.insert_or_assign(parsed->id, std::move(parsed).value());
            fold.invalidateAll(); // the rules' answers may depend on the campaign's numbers
            if (!record) {
                Record& created = m_records[change.recordId];
                created.id = change.recordId;
                created.owner = change.author;
                record = &created;
            }
        }
        if (record) {
            HistoryEntry& entry = Fold::record(*record, change, seq, "");
            entry.action = "edit";
            entry.fields = std::string(kFieldDefinition) + '\n';
            entry.verdict = verdict;
        }
        return verdict;
    }

    void canonical(std::ostream& out, const Fold&) const override
    {
        std::vector<const Record*> records;
        for (const auto& [id, record] : m_records)
            records.push_back(&record);
        std::sort(records.begin(), records.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
        for (const Record* record : records) {
            out << "campaign " << record->id << " history=" << record->history.size() << '\n';
            const auto campaign = m_campaigns.find(record->id);
            if (campaign != m_campaigns.end())
                out << "  " << toJson(campaign->second).serialize() << '\n';
        }
    }

    const CampaignIndex& all() const { return m_campaigns; }

private:
    // The definition, and the rules of a change to it: an allocation may not cut an authority
    // below the places its approvals already hold (R-QUO-1, issue #12).
    static Verdict read(const Fold& fold, const sync::Change& change, std::optional<Campaign>& parsed)
    {
        if (change.op != sync::ChangeOp::Set || !change.payload.has_field(kFieldDefinition))
            return invalid("招生计划记录格式错误，须包含 definition 字段",
                           "a campaign record needs a 'definition' field set");
        auto campaign = parseCampaign(change.payload.at(kFieldDefinition));
        if (!campaign)
            return Verdict::refuse(campaign.error());
        if (campaign->id != change.recordId) {
            return invalid("计划编号与记录编号不一致", "the campaign id '" + campaign->id +
                                                           "' differs from its record id '" +
                                                           change.recordId + "'");
        }
        if (auto cut = checkAllocationChange(*campaign, approvedPlaces(fold, campaign->id)))
            return Verdict::refuse(*cut);
        parsed = std::move(campaign).value();
        return Verdict::accept();
    }

    CampaignIndex m_campaigns;
    std::unordered_map<std::string, Record> m_records; // each campaign's history
};

class CampaignKind final : public RecordKind {
public:
    const char* name() const override { return kKindCampaign; }
    std::unique_ptr<KindState> newState() const override { return std::make_unique<CampaignState>(); }

    Status<> authorize(const Principal& p, const sync::Change&, const Fold&,
                       const ContentCheck*) const override
    {
        if (p.role != Role::CentreOfficer && p.role != Role::Administrator)
            return Error{"role_not_permitted", "only the centre sets campaign data (places, dates, amounts)",
                         "kind"};
        return Ok{};
    }

    std::optional<std::int64_t> visibleFrom(const Principal&, const Record*, const Fold&) const override
    {
        return 1; // everyone works to the campaign's dates, places and amounts
    }
};

const CampaignState& stateOf(const Fold& fold)
{
    static const std::size_t index = kindIndex(kKindCampaign);
    return static_cast<const CampaignState&>(fold.stateAt(index));
}

} // namespace

const RecordKind& campaignKind()
{
    static const CampaignKind kind;
    return kind;
}

const CampaignIndex& campaigns(const Fold& state)
{
    return stateOf(state).all();
}

const Campaign* findCampaign(const Fold& state, const std::string& id)
{
    const auto& all = stateOf(state).all();
    const auto it = all.find(id);
    return it == all.end() ? nullptr : &it->second;
}

web::json::value campaignPayload(const Campaign& campaign)
{
    web::json::value payload = web::json::value::object();
    payload[kFieldDefinition] = toJson(campaign);
    return payload;
}

} // namespace tepei::model

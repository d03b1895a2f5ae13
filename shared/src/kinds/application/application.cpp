// Reading the application kind's state from a fold.
#include "application_state.h"

#include <algorithm>
#include <tepei/model/kinds/application/application.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/registry.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/sha256.h>

namespace tepei::model {

namespace {

const ApplicationState& stateOf(const Fold& fold)
{
    static const std::size_t index = kindIndex(kKindApplication);
    return static_cast<const ApplicationState&>(fold.stateAt(index));
}

} // namespace

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

const std::unordered_map<std::string, Application>& applications(const Fold& state)
{
    return stateOf(state).all();
}

const Application* findApplication(const Fold& state, const std::string& id)
{
    const auto& all = stateOf(state).all();
    const auto it = all.find(id);
    return it == all.end() ? nullptr : &it->second;
}

QuotaStatus quotaOf(const Fold& state, const std::string& campaignId, const std::string& authority)
{
    const Campaign* camp = findCampaign(state, campaignId);
    if (!camp)
        return QuotaStatus{};
    int pending = 0;
    for (const auto& [id, app] : stateOf(state).all()) {
        if (app.campaign == campaignId && app.authority() == authority &&
            (app.state == AppState::Submitted || app.state == AppState::UnitApproved))
            ++pending;
    }
    return quotaStatus(*camp, authority, stateOf(state).approved(campaignId, authority), pending);
}

std::vector<std::pair<std::string, int>> approvedPlaces(const Fold& state, const std::string& campaignId)
{
    return stateOf(state).approvedIn(campaignId);
}

std::string contentDigest(const Application& app)
{
    ContentChecks& checks = app.checks.get();
    if (checks.digest.empty()) {
        thread_local std::string canonical; // reused: one allocation for every digest
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

} // namespace tepei::model

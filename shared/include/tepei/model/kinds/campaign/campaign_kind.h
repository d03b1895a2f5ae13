#pragma once
// The campaign kind: one record per campaign (年度计划), holding the campaign's data file as its
// definition (dates, places, allocations, amounts, leave tiers: data, not code). Set by the centre
// or the administrator; seen by everyone.

#include <tepei/model/campaign/campaign.h>
#include <tepei/model/fold/fold.h>
#include <tepei/model/fold/record_kind.h>

namespace tepei::model {

inline constexpr const char* kKindCampaign = "campaign"; // Set {"definition": <campaign JSON>}
inline constexpr const char* kFieldDefinition = "definition";

const RecordKind& campaignKind();

// The campaigns of a fold, by id, and one of them (or null).
const CampaignIndex& campaigns(const Fold& state);
const Campaign* findCampaign(const Fold& state, const std::string& id);

// The payload of the field set that gives a campaign record its definition.
web::json::value campaignPayload(const Campaign& campaign);

} // namespace tepei::model

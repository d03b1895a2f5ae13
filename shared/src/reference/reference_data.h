#pragma once
// Internal: the compiled-in reference tables (reference_data.cpp); reference.cpp exposes them.

#include <tepei/model/reference/reference.h>
#include <vector>

namespace tepei::model::data {

struct UnitNatureRow {
    RefItem item;
    bool nonPublic = false;
};

const std::vector<RefItem>& sexes();
const std::vector<RefItem>& ethnicGroups();
const std::vector<RefItem>& politicalStatuses();
const std::vector<RefItem>& educationLevels();
const std::vector<RefItem>& degrees();
const std::vector<RefItem>& titleLevels();
const std::vector<RefItem>& priorityScopes();
const std::vector<UnitNatureRow>& unitNatures();
const std::vector<RefItem>& defaultTrainingModes();
const std::vector<RefItem>& leaveKinds();
const std::vector<RefItem>& attachmentKinds();
const std::vector<RefItem>& leaveProofKinds();
const std::vector<Organisation>& organisations();

} // namespace tepei::model::data

#include "reference_data.h"

#include <tepei/model/reference/reference.h>

namespace tepei::model {

const std::vector<RefItem>& sexes()
{
    return data::sexes();
}
const std::vector<RefItem>& ethnicGroups()
{
    return data::ethnicGroups();
}
const std::vector<RefItem>& politicalStatuses()
{
    return data::politicalStatuses();
}
const std::vector<RefItem>& educationLevels()
{
    return data::educationLevels();
}
const std::vector<RefItem>& degrees()
{
    return data::degrees();
}
const std::vector<RefItem>& titleLevels()
{
    return data::titleLevels();
}
const std::vector<RefItem>& priorityScopes()
{
    return data::priorityScopes();
}
const std::vector<RefItem>& defaultTrainingModes()
{
    return data::defaultTrainingModes();
}
const std::vector<RefItem>& leaveKinds()
{
    return data::leaveKinds();
}
const std::vector<RefItem>& attachmentKinds()
{
    return data::attachmentKinds();
}
const std::vector<RefItem>& leaveProofKinds()
{
    return data::leaveProofKinds();
}
const RefItem* findAttachmentKind(std::string_view code)
{
    const RefItem* kind = findByCode(attachmentKinds(), code);
    return kind ? kind : findByCode(leaveProofKinds(), code);
}
const std::vector<Organisation>& organisations()
{
    return data::organisations();
}

const std::vector<RefItem>& unitNatures()
{
    static const std::vector<RefItem> list = [] {
        std::vector<RefItem> items;
        for (const auto& row : data::unitNatures())
            items.push_back(row.item);
        return items;
    }();
    return list;
}

const std::vector<RefItem>* referenceList(std::string_view listId)
{
    if (listId == lists::kSex)
        return &sexes();
    if (listId == lists::kEthnicity)
        return &ethnicGroups();
    if (listId == lists::kPoliticalStatus)
        return &politicalStatuses();
    if (listId == lists::kEducation)
        return &educationLevels();
    if (listId == lists::kDegree)
        return &degrees();
    if (listId == lists::kTitleLevel)
        return &titleLevels();
    if (listId == lists::kPriorityScope)
        return &priorityScopes();
    if (listId == lists::kUnitNature)
        return &unitNatures();
    if (listId == lists::kLeaveKind)
        return &leaveKinds();
    if (listId == lists::kAttachmentKind)
        return &attachmentKinds();
    return nullptr;
}

const RefItem* findByCode(const std::vector<RefItem>& list, std::string_view code)
{
    for (const auto& item : list) {
        if (item.code == code)
            return &item;
    }
    return nullptr;
}

const RefItem* findByCodeOrZh(const std::vector<RefItem>& list, std::string_view codeOrZh)
{
    for (const auto& item : list) {
        if (item.code == codeOrZh || item.zh == codeOrZh)
            return &item;
    }
    return nullptr;
}

const RefItem* findEthnicGroup(std::string_view code)
{
    return findByCode(ethnicGroups(), code);
}
const RefItem* findDegree(std::string_view code)
{
    return findByCode(degrees(), code);
}
const RefItem* findTitleLevel(std::string_view code)
{
    return findByCode(titleLevels(), code);
}
const RefItem* findEducationLevel(std::string_view code)
{
    return findByCode(educationLevels(), code);
}
const RefItem* findUnitNature(std::string_view code)
{
    return findByCode(unitNatures(), code);
}
const RefItem* findPriorityScope(std::string_view code)
{
    return findByCode(priorityScopes(), code);
}

bool isMinority(std::string_view ethnicCode)
{
    static constexpr std::string_view kHan = "01";
    return ethnicCode != kHan && findEthnicGroup(ethnicCode) != nullptr;
}

std::optional<int> degreeRank(std::string_view code)
{
    const RefItem* item = findDegree(code);
    return item ? std::optional<int>(item->rank) : std::nullopt;
}

std::optional<int> titleLevelRank(std::string_view code)
{
    const RefItem* item = findTitleLevel(code);
    return item ? std::optional<int>(item->rank) : std::nullopt;
}

bool isNonPublicNature(std::string_view unitNatureCode)
{
    for (const auto& row : data::unitNatures()) {
        if (row.item.code == unitNatureCode)
            return row.nonPublic;
    }
    return false;
}

const Organisation* findOrganisation(std::string_view code)
{
    for (const auto& org : organisations()) {
        if (org.code == code)
            return &org;
    }
    return nullptr;
}

bool isRecommendingAuthority(std::string_view code)
{
    const Organisation* org = findOrganisation(code);
    return org != nullptr && org->kind != OrgKind::Centre;
}

const char* toString(OrgKind kind)
{
    switch (kind) {
    case OrgKind::Centre:
        return "centre";
    case OrgKind::LeagueCity:
        return "league_city";
    case OrgKind::SeparateCity:
        return "separate_city";
    case OrgKind::Department:
        return "department";
    case OrgKind::University:
        return "university";
    }
    return "department";
}

} // namespace tepei::model

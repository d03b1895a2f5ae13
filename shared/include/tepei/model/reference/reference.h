#pragma once
// Reference data: the code lists the application form and the rules use, each entry with a
// stable code (what records store), a Simplified Chinese name and an English name (R-L10N-1).
// The data is compiled into the library (shared/src/reference_data.cpp): no file is needed at
// run time. Lists are immutable; references and pointers returned stay valid for the program's
// life, and all functions are thread-safe.
//
// Codes: ethnic groups use GB/T 3304 ("01" 汉族 … "56" 基诺族), political status GB/T 4762
// ("01" 中共党员 … "13" 群众), organisations GB/T 2260 division codes for the leagues and cities
// ("150100" 呼和浩特市) and "Dnn" for region-level departments and universities; the other lists
// use snake_case English codes ("master", "associate_senior", "private_enterprise", ...).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tepei::model {

// One entry of a code list. `rank` orders the ordered lists (education, degree, title level):
// a higher rank is a higher level. It is 0 elsewhere.
struct RefItem {
    std::string code;
    std::string zh;
    std::string en;
    int rank = 0;

    bool operator==(const RefItem&) const = default;
};

// Names of the code lists, as used in FieldSpec::enumSource. "training_mode" and "authority"
// are campaign-driven (Campaign::trainingModes, Campaign::allocations), not listed here.
namespace lists {
inline constexpr std::string_view kSex = "sex";
inline constexpr std::string_view kEthnicity = "ethnicity";
inline constexpr std::string_view kPoliticalStatus = "political_status";
inline constexpr std::string_view kEducation = "education";
inline constexpr std::string_view kDegree = "degree";
inline constexpr std::string_view kTitleLevel = "title_level";
inline constexpr std::string_view kPriorityScope = "priority_scope";
inline constexpr std::string_view kUnitNature = "unit_nature";
inline constexpr std::string_view kTrainingMode = "training_mode";
inline constexpr std::string_view kAuthority = "authority";
inline constexpr std::string_view kLeaveKind = "leave_kind";
inline constexpr std::string_view kAttachmentKind = "attachment_kind";
} // namespace lists

const std::vector<RefItem>& sexes();                // "male" 男, "female" 女
const std::vector<RefItem>& ethnicGroups();         // the 56 groups, GB/T 3304 order
const std::vector<RefItem>& politicalStatuses();    // GB/T 4762
const std::vector<RefItem>& educationLevels();      // 最高学历, ranked
const std::vector<RefItem>& degrees();              // 最高学位: doctor, master, bachelor, none; ranked
const std::vector<RefItem>& titleLevels();          // senior … none; ranked
const std::vector<RefItem>& priorityScopes();       // "1".."5" with the notice's text (重点选拔范围)
const std::vector<RefItem>& unitNatures();          // 单位性质; see isNonPublicNature
const std::vector<RefItem>& defaultTrainingModes(); // R-APP-1 default; campaigns carry their own
const std::vector<RefItem>& leaveKinds();           // R-LV-1: "sick" 病假, "personal" 事假
const std::vector<RefItem>& attachmentKinds();      // R-APP-2: "id_card" 身份证, "diploma", ...
const std::vector<RefItem>& leaveProofKinds(); // R-LV-1: "medical_certificate" 医院诊断证明, "other"
// The kind of an attachment by its code, from either list (null when neither has it).
const RefItem* findAttachmentKind(std::string_view code);

// The list named `listId` (see namespace lists), or nullptr for an unknown or campaign-driven list.
const std::vector<RefItem>* referenceList(std::string_view listId);

// The entry with `code` in `list`, or nullptr.
const RefItem* findByCode(const std::vector<RefItem>& list, std::string_view code);
// The entry whose code or Chinese name is `codeOrZh` (for data files written by people), or nullptr.
const RefItem* findByCodeOrZh(const std::vector<RefItem>& list, std::string_view codeOrZh);

const RefItem* findEthnicGroup(std::string_view code);
const RefItem* findDegree(std::string_view code);
const RefItem* findTitleLevel(std::string_view code);
const RefItem* findEducationLevel(std::string_view code);
const RefItem* findUnitNature(std::string_view code);
const RefItem* findPriorityScope(std::string_view code);

// R-ELG-1: true for the 55 minority groups; false for 汉族 ("01") and for unknown codes.
bool isMinority(std::string_view ethnicCode);

// Rank of a degree / title level code; std::nullopt for an unknown code.
std::optional<int> degreeRank(std::string_view code);
std::optional<int> titleLevelRank(std::string_view code);

// R-ELG-5: whether a unit nature counts as the non-public sector (非公领域). Decision: 非公企业
// and 社会组织 do (the "two new" organisations); unknown codes do not.
bool isNonPublicNature(std::string_view unitNatureCode);

// R-ORG-1 organisations.
enum class OrgKind {
    Centre,       // 自治区人事人才公共服务中心
    LeagueCity,   // the 12 leagues and cities
    SeparateCity, // 满洲里市, 二连浩特市
    Department,   // region-level departments (厅局)
    University,   // region-level universities (高校), reporting like departments
};

struct Organisation {
    std::string code;
    std::string zh;
    std::string en;
    OrgKind kind = OrgKind::Department;

    bool operator==(const Organisation&) const = default;
};

// Code of the centre.
inline constexpr std::string_view kCentreOrgCode = "C00";

const std::vector<Organisation>& organisations();
const Organisation* findOrganisation(std::string_view code);
// Every organisation except the centre recommends applicants (推荐单位).
bool isRecommendingAuthority(std::string_view code);
const char* toString(OrgKind kind); // "centre", "league_city", "separate_city", "department", "university"

} // namespace tepei::model

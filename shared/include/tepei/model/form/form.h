#pragma once
// The application form (申报表, FORMS.md): the ONE field list that the model, the sync payload, the
// QML form, the printed PDF and the Excel export all read (R-APP-1, R-APP-2, R-APP-4).
// Field values travel as JSON in a FieldMap keyed by field id; enum fields hold reference codes
// (tepei/model/reference/reference.h), dates ISO text, Rows fields arrays of objects keyed by column id.
// All functions are pure and thread-safe; the spec tables are immutable and live forever.

#include <boost/container/flat_map.hpp>
#include <cpprest/json.h>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/reference/date.h>
#include <tepei/model/reference/reason.h>
#include <tepei/model/reference/resident_id.h>
#include <utility>
#include <vector>

namespace tepei::model {

enum class FieldType {
    Text,     // one line of text
    LongText, // paragraphs (line breaks allowed)
    Date,     // "YYYY-MM-DD"
    Int,      // integer in [minValue, maxValue]
    Bool,     // true/false
    Enum,     // a code of the list named by enumSource (strings; priority_scope also takes 1..5)
    Rows,     // array of objects, one per row, keyed by column id
};
const char* toString(FieldType type); // "text", "long_text", "date", "int", "bool", "enum", "rows"

// Campaign limits a field can take its maximum length from (FieldSpec::limitKey).
namespace limits {
inline constexpr std::string_view kStudyPlan = "studyPlanMaxChars";
inline constexpr std::string_view kAchievements = "achievementsMaxChars";
} // namespace limits

// Extra format rules for Text fields (FieldSpec::format).
namespace formats {
inline constexpr std::string_view kMobile = "mobile";          // 11 digits starting with 1
inline constexpr std::string_view kEmail = "email";            // local@domain.tld
inline constexpr std::string_view kResidentId = "resident_id"; // GB 11643 (parseResidentId)
} // namespace formats

// One column of a Rows field.
struct ColumnSpec {
    std::string id;
    const char* labelZh = "";
    const char* labelEn = "";
    FieldType type = FieldType::Text; // Text, Int or Date
    bool required = false;
    int maxChars = 0; // Text: 0 = no limit
    int minValue = 0; // Int
    int maxValue = 0; // Int
};

struct FieldSpec {
    std::string id;           // snake_case English, e.g. "birth_date"; the key in FieldMap
    int section = 0;          // 1..8, see applicationSections()
    const char* labelZh = ""; // label on the form and the print, e.g. 出生日期
    const char* labelEn = "";
    FieldType type = FieldType::Text;
    std::string enumSource; // Enum: list id (reference.h namespace lists)
    bool required = false;  // must be filled before submission
    int maxChars = 0;       // Text/LongText: limit in characters (code points); 0 = none
    std::string limitKey;   // when set, the campaign's limit of that name replaces maxChars
    std::string format;     // Text: extra rule (namespace formats), or empty
    int minValue = 0;       // Int: inclusive range
    int maxValue = 0;
    std::vector<ColumnSpec> columns; // Rows
    int maxRows = 0;                 // Rows: 0 = no limit
};

struct SectionSpec {
    int number = 0;
    const char* titleZh = "";
    const char* titleEn = "";
};

// Sections 1..9 of the form in print order. Section 9 (审核意见) has no fields: it is filled from
// the review actions, never typed into the form.
const std::vector<SectionSpec>& applicationSections();

// Every field, in form order.
const std::vector<FieldSpec>& applicationFields();

// The field with `id`, or nullptr.
const FieldSpec* findField(std::string_view id);

// The length limit that applies to a Text/LongText field in this campaign (0 = none).
int maxCharsFor(const FieldSpec& spec, const Campaign& campaign);

// Number of characters (Unicode code points) in UTF-8 text; -1 if it is not valid UTF-8.
int utf8Length(std::string_view text);

// A record's field values by field id, sorted by id. A flat sorted vector, not a node map: the fold
// builds one per application from a payload that arrives sorted, and the rules look fields up far
// more often than they insert; contiguous entries make both cheap. Inserting invalidates iterators.
// Looked up by std::string_view or a literal without building a std::string (std::less<>).
using FieldMap = boost::container::flat_map<std::string, web::json::value, std::less<>>;

// Builds a FieldMap from a JSON object (non-objects give an empty map), and back.
FieldMap fieldMapFromJson(const web::json::value& object);
web::json::value toJson(const FieldMap& fields);

// A form's values by their field's place in applicationFields(), found in one pass over a
// FieldMap: the rules read most fields of a form, and this turns each read into an index instead
// of a search. Holds pointers into the map: valid while the map is not changed.
class FormView {
public:
    explicit FormView(const FieldMap& fields);
    // The value of the form field, or nullptr if it has none (also for an id not on the form).
    const web::json::value* get(const FieldSpec& spec) const;
    const web::json::value* get(std::string_view id) const;
    // Ids in the map that are not fields of the form, in map order.
    const std::vector<std::string_view>& unknown() const { return m_unknown; }

private:
    std::vector<const web::json::value*> m_values; // by index in applicationFields()
    std::vector<std::string_view> m_unknown;
};

// True for null, a string of only whitespace, an empty array: what counts as "not filled".
bool isEmptyValue(const web::json::value& value);

// Checks one value against its field: type, list membership, length, date form, mobile, e-mail,
// ID number, row columns. An empty value (isEmptyValue) passes: whether it must be filled is
// validateForSubmission's concern, so drafts may hold gaps. Returns the reason, or nullopt if fine.
std::optional<Reason> validateFieldValue(const FieldSpec& spec, const web::json::value& value,
                                         const Campaign& campaign);

// Everything that stops a submission: unknown field ids, every required field not filled, every
// invalid value, and cross-field rules (a title level above "none" needs the title and its date;
// a non_public flag that differs from the unit nature needs non_public_override_reason).
// Pairs of (field id, reason): unknown fields first, then the fields in form order, then the
// cross-field rules; empty when the form may be submitted. Eligibility (checkEligibility) is a
// separate check that the submit rule applies as well.
std::vector<std::pair<std::string, Reason>> validateForSubmission(const FieldMap& fields,
                                                                  const Campaign& campaign);
// The same on a form already indexed (the fold indexes it once for all the rules it runs).
std::vector<std::pair<std::string, Reason>> validateForSubmission(const FormView& fields,
                                                                  const Campaign& campaign);

// Typed view of the form -------------------------------------------------------------------------

struct WorkHistoryRow {
    std::optional<Date> from;
    std::optional<Date> to; // none: up to now (至今)
    std::string unit;
    std::string position;
};

// A row of awards (获奖情况), publications (论文著作) or projects (项目课题).
struct RecordRow {
    std::optional<int> year;
    std::string title;
    std::string detail; // awarding body, journal/publisher, or the applicant's role
};

struct ApplicationForm {
    // 1 基本信息
    std::string name;
    std::optional<Sex> sex;
    std::string ethnicity; // GB/T 3304 code
    std::optional<Date> birthDate;
    std::string idNumber;
    std::string politicalStatus;
    std::optional<bool> healthDeclared;
    std::string mobile;
    std::string email;
    std::string address;
    // 2 学历学位
    std::string education;
    std::string degree;
    std::string graduatedFrom;
    std::string major;
    std::optional<Date> graduationDate;
    // 3 专业技术
    std::string title;
    std::string titleLevel;
    std::optional<Date> titleDate;
    std::string profession;
    std::optional<int> yearsInProfession;
    std::optional<int> priorityScope; // 1..5
    std::string fieldArea;
    // 4 工作单位
    std::string employer;
    std::string authority; // recommending authority code (单位所在地)
    std::string unitNature;
    std::optional<bool> grassroots;
    bool nonPublic = false;           // effective value: derived from unitNature unless overridden
    bool nonPublicOverridden = false; // true when the form's non_public differs and a reason is given
    std::string nonPublicOverrideReason;
    // 5 培养意向
    std::string trainingMode;
    std::string trainingUnit1;
    std::string trainingUnit2;
    std::string trainingDirection;
    std::string studyPlan;
    // 6, 7
    std::vector<WorkHistoryRow> workHistory;
    std::string achievements;
    std::vector<RecordRow> awards;
    std::vector<RecordRow> publications;
    std::vector<RecordRow> projects;
    // 8 诚信承诺
    std::optional<bool> integrityDeclared;
};

// The typed view; a missing value or one of the wrong JSON type becomes empty / nullopt (text is
// trimmed). Codes are copied as given; validateFieldValue says whether they are in their lists.
ApplicationForm formFromFields(const FieldMap& fields);
ApplicationForm formFromFields(const FormView& fields);
// Only the parts the eligibility rules read (personal details, profession and employer, the
// declarations); the plan, history and record rows stay empty. Cheaper: every submission and
// review step checks eligibility.
ApplicationForm formForEligibility(const FormView& fields);

// R-ELG-5: the non-public flag as the rules use it. It is the unit nature's (isNonPublicNature)
// unless the form's non_public says otherwise and non_public_override_reason is filled.
bool effectiveNonPublic(const FieldMap& fields);

} // namespace tepei::model

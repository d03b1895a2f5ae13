// The field list of the application form (FORMS.md 申报表). Length limits here are product
// choices for one-line fields; the notice's limits (study plan, achievements) come from the
// campaign through limitKey.

#include <limits>
#include <tepei/model/form/form.h>
#include <tepei/model/reference/reference.h>

namespace tepei::model {
namespace {

constexpr int kShort = 50;   // names, titles, positions
constexpr int kMedium = 100; // organisations, majors, fields
constexpr int kLong = 200;   // addresses, reasons, row titles
constexpr int kMaxRows = 100;
constexpr int kEarliestYear = 1900;
constexpr int kLatestYear = 2100;
constexpr int kMaxYearsInProfession = 70;

FieldSpec base(std::string id, int section, const char* zh, const char* en, FieldType type, bool required)
{
    FieldSpec spec;
    spec.id = std::move(id);
    spec.section = section;
    spec.labelZh = zh;
    spec.labelEn = en;
    spec.type = type;
    spec.required = required;
    return spec;
}

FieldSpec text(std::string id, int section, const char* zh, const char* en, bool required, int maxChars,
               std::string_view format = {})
{
    FieldSpec spec = base(std::move(id), section, zh, en, FieldType::Text, required);
    spec.maxChars = maxChars;
    spec.format = std::string(format);
    return spec;
}

FieldSpec longText(std::string id, int section, const char* zh, const char* en, std::string_view limitKey)
{
    FieldSpec spec = base(std::move(id), section, zh, en, FieldType::LongText, true);
    spec.limitKey = std::string(limitKey);
    return spec;
}

FieldSpec enumeration(std::string id, int section, const char* zh, const char* en, std::string_view source,
                      bool required = true)
{
    FieldSpec spec = base(std::move(id), section, zh, en, FieldType::Enum, required);
    spec.enumSource = std::string(source);
    return spec;
}

FieldSpec rows(std::string id, int section, const char* zh, const char* en, bool required,
               std::vector<ColumnSpec> columns)
{
    FieldSpec spec = base(std::move(id), section, zh, en, FieldType::Rows, required);
    spec.columns = std::move(columns);
    spec.maxRows = kMaxRows;
    return spec;
}

std::vector<ColumnSpec> recordColumns(const char* yearZh, const char* yearEn, const char* titleZh,
                                      const char* titleEn, const char* detailZh, const char* detailEn)
{
    return {
        ColumnSpec{"year", yearZh, yearEn, FieldType::Int, true, 0, kEarliestYear, kLatestYear},
        ColumnSpec{"title", titleZh, titleEn, FieldType::Text, true, kLong, 0, 0},
        ColumnSpec{"detail", detailZh, detailEn, FieldType::Text, false, kLong, 0, 0},
    };
}

void addPersonal(std::vector<FieldSpec>& f)
{
    f.push_back(text("name", 1, "姓名", "Name", true, kShort));
    f.push_back(enumeration("sex", 1, "性别", "Sex", lists::kSex));
    f.push_back(enumeration("ethnicity", 1, "民族", "Ethnic group", lists::kEthnicity));
    f.push_back(base("birth_date", 1, "出生日期", "Date of birth", FieldType::Date, true));
    f.push_back(text("id_number", 1, "身份证号", "Resident ID number", true, 18, formats::kResidentId));
    f.push_back(enumeration("political_status", 1, "政治面貌", "Political status", lists::kPoliticalStatus));
    f.push_back(base("health_declared", 1, "健康状况（本人声明身心健康）",
                     "Health (I declare that I am in good physical and mental health)", FieldType::Bool,
                     true));
    f.push_back(text("mobile", 1, "联系电话", "Mobile phone", true, 11, formats::kMobile));
    f.push_back(text("email", 1, "电子邮箱", "E-mail", true, kMedium, formats::kEmail));
    f.push_back(text("address", 1, "通讯地址", "Postal address", true, kLong));
}

void addEducationAndProfession(std::vector<FieldSpec>& f)
{
    f.push_back(enumeration("education", 2, "最高学历", "Highest education", lists::kEducation));
    f.push_back(enumeration("degree", 2, "最高学位", "Highest degree", lists::kDegree));
    f.push_back(text("graduated_from", 2, "毕业院校", "Graduated from", true, kMedium));
    f.push_back(text("major", 2, "所学专业", "Major", true, kMedium));
    f.push_back(base("graduation_date", 2, "毕业时间", "Graduation date", FieldType::Date, true));
    f.push_back(text("title", 3, "专业技术职务", "Professional title", false, kShort));
    f.push_back(enumeration("title_level", 3, "职称级别", "Title level", lists::kTitleLevel));
    f.push_back(base("title_date", 3, "取得时间", "Title obtained on", FieldType::Date, false));
    f.push_back(text("profession", 3, "从事专业", "Profession", true, kMedium));
    FieldSpec years =
        base("years_in_profession", 3, "从事本专业年限", "Years in the profession", FieldType::Int, true);
    years.minValue = 0;
    years.maxValue = kMaxYearsInProfession;
    f.push_back(years);
    f.push_back(enumeration("priority_scope", 3, "重点选拔范围", "Priority scope", lists::kPriorityScope));
    f.push_back(text("field_area", 3, "所属领域", "Field", true, kMedium));
}

void addEmployerAndTraining(std::vector<FieldSpec>& f)
{
    f.push_back(text("employer", 4, "工作单位名称", "Employer", true, kMedium));
    f.push_back(enumeration("authority", 4, "单位所在地（推荐单位）", "Location (recommending authority)",
                            lists::kAuthority));
    f.push_back(enumeration("unit_nature", 4, "单位性质", "Nature of the employer", lists::kUnitNature));
    f.push_back(base("grassroots", 4, "是否基层单位", "Grassroots unit", FieldType::Bool, true));
    f.push_back(base("non_public", 4, "是否非公领域", "Non-public sector", FieldType::Bool, false));
    f.push_back(text("non_public_override_reason", 4, "非公领域认定说明", "Reason for the non-public setting",
                     false, kLong));
    f.push_back(enumeration("training_mode", 5, "培养方式", "Training mode", lists::kTrainingMode));
    f.push_back(text("training_unit_1", 5, "拟培养单位（第一志愿）", "Intended training unit (first choice)",
                     true, kMedium));
    f.push_back(text("training_unit_2", 5, "拟培养单位（第二志愿）", "Intended training unit (second choice)",
                     false, kMedium));
    f.push_back(
        text("training_direction", 5, "拟培养专业/方向", "Intended major or direction", true, kMedium));
    f.push_back(
        longText("study_plan", 5, "培养目标和学习计划", "Training goals and study plan", limits::kStudyPlan));
}

void addRecords(std::vector<FieldSpec>& f)
{
    f.push_back(rows("work_history", 6, "工作经历", "Work history", true,
                     {
                         ColumnSpec{"from", "起始时间", "From", FieldType::Date, true, 0, 0, 0},
                         ColumnSpec{"to", "截止时间（空为至今）", "To (empty: until now)", FieldType::Date,
                                    false, 0, 0, 0},
                         ColumnSpec{"unit", "单位", "Organisation", FieldType::Text, true, kMedium, 0, 0},
                         ColumnSpec{"position", "职务/岗位", "Position", FieldType::Text, true, kShort, 0, 0},
                     }));
    f.push_back(longText("achievements", 7, "主要业绩", "Main achievements", limits::kAchievements));
    f.push_back(rows("awards", 7, "获奖情况", "Awards", false,
                     recordColumns("获奖年份", "Year", "奖项名称", "Award", "授奖单位", "Awarded by")));
    f.push_back(rows(
        "publications", 7, "论文著作", "Publications", false,
        recordColumns("发表年份", "Year", "论文/著作名称", "Title", "刊物/出版社", "Journal or publisher")));
    f.push_back(rows("projects", 7, "项目课题", "Projects", false,
                     recordColumns("立项年份", "Year", "项目/课题名称", "Project", "本人角色", "Role")));
    f.push_back(base("integrity_declared", 8, "诚信承诺（本人承诺所填内容真实，符合选拔条件）",
                     "Declaration (I affirm that the content is true and that I meet the conditions)",
                     FieldType::Bool, true));
    // Attachments (附件证明材料): references to uploaded files, content-addressed by SHA-256 (R-SYNC-4).
    f.push_back(rows("attachments", 10, "附件证明材料", "Supporting documents", false,
                     {
                         ColumnSpec{"kind", "材料类别", "Kind", FieldType::Text, true, kShort, 0, 0},
                         ColumnSpec{"name", "文件名", "File name", FieldType::Text, true, kLong, 0, 0},
                         ColumnSpec{"sha256", "文件摘要", "SHA-256", FieldType::Text, true, 64, 0, 0},
                         ColumnSpec{"type", "文件类型", "MIME type", FieldType::Text, true, kShort, 0, 0},
                         ColumnSpec{"size", "大小（字节）", "Size (bytes)", FieldType::Int, true, 0, 1,
                                    std::numeric_limits<int>::max()},
                     }));
}

} // namespace

const char* toString(FieldType type)
{
    switch (type) {
    case FieldType::Text:
        return "text";
    case FieldType::LongText:
        return "long_text";
    case FieldType::Date:
        return "date";
    case FieldType::Int:
        return "int";
    case FieldType::Bool:
        return "bool";
    case FieldType::Enum:
        return "enum";
    case FieldType::Rows:
        return "rows";
    }
    return "text";
}

const std::vector<SectionSpec>& applicationSections()
{
    static const std::vector<SectionSpec> sections{
        {1, "基本信息", "Personal information"},
        {2, "学历学位", "Education and degree"},
        {3, "专业技术", "Professional qualification"},
        {4, "工作单位", "Employer"},
        {5, "培养意向", "Intended training"},
        {6, "工作经历", "Work history"},
        {7, "主要业绩", "Achievements"},
        {8, "诚信承诺", "Declaration"},
        {9, "审核意见", "Review opinions"},
        {10, "附件证明材料", "Supporting documents"},
    };
    return sections;
}

const std::vector<FieldSpec>& applicationFields()
{
    static const std::vector<FieldSpec> fields = [] {
        std::vector<FieldSpec> f;
        addPersonal(f);
        addEducationAndProfession(f);
        addEmployerAndTraining(f);
        addRecords(f);
        return f;
    }();
    return fields;
}

namespace {

// The field ids in an open-addressing table: the fold and the rules look up every field of every
// change, so a lookup is a hash of four numbers, one probe or two, and one comparison.
class FieldIndex {
public:
    FieldIndex()
    {
        std::size_t size = 16;
        while (size < 8 * applicationFields().size())
            size *= 2;
        m_slots.assign(size, nullptr);
        for (const auto& spec : applicationFields()) {
            std::size_t slot = hash(spec.id) & (size - 1);
            while (m_slots[slot])
                slot = (slot + 1) & (size - 1);
            m_slots[slot] = &spec;
        }
    }

    const FieldSpec* find(std::string_view id) const
    {
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t slot = hash(id) & mask; m_slots[slot]; slot = (slot + 1) & mask) {
            if (m_slots[slot]->id == id)
                return m_slots[slot];
        }
        return nullptr;
    }

private:
    // Length and three bytes tell the form's ids apart well enough (probing settles the rest).
    static std::size_t hash(std::string_view text)
    {
        if (text.empty())
            return 0;
        const auto at = [&](std::size_t i) {
            return static_cast<std::size_t>(static_cast<unsigned char>(text[i]));
        };
        return text.size() * 0x9E37u ^ at(0) * 0x85EBu ^ at(text.size() / 2) * 0xC2B3u ^
               at(text.size() - 1) * 0x27D5u;
    }

    std::vector<const FieldSpec*> m_slots;
};

} // namespace

const FieldSpec* findField(std::string_view id)
{
    static const FieldIndex index; // built once, thread-safe
    return index.find(id);
}

FormView::FormView(const FieldMap& fields) : m_values(applicationFields().size(), nullptr)
{
    const FieldSpec* const first = applicationFields().data();
    for (const auto& [id, value] : fields) {
        if (const FieldSpec* spec = findField(id))
            m_values[static_cast<std::size_t>(spec - first)] = &value;
        else
            m_unknown.emplace_back(id);
    }
}

const web::json::value* FormView::get(const FieldSpec& spec) const
{
    return m_values[static_cast<std::size_t>(&spec - applicationFields().data())];
}

const web::json::value* FormView::get(std::string_view id) const
{
    const FieldSpec* spec = findField(id);
    return spec ? get(*spec) : nullptr;
}

int maxCharsFor(const FieldSpec& spec, const Campaign& campaign)
{
    if (spec.limitKey == limits::kStudyPlan)
        return campaign.studyPlanMaxChars;
    if (spec.limitKey == limits::kAchievements)
        return campaign.achievementsMaxChars;
    return spec.maxChars;
}

} // namespace tepei::model

// The typed view of the application form (ApplicationForm) and the derived non-public flag.

#include <tepei/model/form/form.h>
#include <tepei/model/reference/reference.h>

namespace tepei::model {
namespace {

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string textOf(const web::json::value* value)
{
    return value && value->is_string() ? trimmed(value->as_string()) : std::string();
}

std::string text(const FormView& fields, std::string_view id)
{
    return textOf(fields.get(id));
}

std::optional<bool> boolean(const FormView& fields, std::string_view id)
{
    const auto* value = fields.get(id);
    return value && value->is_boolean() ? std::optional<bool>(value->as_bool()) : std::nullopt;
}

std::optional<int> integerOf(const web::json::value* value)
{
    if (!value)
        return std::nullopt;
    if (value->is_integer() && value->as_number().is_int32())
        return value->as_number().to_int32();
    return std::nullopt;
}

std::optional<Date> dateOf(const web::json::value* value)
{
    if (!value || !value->is_string())
        return std::nullopt;
    auto date = parseDate(value->as_string());
    return date.ok() ? std::optional<Date>(*date) : std::nullopt;
}

std::optional<int> priorityScope(const FormView& fields)
{
    const auto* value = fields.get("priority_scope");
    std::string code = textOf(value);
    if (auto number = integerOf(value))
        code = std::to_string(*number);
    return findPriorityScope(code) ? std::optional<int>(std::stoi(code)) : std::nullopt;
}

const web::json::array* rowsOf(const FormView& fields, std::string_view id)
{
    const auto* value = fields.get(id);
    return value && value->is_array() ? &value->as_array() : nullptr;
}

const web::json::value* column(const web::json::value& row, const std::string& id)
{
    if (!row.is_object())
        return nullptr;
    const auto& object = row.as_object();
    const auto it = object.find(id);
    return it == object.end() ? nullptr : &it->second;
}

std::vector<WorkHistoryRow> workHistory(const FormView& fields)
{
    std::vector<WorkHistoryRow> rows;
    if (const auto* array = rowsOf(fields, "work_history")) {
        for (const auto& row : *array) {
            rows.push_back(WorkHistoryRow{dateOf(column(row, "from")), dateOf(column(row, "to")),
                                          textOf(column(row, "unit")), textOf(column(row, "position"))});
        }
    }
    return rows;
}

std::vector<RecordRow> records(const FormView& fields, std::string_view id)
{
    std::vector<RecordRow> rows;
    if (const auto* array = rowsOf(fields, id)) {
        for (const auto& row : *array) {
            rows.push_back(RecordRow{integerOf(column(row, "year")), textOf(column(row, "title")),
                                     textOf(column(row, "detail"))});
        }
    }
    return rows;
}

void fillPersonal(const FormView& fields, ApplicationForm& form)
{
    form.name = text(fields, "name");
    form.sex = sexFromString(text(fields, "sex"));
    form.ethnicity = text(fields, "ethnicity");
    form.birthDate = dateOf(fields.get("birth_date"));
    form.idNumber = text(fields, "id_number");
    form.politicalStatus = text(fields, "political_status");
    form.healthDeclared = boolean(fields, "health_declared");
    form.mobile = text(fields, "mobile");
    form.email = text(fields, "email");
    form.address = text(fields, "address");
    form.education = text(fields, "education");
    form.degree = text(fields, "degree");
    form.graduatedFrom = text(fields, "graduated_from");
    form.major = text(fields, "major");
    form.graduationDate = dateOf(fields.get("graduation_date"));
}

bool effectiveNonPublic(const FormView& fields);

void fillProfessionAndEmployer(const FormView& fields, ApplicationForm& form)
{
    form.title = text(fields, "title");
    form.titleLevel = text(fields, "title_level");
    form.titleDate = dateOf(fields.get("title_date"));
    form.profession = text(fields, "profession");
    form.yearsInProfession = integerOf(fields.get("years_in_profession"));
    form.priorityScope = priorityScope(fields);
    form.fieldArea = text(fields, "field_area");
    form.employer = text(fields, "employer");
    form.authority = text(fields, "authority");
    form.unitNature = text(fields, "unit_nature");
    form.grassroots = boolean(fields, "grassroots");
    form.nonPublic = effectiveNonPublic(fields);
    form.nonPublicOverridden = form.nonPublic != isNonPublicNature(form.unitNature);
    form.nonPublicOverrideReason = text(fields, "non_public_override_reason");
}

bool effectiveNonPublic(const FormView& fields)
{
    const bool derived = isNonPublicNature(text(fields, "unit_nature"));
    const auto flag = boolean(fields, "non_public");
    if (flag && *flag != derived && !text(fields, "non_public_override_reason").empty())
        return *flag;
    return derived;
}

} // namespace

bool effectiveNonPublic(const FieldMap& fields)
{
    return effectiveNonPublic(FormView(fields));
}

ApplicationForm formFromFields(const FieldMap& fields)
{
    return formFromFields(FormView(fields));
}

ApplicationForm formForEligibility(const FormView& fields)
{
    ApplicationForm form;
    fillPersonal(fields, form);
    fillProfessionAndEmployer(fields, form);
    form.integrityDeclared = boolean(fields, "integrity_declared");
    return form;
}

ApplicationForm formFromFields(const FormView& fields)
{
    ApplicationForm form = formForEligibility(fields);
    form.trainingMode = text(fields, "training_mode");
    form.trainingUnit1 = text(fields, "training_unit_1");
    form.trainingUnit2 = text(fields, "training_unit_2");
    form.trainingDirection = text(fields, "training_direction");
    form.studyPlan = text(fields, "study_plan");
    form.workHistory = workHistory(fields);
    form.achievements = text(fields, "achievements");
    form.awards = records(fields, "awards");
    form.publications = records(fields, "publications");
    form.projects = records(fields, "projects");
    return form;
}

} // namespace tepei::model

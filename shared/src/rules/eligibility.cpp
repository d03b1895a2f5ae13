#include <tepei/model/reference/reference.h>
#include <tepei/model/reference/resident_id.h>
#include <tepei/model/rules/eligibility.h>

namespace tepei::model {
namespace {

void checkEthnicity(const ApplicationForm& form, std::vector<Reason>& out)
{
    if (form.ethnicity.empty()) {
        out.push_back({"ethnicity_missing", "未填写民族。请选择民族。",
                       "The ethnic group is not filled in; choose it."});
        return;
    }
    if (!isMinority(form.ethnicity)) {
        const RefItem* group = findEthnicGroup(form.ethnicity);
        const std::string zh = group ? group->zh : form.ethnicity;
        const std::string en = group ? group->en : form.ethnicity;
        out.push_back({"not_minority", "本计划只选拔少数民族专业技术人才，所填民族为" + zh + "。",
                       "The programme is for members of ethnic minorities; the form says " + en + "."});
    }
}

void checkAge(const ApplicationForm& form, const Campaign& campaign, std::vector<Reason>& out)
{
    if (!form.birthDate) {
        out.push_back({"birth_date_missing", "未填写出生日期，无法核对年龄条件。请填写出生日期。",
                       "The date of birth is missing, so the age limit cannot be checked; fill it in."});
        return;
    }
    const int age = fullYearsOnDate(*form.birthDate, campaign.ageReferenceDate);
    if (age > campaign.maxAge) {
        const std::string max = std::to_string(campaign.maxAge), has = std::to_string(age);
        const std::string on = toString(campaign.ageReferenceDate);
        out.push_back(
            {"too_old", "年龄须在 " + max + " 周岁以下；截至 " + on + " 申报人已满 " + has + " 周岁。",
             "Applicants must be " + max + " or younger; on " + on + " the applicant is " + has + "."});
    }
}

void checkQualification(const ApplicationForm& form, const Campaign& campaign, std::vector<Reason>& out)
{
    const auto degree = degreeRank(form.degree);
    const auto minDegree = degreeRank(campaign.minDegreeForYearsRule);
    const auto title = titleLevelRank(form.titleLevel);
    const auto minTitle = titleLevelRank(campaign.minTitleLevel);
    const bool degreeRoute = degree && minDegree && *degree >= *minDegree && form.yearsInProfession &&
                             *form.yearsInProfession >= campaign.minYearsWithMasters;
    const bool titleRoute = title && minTitle && *title >= *minTitle;
    if (degreeRoute || titleRoute)
        return;
    const RefItem* needDegree = findDegree(campaign.minDegreeForYearsRule);
    const RefItem* needTitle = findTitleLevel(campaign.minTitleLevel);
    const std::string years = std::to_string(campaign.minYearsWithMasters);
    const std::string has = form.yearsInProfession ? std::to_string(*form.yearsInProfession) : "?";
    const RefItem* hasDegree = findDegree(form.degree);
    const RefItem* hasTitle = findTitleLevel(form.titleLevel);
    out.push_back({"qualification_insufficient",
                   "须具备" + (needDegree ? needDegree->zh : "") + "及以上学位且从事本专业工作 " + years +
                       " 年以上，或具备" + (needTitle ? needTitle->zh : "") + "及以上职称。所填为：学位" +
                       (hasDegree ? hasDegree->zh : "未填") + "，从事本专业 " + has + " 年，职称级别" +
                       (hasTitle ? hasTitle->zh : "未填") + "。",
                   "Applicants need a " + (needDegree ? needDegree->en : "") + " or higher and " + years +
                       " or more years in the profession, or a title level of " +
                       (needTitle ? needTitle->en : "") + " or higher. The form gives: degree " +
                       (hasDegree ? hasDegree->en : "not filled in") + ", " + has + " years, title level " +
                       (hasTitle ? hasTitle->en : "not filled in") + "."});
}

void checkDeclarations(const ApplicationForm& form, std::vector<Reason>& out)
{
    if (form.healthDeclared != true)
        out.push_back({"declaration_missing", "未声明身心健康。请在“健康状况”一栏确认。",
                       "The health declaration is missing; confirm it under \"Health\"."});
    if (form.integrityDeclared != true)
        out.push_back({"declaration_missing", "未作出诚信承诺。请阅读并确认“诚信承诺”。",
                       "The declaration of truth and conduct is missing; read and confirm the declaration."});
}

void checkScope(const ApplicationForm& form, std::vector<Reason>& out)
{
    if (!form.priorityScope)
        out.push_back({"scope_missing", "未选择重点选拔范围。请从重点选拔范围中选择一项。",
                       "No priority scope is chosen; choose one of the priority scopes."});
}

void checkIdentity(const ApplicationForm& form, std::vector<Reason>& out)
{
    if (form.idNumber.empty()) {
        out.push_back({"id_invalid", "未填写身份证号码。请填写 18 位身份证号码。",
                       "The resident ID number is missing; enter the 18-character number."});
        return;
    }
    const auto id = parseResidentId(form.idNumber);
    if (!id.ok()) {
        out.push_back(id.error());
        return;
    }
    if (form.birthDate && *form.birthDate != id->birthDate) {
        const std::string idBirth = toString(id->birthDate), formBirth = toString(*form.birthDate);
        out.push_back({"id_birth_mismatch",
                       "出生日期 " + formBirth + " 与身份证号码中的 " + idBirth + " 不一致，请核对。",
                       "The date of birth " + formBirth + " differs from " + idBirth +
                           " in the ID number; check both."});
    }
    if (form.sex && *form.sex != id->sex) {
        const bool male = id->sex == Sex::Male;
        out.push_back(
            {"id_sex_mismatch",
             std::string("性别与身份证号码不一致（号码显示为") + (male ? "男" : "女") + "），请核对。",
             std::string("The sex differs from the ID number (which says ") + (male ? "male" : "female") +
                 "); check both."});
    }
}

} // namespace

std::vector<Reason> checkEligibility(const FieldMap& fields, const Campaign& campaign)
{
    return checkEligibility(FormView(fields), campaign);
}

std::vector<Reason> checkEligibility(const FormView& fields, const Campaign& campaign)
{
    const ApplicationForm form = formForEligibility(fields);
    std::vector<Reason> reasons;
    checkEthnicity(form, reasons);
    checkAge(form, campaign, reasons);
    checkQualification(form, campaign, reasons);
    checkDeclarations(form, reasons);
    checkScope(form, reasons);
    checkIdentity(form, reasons);
    return reasons;
}

bool isEligible(const FieldMap& fields, const Campaign& campaign)
{
    return checkEligibility(fields, campaign).empty();
}

} // namespace tepei::model

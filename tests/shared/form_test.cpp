// R-APP-2: the one field list of the application form and its validation.
#include "form_fixture.h"

#include <gtest/gtest.h>
#include <set>
#include <tepei/model/form/form.h>
#include <tepei/model/reference/reference.h>

namespace {
using namespace tepei::model;
using tepei::model::test::campaign2024;
using tepei::model::test::eligibleFields;
using tepei::model::test::str;
using web::json::value;

std::optional<Reason> check(const char* id, const value& v)
{
    const FieldSpec* spec = findField(id);
    EXPECT_NE(spec, nullptr) << id;
    return spec ? validateFieldValue(*spec, v, campaign2024()) : std::nullopt;
}

std::string repeat(const std::string& unit, int times)
{
    std::string text;
    for (int i = 0; i < times; ++i)
        text += unit;
    return text;
}

TEST(RApp2_FieldList, EveryFieldOfTheFormIsListedOnceWithLabels)
{
    const std::vector<std::string> expected{"name",
                                            "sex",
                                            "ethnicity",
                                            "birth_date",
                                            "id_number",
                                            "political_status",
                                            "health_declared",
                                            "mobile",
                                            "email",
                                            "address",
                                            "education",
                                            "degree",
                                            "graduated_from",
                                            "major",
                                            "graduation_date",
                                            "title",
                                            "title_level",
                                            "title_date",
                                            "profession",
                                            "years_in_profession",
                                            "priority_scope",
                                            "field_area",
                                            "employer",
                                            "authority",
                                            "unit_nature",
                                            "grassroots",
                                            "non_public",
                                            "non_public_override_reason",
                                            "training_mode",
                                            "training_unit_1",
                                            "training_unit_2",
                                            "training_direction",
                                            "study_plan",
                                            "work_history",
                                            "achievements",
                                            "awards",
                                            "publications",
                                            "projects",
                                            "integrity_declared",
                                            "attachments"};
    std::vector<std::string> ids;
    for (const auto& spec : applicationFields()) {
        ids.push_back(spec.id);
        EXPECT_GT(std::string(spec.labelZh).size(), 0u) << spec.id;
        EXPECT_GT(std::string(spec.labelEn).size(), 0u) << spec.id;
        EXPECT_GE(spec.section, 1);
        EXPECT_LE(spec.section, 10);
        EXPECT_NE(spec.section, 9) << "section 9 (审核意见) is filled from the review history, never typed";
        if (spec.type == FieldType::Enum) {
            EXPECT_FALSE(spec.enumSource.empty()) << spec.id;
        }
        if (spec.type == FieldType::Rows) {
            EXPECT_FALSE(spec.columns.empty()) << spec.id;
        }
    }
    EXPECT_EQ(ids, expected);
    EXPECT_EQ(applicationSections().size(), 10u); // 1-8 typed, 9 from the reviews, 10 the attachments
    EXPECT_EQ(findField("study_plan")->type, FieldType::LongText);
    EXPECT_EQ(findField("nope"), nullptr);
}

TEST(RApp2_FieldList, TextLimitsComeFromTheCampaign)
{
    EXPECT_EQ(maxCharsFor(*findField("study_plan"), campaign2024()), 1500);
    EXPECT_EQ(maxCharsFor(*findField("achievements"), campaign2024()), 2000);
    Campaign shorter = campaign2024();
    shorter.studyPlanMaxChars = 10;
    EXPECT_EQ(maxCharsFor(*findField("study_plan"), shorter), 10);
}

TEST(RApp2_Validate, StudyPlanOf1500ChineseCharactersPasses1501Fails)
{
    EXPECT_FALSE(check("study_plan", str(repeat("学", 1500).c_str())));
    const auto tooLong = check("study_plan", str(repeat("学", 1501).c_str()));
    ASSERT_TRUE(tooLong);
    EXPECT_EQ(tooLong->code, "field_too_long");
    EXPECT_NE(tooLong->en.find("1501 characters, more than the limit of 1500"), std::string::npos);
    EXPECT_FALSE(check("achievements", str(repeat("绩", 2000).c_str())));
    EXPECT_EQ(check("achievements", str(repeat("绩", 2001).c_str()))->code, "field_too_long");
    EXPECT_FALSE(check("study_plan", str("第一年：\n学习。")));
}

struct ValueCase {
    const char* field;
    value v;
    const char* code; // nullptr: valid
};

TEST(RApp2_Validate, TypesListsAndFormats)
{
    const std::vector<ValueCase> cases{
        {"name", str("乌云"), nullptr},
        {"name", value::number(1), "field_wrong_type"},
        {"name", str("a\x01"), "field_invalid_text"},
        {"name", str("\xff\xfe"), "field_invalid_text"},
        {"sex", str("female"), nullptr},
        {"sex", str("女"), "field_not_in_list"},
        {"ethnicity", str("02"), nullptr},
        {"ethnicity", str("57"), "field_not_in_list"},
        {"birth_date", str("1980-02-29"), nullptr},
        {"birth_date", str("1981-02-29"), "field_invalid_date"},
        {"birth_date", value::number(19800229), "field_wrong_type"},
        {"mobile", str("13904711234"), nullptr},
        {"mobile", str("1390471123"), "mobile_invalid"},
        {"mobile", str("23904711234"), "mobile_invalid"},
        {"mobile", str("139-0471123"), "mobile_invalid"},
        {"email", str("a.b@mail.imu.edu.cn"), nullptr},
        {"email", str("a.b.mail.cn"), "email_invalid"},
        {"email", str("a@b"), "email_invalid"},
        {"email", str("a@@b.cn"), "email_invalid"},
        {"email", str("a b@c.cn"), "email_invalid"},
        {"id_number", str("150102197901010015"), nullptr},
        {"id_number", str("150102197901010016"), "id_invalid"},
        {"years_in_profession", value::number(8), nullptr},
        {"years_in_profession", value::number(-1), "field_out_of_range"},
        {"years_in_profession", str("8"), "field_wrong_type"},
        {"priority_scope", str("5"), nullptr},
        {"priority_scope", value::number(1), nullptr},
        {"priority_scope", value::number(6), "field_not_in_list"},
        {"training_mode", str("institute_study"), nullptr},
        {"training_mode", str("self_study"), "field_not_in_list"},
        {"authority", str("150781"), nullptr},
        {"authority", str("C00"), "field_not_in_list"},
        {"health_declared", value::boolean(false), nullptr},
        {"health_declared", str("yes"), "field_wrong_type"},
        {"name", value::null(), nullptr},
        {"name", str("   "), nullptr},
    };
    for (const auto& c : cases) {
        const auto reason = check(c.field, c.v);
        if (!c.code) {
            EXPECT_FALSE(reason) << c.field << " " << c.v.serialize() << ": " << reason->en;
        } else {
            ASSERT_TRUE(reason) << c.field << " " << c.v.serialize();
            EXPECT_EQ(reason->code, c.code) << c.field << " " << c.v.serialize() << ": " << reason->en;
            EXPECT_FALSE(reason->zh.empty());
        }
    }
}

TEST(RApp2_Validate, RowsCheckTheirColumns)
{
    const auto rows = [](value row) {
        auto array = value::array();
        array[0] = std::move(row);
        return array;
    };
    auto good = value::object();
    good["from"] = str("2005-07-01");
    good["to"] = str("2010-06-30");
    good["unit"] = str("单位");
    good["position"] = str("技术员");
    EXPECT_FALSE(check("work_history", rows(good)));

    auto backwards = good;
    backwards["to"] = str("2001-01-01");
    EXPECT_EQ(check("work_history", rows(backwards))->code, "field_invalid_date");

    auto missing = good;
    missing.erase("unit");
    const auto reason = check("work_history", rows(missing));
    ASSERT_TRUE(reason);
    EXPECT_EQ(reason->code, "field_required");
    EXPECT_NE(reason->en.find("Work history, row 1, Organisation"), std::string::npos) << reason->en;

    auto extra = good;
    extra["salary"] = value::number(1);
    EXPECT_EQ(check("work_history", rows(extra))->code, "field_unknown");
    EXPECT_EQ(check("work_history", str("2005-2010 单位"))->code, "field_wrong_type");

    auto award = value::object();
    award["year"] = value::number(2019);
    award["title"] = str("自治区科技进步二等奖");
    EXPECT_FALSE(check("awards", rows(award)));
    award["year"] = str("2019");
    EXPECT_EQ(check("awards", rows(award))->code, "field_wrong_type");
}

TEST(RApp2_Submission, CompleteFormPasses)
{
    const auto problems = validateForSubmission(eligibleFields(), campaign2024());
    for (const auto& [field, reason] : problems)
        ADD_FAILURE() << field << ": " << reason.en;
}

TEST(RApp2_Submission, EveryMissingRequiredAndInvalidFieldIsListed)
{
    FieldMap fields = eligibleFields();
    fields.erase("name");
    fields["mobile"] = str("");
    fields["email"] = str("nope");
    fields["extra"] = value::number(1);
    const auto problems = validateForSubmission(fields, campaign2024());
    std::map<std::string, std::string> codes;
    for (const auto& [field, reason] : problems)
        codes[field] = reason.code;
    EXPECT_EQ(codes["name"], "field_required");
    EXPECT_EQ(codes["mobile"], "field_required");
    EXPECT_EQ(codes["email"], "email_invalid");
    EXPECT_EQ(codes["extra"], "field_unknown");
    EXPECT_EQ(codes.size(), 4u);

    const auto empty = validateForSubmission(FieldMap{}, campaign2024());
    std::size_t required = 0;
    for (const auto& spec : applicationFields())
        required += spec.required ? 1 : 0;
    EXPECT_EQ(empty.size(), required);
}

TEST(RApp2_Submission, TitleLevelNeedsTitleAndDate)
{
    FieldMap fields = eligibleFields();
    fields.erase("title");
    fields.erase("title_date");
    std::set<std::string> ids;
    for (const auto& [field, reason] : validateForSubmission(fields, campaign2024()))
        ids.insert(field);
    EXPECT_EQ(ids, (std::set<std::string>{"title", "title_date"}));
    fields["title_level"] = str("none");
    EXPECT_TRUE(validateForSubmission(fields, campaign2024()).empty());
}

TEST(RElg5_NonPublic, DerivedFromUnitNatureUnlessOverriddenWithAReason)
{
    FieldMap fields = eligibleFields();
    fields["unit_nature"] = str("private_enterprise");
    EXPECT_TRUE(effectiveNonPublic(fields));
    EXPECT_TRUE(formFromFields(fields).nonPublic);
    EXPECT_FALSE(formFromFields(fields).nonPublicOverridden);

    fields["non_public"] = value::boolean(false);
    EXPECT_TRUE(effectiveNonPublic(fields)); // no reason given: the derived value stands
    const auto problems = validateForSubmission(fields, campaign2024());
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].first, "non_public_override_reason");
    EXPECT_EQ(problems[0].second.code, "non_public_reason_missing");

    fields["non_public_override_reason"] = str("混合所有制企业，国有控股");
    EXPECT_FALSE(effectiveNonPublic(fields));
    EXPECT_TRUE(formFromFields(fields).nonPublicOverridden);
    EXPECT_TRUE(validateForSubmission(fields, campaign2024()).empty());

    fields["unit_nature"] = str("government");
    fields.erase("non_public");
    EXPECT_FALSE(effectiveNonPublic(fields));
}

TEST(RApp2_TypedForm, ValuesAreTypedAndBadOnesBecomeEmpty)
{
    FieldMap fields = eligibleFields();
    fields["name"] = str("  巴特尔 ");
    fields["grassroots"] = str("true");
    fields["birth_date"] = str("1979-02-30");
    fields["priority_scope"] = value::number(4);
    const ApplicationForm form = formFromFields(fields);
    EXPECT_EQ(form.name, "巴特尔");
    EXPECT_EQ(form.sex, Sex::Male);
    EXPECT_EQ(form.ethnicity, "02");
    EXPECT_FALSE(form.birthDate.has_value());
    EXPECT_FALSE(form.grassroots.has_value());
    EXPECT_EQ(form.yearsInProfession, 8);
    EXPECT_EQ(form.priorityScope, 4);
    ASSERT_EQ(form.workHistory.size(), 1u);
    EXPECT_EQ(form.workHistory[0].from, (Date{2005, 7, 15}));
    EXPECT_FALSE(form.workHistory[0].to.has_value());
    EXPECT_EQ(form.workHistory[0].position, "技术员");
    EXPECT_EQ(form.healthDeclared, true);
    EXPECT_TRUE(form.awards.empty());

    const ApplicationForm empty = formFromFields(FieldMap{});
    EXPECT_TRUE(empty.name.empty());
    EXPECT_FALSE(empty.priorityScope.has_value());
    EXPECT_FALSE(empty.integrityDeclared.has_value());
}

TEST(RApp2_FieldMap, JsonRoundTrip)
{
    const FieldMap fields = eligibleFields();
    EXPECT_EQ(fieldMapFromJson(toJson(fields)), fields);
    EXPECT_TRUE(fieldMapFromJson(value::array()).empty());
    EXPECT_EQ(utf8Length("巴特尔 A"), 5);
    EXPECT_EQ(utf8Length("\xe5\xb7"), -1);
}

} // namespace

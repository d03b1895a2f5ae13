#pragma once
// Test fixture: a complete application form of an eligible applicant.

#include "campaign_fixture.h"

#include <tepei/model/form/form.h>

namespace tepei::model::test {

inline web::json::value str(const char* text)
{
    return web::json::value::string(text);
}

// A complete form of an eligible applicant: Mongol, born 1979-01-01 (45 on 2024-01-01), master's
// degree with 8 years, intermediate title, both declarations, scope 3, matching ID number.
inline FieldMap eligibleFields()
{
    using web::json::value;
    FieldMap f;
    f["name"] = str("巴特尔");
    f["sex"] = str("male");
    f["ethnicity"] = str("02");
    f["birth_date"] = str("1979-01-01");
    f["id_number"] = str("150102197901010015");
    f["political_status"] = str("01");
    f["health_declared"] = value::boolean(true);
    f["mobile"] = str("13904711234");
    f["email"] = str("bateer@example.com");
    f["address"] = str("呼和浩特市新城区成吉思汗大街1号");
    f["education"] = str("masters");
    f["degree"] = str("master");
    f["graduated_from"] = str("内蒙古大学");
    f["major"] = str("草业科学");
    f["graduation_date"] = str("2005-07-01");
    f["title"] = str("农艺师");
    f["title_level"] = str("intermediate");
    f["title_date"] = str("2012-12-01");
    f["profession"] = str("草原生态");
    f["years_in_profession"] = value::number(8);
    f["priority_scope"] = str("3");
    f["field_area"] = str("农林牧水");
    f["employer"] = str("锡林郭勒盟草原工作站");
    f["authority"] = str("152500");
    f["unit_nature"] = str("public_institution");
    f["grassroots"] = value::boolean(true);
    f["training_mode"] = str("visiting_scholar");
    f["training_unit_1"] = str("中国农业大学");
    f["training_direction"] = str("草地生态修复");
    f["study_plan"] = str("系统学习草地生态修复理论与技术。");
    auto row = value::object();
    row["from"] = str("2005-07-15");
    row["unit"] = str("锡林郭勒盟草原工作站");
    row["position"] = str("技术员");
    auto rows = value::array();
    rows[0] = row;
    f["work_history"] = rows;
    f["achievements"] = str("主持完成草原监测项目三项。");
    f["integrity_declared"] = value::boolean(true);
    return f;
}

} // namespace tepei::model::test

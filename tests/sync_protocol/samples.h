#pragma once
// Sample protocol values for the codec tests: application-like payloads with Chinese text.
#include <cpprest/json.h>
#include <tepei/sync/change.h>
#include <tepei/sync/ids.h>

namespace tepei::sync::test {

inline Change sampleSetChange()
{
    using web::json::value;
    Change change;
    change.id = *parseUuid("0f8fad5b-d9cb-469f-a165-70867728950e");
    change.author = "u-1024";
    change.site = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    change.hlc = Hlc{1710892800000, 3};
    change.recordKind = "application";
    change.recordId = "9b2c6e1a-7d3f-4e8b-a1c2-5f6e7d8c9b0a";
    change.op = ChangeOp::Set;
    auto payload = value::object();
    payload["name"] = value::string("巴特尔");
    payload["ethnicity"] = value::string("蒙古族");
    payload["id_number"] = value::string("15010219880512345X");
    payload["study_plan"] =
        value::string("拟赴北京协和医院进修心血管介入治疗，为期一年。\n\"重点\"：冠脉造影\t与支架植入 🏥");
    payload["control"] = value::string(std::string("a\x01"
                                                   "b\x1f"
                                                   "c\\d/e"));
    payload["age"] = value::number(36);
    payload["negative"] = value::number(-7);
    payload["big"] = value::number(static_cast<std::int64_t>(9007199254740993LL));
    payload["score"] = value::number(87.5);
    payload["ratio"] = value::number(100.0);
    payload["married"] = value::boolean(true);
    payload["note"] = value::null();
    auto row = value::object();
    row["from"] = value::string("2010-09");
    row["to"] = value::string("2015-07");
    row["employer"] = value::string("内蒙古自治区人民医院");
    row["tags"] = value::array({value::string("主治医师"), value::number(1), value::array()});
    payload["work_history"] = value::array({row, value::object()});
    change.payload = payload;
    return change;
}

inline Change sampleCommandChange()
{
    using web::json::value;
    Change change = sampleSetChange();
    change.id = *parseUuid("1c9b1a4e-2b7d-4f0e-9a3c-6d5e4f3a2b1c");
    change.op = ChangeOp::Command;
    change.hlc = Hlc{1710892800123, 0};
    auto payload = value::object();
    payload["name"] = value::string("approve");
    payload["digest"] = value::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    payload["comment"] = value::string("材料齐全，同意推荐。");
    change.payload = payload;
    return change;
}

} // namespace tepei::sync::test

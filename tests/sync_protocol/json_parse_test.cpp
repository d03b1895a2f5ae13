// The codec's own JSON parser (sync::parseJson): the same values as web::json::value::parse for
// valid JSON, and a clear malformed_json error for everything RFC 8259 does not allow
// (R-SYNC-1: the protocol refuses malformed input and names what is wrong).
#include <gtest/gtest.h>
#include <string>
#include <tepei/sync/codec.h>
#include <vector>

namespace {

using tepei::sync::parseJson;

TEST(RSync1_ParseJson, GivesTheSameValuesAsCpprestsdk)
{
    const std::vector<std::string> texts = {
        R"({})",
        R"([])",
        R"({"b":1,"a":[true,false,null],"c":{"z":"é","y":""}})",
        R"({"name":"乌兰其其格","rows":[{"from":"2015-07-01","to":"2024-03-01","unit":"内蒙古医科大学附属医院"}]})",
        R"([0,-1,9223372036854775807,-9223372036854775808,18446744073709551615,18446744073709551616])",
        R"([1.5,-0.25,1e3,2E-2,6.02e+23,0.1])",
        R"(["\"\\\/\b\f\n\r\t","\u00e9\u4e2d\ud83d\ude00","tab\tin"])",
        " \n\t{ \"spaced\" : [ 1 , 2 ] }\r\n ",
    };
    for (const std::string& text : texts) {
        const auto ours = parseJson(text);
        ASSERT_TRUE(ours.ok()) << text << ": " << ours.error().message;
        const auto theirs = web::json::value::parse(text);
        EXPECT_EQ(ours->serialize(), theirs.serialize()) << text;
        EXPECT_EQ(*ours, theirs) << text;
    }
}

TEST(RSync1_ParseJson, NumbersKeepTheirKind)
{
    const auto parsed = parseJson(R"([7,-7,18446744073709551615,1.0,1e400])");
    ASSERT_FALSE(parsed.ok()); // 1e400 does not fit a double
    const auto numbers = parseJson(R"([7,-7,18446744073709551615,1.0])").value();
    EXPECT_TRUE(numbers.at(0).as_number().is_int64());
    EXPECT_EQ(numbers.at(1).as_number().to_int64(), -7);
    EXPECT_TRUE(numbers.at(2).as_number().is_uint64());
    EXPECT_FALSE(numbers.at(2).as_number().is_int64());
    EXPECT_FALSE(numbers.at(3).is_integer());
    EXPECT_DOUBLE_EQ(numbers.at(3).as_double(), 1.0);
}

TEST(RSync1_ParseJson, RefusesWhatJsonDoesNotAllowAndSaysWhere)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "ends where a value was expected"},
        {"{", "expected a quoted member name"},
        {R"({"a" 1})", "expected ':'"},
        {R"({"a":1,})", "expected a quoted member name"},
        {R"([1,2)", "expected ',' or ']'"},
        {R"([1 2])", "expected ',' or ']'"},
        {R"({"a":1} x)", "after the end"},
        {"[01]", "must not start with 0"},
        {"[1.]", "digits after '.'"},
        {"[-]", "needs digits"},
        {"[1e]", "exponent"},
        {"[tru]", "unknown word"},
        {"[True]", "unexpected character"},
        {"[\"a\nb\"]", "control character"},
        {R"(["\x"])", "unknown escape"},
        {R"(["\u12"])", "four hex digits"},
        {R"(["\udc00"])", "lone low surrogate"},
        {R"(["\ud800x"])", "high surrogate"},
        {R"(["open)", "ends inside a string"},
        {std::string(100, '[') + std::string(100, ']'), "nest too deeply"},
    };
    for (const auto& [text, words] : cases) {
        const auto parsed = parseJson(text);
        ASSERT_FALSE(parsed.ok()) << text;
        EXPECT_EQ(parsed.error().code, "malformed_json") << text;
        EXPECT_NE(parsed.error().message.find(words), std::string::npos)
            << text << " -> " << parsed.error().message;
        EXPECT_NE(parsed.error().message.find("at byte"), std::string::npos) << parsed.error().message;
    }
}

} // namespace

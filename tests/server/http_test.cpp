// The HTTP model without a listener: routing, body validation, error shape, gzip (R-SEC-3).
#include <gtest/gtest.h>
#include <tepei/server/http/gzip.h>
#include <tepei/server/http/http.h>

namespace {
using namespace tepei::server;

TEST(Router, MatchesPatternsCapturesSegmentsAndTellsWrongMethodFromUnknownPath)
{
    Router r;
    r.add("GET", "/v1/blobs/{sha256}", {}, [](Request&) { return Response::ok(web::json::value::object()); });
    r.add("GET", "/v1/blobs/{sha256}/content", {},
          [](Request&) { return Response::ok(web::json::value::object()); });
    bool known = false;
    auto m = r.match("GET", "/v1/blobs/abc/content", known);
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->route->pattern, "/v1/blobs/{sha256}/content");
    EXPECT_EQ(m->params.at("sha256"), "abc");
    EXPECT_FALSE(r.match("PUT", "/v1/blobs/abc", known).has_value());
    EXPECT_TRUE(known);
    EXPECT_FALSE(r.match("GET", "/v1/blobs", known).has_value());
    EXPECT_FALSE(known);
}

TEST(RSec3_JsonFields, ReportsWrongTypesMissingAndUnknownFields)
{
    auto check = [](const char* text, const std::string& code, const std::string& field) {
        const auto body = web::json::value::parse(text);
        JsonFields f(body);
        (void)f.string("user");
        (void)f.optionalString("site");
        auto s = f.finish();
        ASSERT_FALSE(s.ok()) << text;
        EXPECT_EQ(s.error().code, code) << text;
        EXPECT_EQ(s.error().field, field) << text;
    };
    check(R"([1,2])", "wrong_type", "");
    check(R"({"user": 5})", "wrong_type", "user");
    check(R"({"site": "x"})", "missing_field", "user");
    check(R"({"user": "bat", "admin": true})", "unknown_field", "admin");
    check(R"({"v": 1, "user": "bat"})", "unsupported_version", "v");
    const auto good = web::json::value::parse(R"({"v": 2, "user": "bat"})");
    JsonFields ok(good);
    EXPECT_EQ(ok.string("user"), "bat");
    EXPECT_FALSE(ok.optionalString("site").has_value());
    EXPECT_TRUE(ok.finish().ok());
}

TEST(RSec3_Errors, ErrorRepliesCarryVersionCodeMessageFieldAndStatus)
{
    const auto r = Response::error({"offset_mismatch", "resume at 10", "offset"});
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(r.json.at("v").as_integer(), 2);
    EXPECT_EQ(r.json.at("code").as_string(), "offset_mismatch");
    EXPECT_EQ(r.json.at("field").as_string(), "offset");
    EXPECT_EQ(httpStatusFor("body_too_large"), 413);
    EXPECT_EQ(httpStatusFor("too_many_attempts"), 429);
    EXPECT_EQ(httpStatusFor("session_expired"), 401);
    EXPECT_EQ(httpStatusFor("anything_else"), 400);
}

TEST(RSync5_Gzip, RoundTripsAndRefusesBombsAndGarbage)
{
    const std::string text(100'000, 'x');
    auto packed = gzip(text);
    ASSERT_TRUE(packed.ok());
    EXPECT_LT(packed->size(), 1'000u);
    auto unpacked = gunzip(*packed, 200'000);
    ASSERT_TRUE(unpacked.ok());
    EXPECT_EQ(*unpacked, text);
    auto bomb = gunzip(*packed, 50'000);
    ASSERT_FALSE(bomb.ok());
    EXPECT_EQ(bomb.error().code, "body_too_large");
    auto garbage = gunzip("not gzip at all", 1000);
    ASSERT_FALSE(garbage.ok());
    EXPECT_EQ(garbage.error().code, "malformed_gzip");
    auto truncated = gunzip(packed->substr(0, packed->size() / 2), 200'000);
    EXPECT_FALSE(truncated.ok());
}

} // namespace

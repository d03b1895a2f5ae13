// R-SEC-3: bad input gets a clear error with a stable code and the path of the culprit field.
// One row per case; each input differs from a valid message in one place only.
#include <gtest/gtest.h>
#include <map>
#include <string>
#include <tepei/sync/codec.h>

namespace {
using namespace tepei::sync;

enum class Decoder { Push, PushReply, PullRequest, PullReply, Login, LoginReply, Error, Blob, Change };

// A change object as JSON text; overrides replace (or, when empty, remove) members.
std::string changeJson(const std::map<std::string, std::string>& overrides = {})
{
    std::map<std::string, std::string> members{
        {"id", R"("0f8fad5b-d9cb-469f-a165-70867728950e")"},
        {"by", R"("u-1")"},
        {"site", R"("site-1")"},
        {"hlc", R"("1710892800000.3")"},
        {"kind", R"("application")"},
        {"rec", R"("r-1")"},
        {"op", R"("set")"},
        {"body", R"({"name":"巴特尔","work_history":[{"from":"2010-09"}]})"},
    };
    for (const auto& [key, json] : overrides) {
        if (json.empty())
            members.erase(key);
        else
            members[key] = json;
    }
    std::string out = "{";
    for (const auto& [key, json] : members)
        out += (out.size() > 1 ? ",\"" : "\"") + key + "\":" + json;
    return out + "}";
}

// A push request whose fourth change (changes[3]) is bad.
std::string pushWithBadChange(const std::map<std::string, std::string>& overrides)
{
    const std::string good = changeJson();
    return R"({"v":2,"site":"site-1","changes":[)" + good + "," + good + "," + good + "," +
           changeJson(overrides) + "]}";
}

std::string pullReply(const std::string& changes, const std::string& cursor)
{
    return R"({"v":2,"changes":[)" + changes + R"(],"cursor":)" + cursor + R"(,"more":false,"time":"1.0"})";
}

struct Case {
    const char* name;
    Decoder decoder;
    std::string json;
    std::string code;
    std::string field;
    DecodeLimits limits = {};
};

// Names the row in test output instead of dumping its bytes.
void PrintTo(const Case& c, std::ostream* os)
{
    *os << c.name;
}

DecodeLimits smallLimits(std::size_t message, std::size_t changes, std::size_t payload)
{
    return DecodeLimits{message, changes, payload};
}

const std::string kLong65(65, 'a');
const std::string kSha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

const std::vector<Case>& cases()
{
    static const std::vector<Case> table{
        // The message as a whole.
        {"TruncatedJson", Decoder::Push, R"({"v":2,"site":)", "malformed_json", ""},
        {"TrailingGarbage", Decoder::Push, R"({"v":2,"site":"s","changes":[]} x)", "malformed_json", ""},
        {"EmptyBody", Decoder::Push, "", "malformed_json", ""},
        {"RootNotObject", Decoder::Push, "[1,2]", "wrong_type", ""},
        {"InvalidUtf8", Decoder::Push, "{\"v\":2,\"site\":\"\xff\",\"changes\":[]}", "bad_encoding", ""},
        {"Utf16Surrogate", Decoder::Push, "{\"v\":2,\"site\":\"\xed\xa0\x80\",\"changes\":[]}",
         "bad_encoding", ""},
        {"MessageTooLarge", Decoder::Push, R"({"v":2,"site":"s","changes":[]})", "too_large", "",
         smallLimits(10, 5000, 1024)},
        {"VersionMissing", Decoder::Push, R"({"site":"s","changes":[]})", "missing_field", "v"},
        {"VersionUnsupported", Decoder::Push, R"({"v":1,"site":"s","changes":[],"new":1})",
         "unsupported_version", "v"},
        {"VersionAsString", Decoder::Push, R"({"v":"1","site":"s","changes":[]})", "wrong_type", "v"},
        {"UnknownTopField", Decoder::Push, R"({"v":2,"site":"s","changes":[],"extra":true})", "unknown_field",
         "extra"},
        {"DuplicateTopField", Decoder::Push, R"({"v":2,"site":"s","site":"t","changes":[]})",
         "duplicate_field", "site"},
        {"SiteMissing", Decoder::Push, R"({"v":2,"changes":[]})", "missing_field", "site"},
        {"SiteNull", Decoder::Push, R"({"v":2,"site":null,"changes":[]})", "wrong_type", "site"},
        {"SiteTooLong", Decoder::Push, R"({"v":2,"site":")" + kLong65 + R"(","changes":[]})", "too_large",
         "site"},
        {"ChangesNotArray", Decoder::Push, R"({"v":2,"site":"s","changes":{}})", "wrong_type", "changes"},
        {"BatchTooLarge", Decoder::Push, pushWithBadChange({}), "too_large", "changes",
         smallLimits(1 << 20, 3, 1024)},
        // One change of a batch.
        {"ChangeNotObject", Decoder::Push,
         R"({"v":2,"site":"s","changes":[)" + changeJson() + "," + changeJson() + "," + changeJson() + ",7]}",
         "wrong_type", "changes[3]"},
        {"HlcMissing", Decoder::Push, pushWithBadChange({{"hlc", ""}}), "missing_field", "changes[3].hlc"},
        {"HlcGarbage", Decoder::Push, pushWithBadChange({{"hlc", R"("yesterday")"}}), "invalid_hlc",
         "changes[3].hlc"},
        {"HlcAsNumber", Decoder::Push, pushWithBadChange({{"hlc", "1710892800000.3"}}), "wrong_type",
         "changes[3].hlc"},
        {"IdNotUuid", Decoder::Push, pushWithBadChange({{"id", R"("12345")"}}), "invalid_uuid",
         "changes[3].id"},
        {"UnknownChangeField", Decoder::Push, pushWithBadChange({{"color", R"("red")"}}), "unknown_field",
         "changes[3].color"},
        {"SeqInPushedChange", Decoder::Push, pushWithBadChange({{"seq", "5"}}), "unknown_field",
         "changes[3].seq"},
        {"UnknownOp", Decoder::Push, pushWithBadChange({{"op", R"("delete")"}}), "unknown_kind",
         "changes[3].op"},
        {"KindUppercase", Decoder::Push, pushWithBadChange({{"kind", R"("Application")"}}), "invalid_value",
         "changes[3].kind"},
        {"KindTooLong", Decoder::Push, pushWithBadChange({{"kind", "\"" + std::string(33, 'k') + "\""}}),
         "too_large", "changes[3].kind"},
        {"AuthorTooLong", Decoder::Push, pushWithBadChange({{"by", "\"" + kLong65 + "\""}}), "too_large",
         "changes[3].by"},
        {"AuthorEmpty", Decoder::Push, pushWithBadChange({{"by", R"("")"}}), "invalid_value",
         "changes[3].by"},
        {"RecordIdTooLong", Decoder::Push, pushWithBadChange({{"rec", "\"" + kLong65 + "\""}}), "too_large",
         "changes[3].rec"},
        {"BodyNotObject", Decoder::Push, pushWithBadChange({{"body", "[1]"}}), "wrong_type",
         "changes[3].body"},
        {"SetFieldNameUppercase", Decoder::Push, pushWithBadChange({{"body", R"({"Name":"x"})"}}),
         "invalid_value", "changes[3].body.Name"},
        {"SetFieldNameChinese", Decoder::Push, pushWithBadChange({{"body", R"({"姓名":"x"})"}}),
         "invalid_value", "changes[3].body.姓名"},
        {"SetFieldNameTooLong", Decoder::Push, pushWithBadChange({{"body", "{\"" + kLong65 + "\":1}"}}),
         "too_large", "changes[3].body." + std::string(64, 'a')},
        {"CommandWithoutName", Decoder::Push,
         pushWithBadChange({{"op", R"("command")"}, {"body", R"({"reason":"x"})"}}), "missing_field",
         "changes[3].body.name"},
        {"CommandNameNotString", Decoder::Push,
         pushWithBadChange({{"op", R"("command")"}, {"body", R"({"name":3})"}}), "wrong_type",
         "changes[3].body.name"},
        {"PayloadTooLarge", Decoder::Push,
         pushWithBadChange({{"body", "{\"study_plan\":\"" + std::string(200, 'x') + "\"}"}}), "too_large",
         "changes[3].body", smallLimits(1 << 20, 5000, 128)},
        {"DuplicateNestedKey", Decoder::Push, pushWithBadChange({{"body", R"({"row":{"a":1,"a":2}})"}}),
         "duplicate_field", "changes[3].body.a"},
        {"DuplicateFieldInSet", Decoder::Push, pushWithBadChange({{"body", R"({"name":"a","name":"b"})"}}),
         "duplicate_field", "changes[3].body.name"},
        // Pull.
        {"PullLimitZero", Decoder::PullRequest, R"({"v":2,"after":0,"limit":0})", "out_of_range", "limit"},
        {"PullLimitAboveBatch", Decoder::PullRequest, R"({"v":2,"after":0,"limit":5001})", "out_of_range",
         "limit"},
        {"PullAfterNegative", Decoder::PullRequest, R"({"v":2,"after":-1,"limit":10})", "out_of_range",
         "after"},
        {"PullAfterFraction", Decoder::PullRequest, R"({"v":2,"after":1.5,"limit":10})", "wrong_type",
         "after"},
        {"PullAfterHuge", Decoder::PullRequest, R"({"v":2,"after":99999999999999999999,"limit":10})",
         "wrong_type", "after"},
        {"PulledChangeWithoutSeq", Decoder::PullReply, pullReply(changeJson(), "1"), "missing_field",
         "changes[0].seq"},
        {"PulledSeqZero", Decoder::PullReply, pullReply(changeJson({{"seq", "0"}}), "0"), "out_of_range",
         "changes[0].seq"},
        {"PulledSeqNotIncreasing", Decoder::PullReply,
         pullReply(changeJson({{"seq", "5"}}) + "," + changeJson({{"seq", "5"}}), "5"), "invalid_value",
         "changes[1].seq"},
        {"PullCursorBelowLastSeq", Decoder::PullReply, pullReply(changeJson({{"seq", "5"}}), "4"),
         "invalid_value", "cursor"},
        // Push replies.
        {"PushStatusUnknown", Decoder::PushReply,
         R"({"v":2,"results":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","status":"maybe"}],"time":"1.0","lastSeq":0})",
         "unknown_kind", "results[0].status"},
        {"AcceptedWithoutSeq", Decoder::PushReply,
         R"({"v":2,"results":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","status":"accepted"}],"time":"1.0","lastSeq":0})",
         "missing_field", "results[0].seq"},
        {"RefusedWithSeq", Decoder::PushReply,
         R"({"v":2,"results":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","status":"refused","seq":3,"code":"x","message":"m"}],"time":"1.0","lastSeq":0})",
         "unknown_field", "results[0].seq"},
        // Login, errors, blobs.
        {"LoginPasswordMissing", Decoder::Login, R"({"v":2,"user":"u","site":"s"})", "missing_field",
         "password"},
        {"LoginReplyBadExpiry", Decoder::LoginReply,
         R"({"v":2,"token":"t","expiresAt":"2024-03-20 08:00","userId":"u","displayName":"d","role":"admin","orgCode":"o"})",
         "invalid_value", "expiresAt"},
        {"ErrorCodeNotSnakeCase", Decoder::Error, R"({"v":2,"code":"Bad Code","message":"m"})",
         "invalid_value", "code"},
        {"BlobShaUppercase", Decoder::Blob,
         R"({"v":2,"sha256":"BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD","size":3,"received":0,"complete":false})",
         "invalid_value", "sha256"},
        {"BlobReceivedBeyondSize", Decoder::Blob,
         R"({"v":2,"sha256":")" + kSha + R"(","size":3,"received":4,"complete":false})", "out_of_range",
         "received"},
        {"BlobCompleteButShort", Decoder::Blob,
         R"({"v":2,"sha256":")" + kSha + R"(","size":3,"received":2,"complete":true})", "invalid_value",
         "complete"},
        // A single change (the stored form).
        {"SingleChangeBadHlc", Decoder::Change, changeJson({{"hlc", R"("1.x")"}}), "invalid_hlc", "hlc"},
    };
    return table;
}

tepei::Error decodeError(const Case& c)
{
    const auto errorOf = [](const auto& result) {
        return result.ok() ? tepei::Error{"accepted", "", ""} : result.error();
    };
    switch (c.decoder) {
    case Decoder::Push:
        return errorOf(decodePushRequest(c.json, c.limits));
    case Decoder::PushReply:
        return errorOf(decodePushReply(c.json, c.limits));
    case Decoder::PullRequest:
        return errorOf(decodePullRequest(c.json, c.limits));
    case Decoder::PullReply:
        return errorOf(decodePullReply(c.json, c.limits));
    case Decoder::Login:
        return errorOf(decodeLoginRequest(c.json, c.limits));
    case Decoder::LoginReply:
        return errorOf(decodeLoginReply(c.json, c.limits));
    case Decoder::Error:
        return errorOf(decodeErrorReply(c.json, c.limits));
    case Decoder::Blob:
        return errorOf(decodeBlobStatus(c.json, c.limits));
    case Decoder::Change:
        return errorOf(decodeChange(c.json, c.limits));
    }
    return {};
}

class RSec3_CodecRejects : public testing::TestWithParam<Case> {};

TEST_P(RSec3_CodecRejects, WithCodeAndFieldPath)
{
    const Case& c = GetParam();
    const tepei::Error error = decodeError(c);
    EXPECT_EQ(error.code, c.code) << error.message << "\n" << c.json;
    EXPECT_EQ(error.field, c.field) << error.message;
    EXPECT_FALSE(error.message.empty());
}

INSTANTIATE_TEST_SUITE_P(Table, RSec3_CodecRejects, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<Case>& row) { return std::string(row.param.name); });

TEST(RSec3_CodecRejects, BaselinesOfTheTableAreValid)
{
    EXPECT_TRUE(decodePushRequest(pushWithBadChange({})).ok());
    EXPECT_TRUE(decodePullReply(pullReply(changeJson({{"seq", "5"}}), "5")).ok());
    EXPECT_TRUE(decodePullReply(pullReply("", "17")).ok());
    EXPECT_TRUE(decodeChange(changeJson()).ok());
}

} // namespace

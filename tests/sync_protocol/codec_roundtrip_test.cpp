// R-SYNC-2 / R-SYNC-3: every protocol message survives encode → decode unchanged (Chinese text,
// escapes, nested payloads, number kinds), so replicas fold exactly the changes that were made.
#include "samples.h"

#include <gtest/gtest.h>
#include <tepei/sync/codec.h>

namespace {
using namespace tepei::sync;
using test::sampleCommandChange;
using test::sampleSetChange;

template <class T, class Decode> void expectRoundTrip(const T& message, Decode decode)
{
    const std::string json = encode(message);
    const auto decoded = decode(json, DecodeLimits{});
    ASSERT_TRUE(decoded.ok()) << decoded.error().code << " " << decoded.error().field << ": "
                              << decoded.error().message << "\n"
                              << json;
    EXPECT_EQ(*decoded, message) << json;
    EXPECT_EQ(encode(*decoded), json); // the written form is canonical
}

TEST(RSync2_ChangeOp, NamesRoundTrip)
{
    EXPECT_STREQ(toString(ChangeOp::Set), "set");
    EXPECT_STREQ(toString(ChangeOp::Command), "command");
    EXPECT_EQ(changeOpFromString("set"), ChangeOp::Set);
    EXPECT_EQ(changeOpFromString("command"), ChangeOp::Command);
    EXPECT_EQ(changeOpFromString("Set"), std::nullopt);
    EXPECT_EQ(changeOpFromString(""), std::nullopt);
}

TEST(RSync3_Codec, SetChangeWithChineseAndNestedPayloadRoundTrips)
{
    expectRoundTrip(sampleSetChange(), decodeChange);
}

TEST(RSync3_Codec, CommandChangeRoundTrips)
{
    expectRoundTrip(sampleCommandChange(), decodeChange);
}

TEST(RSync3_Codec, ConfirmedChangeRoundTrips)
{
    expectRoundTrip(ConfirmedChange{42, sampleSetChange()}, decodeConfirmedChange);
}

TEST(RSync3_Codec, RefusedVerdictTravelsWithTheConfirmedChange)
{
    ConfirmedChange refused{43, sampleCommandChange()};
    refused.verdict = ChangeVerdict{false, "quota_full", "名额已满", "the quota is full"};
    expectRoundTrip(refused, decodeConfirmedChange);
    EXPECT_NE(encode(refused).find(R"("refused":{"code":"quota_full")"), std::string::npos);
    // An accepted verdict is the default and costs nothing on the wire.
    EXPECT_EQ(encode(ConfirmedChange{43, sampleCommandChange()}).find("refused"), std::string::npos);
    // A plain change (a push) may not carry a verdict.
    std::string pushed = encode(refused);
    pushed.replace(0, pushed.find(",") + 1, "{");
    const auto decoded = decodeChange(pushed);
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().code, "unknown_field");
    EXPECT_EQ(decoded.error().field, "refused");
}

TEST(RSync2_Codec, WireFormOfAChangeIsCompactAndStable)
{
    Change change = sampleCommandChange();
    change.payload = web::json::value::object();
    change.payload["name"] = web::json::value::string("submit");
    EXPECT_EQ(encode(ConfirmedChange{7, change}),
              R"({"seq":7,"id":"1c9b1a4e-2b7d-4f0e-9a3c-6d5e4f3a2b1c","by":"u-1024",)"
              R"("site":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","hlc":"1710892800123.0","kind":"application",)"
              R"("rec":"9b2c6e1a-7d3f-4e8b-a1c2-5f6e7d8c9b0a","op":"command","body":{"name":"submit"}})");
}

TEST(RSync2_Codec, EscapesAndNumberKindsSurvive)
{
    const std::string json = encode(sampleSetChange());
    EXPECT_NE(json.find(R"("a\u0001b\u001fc\\d/e")"), std::string::npos) << json;
    EXPECT_NE(json.find(R"(\n\"重点\"：冠脉造影\t与支架植入 🏥)"), std::string::npos) << json;
    EXPECT_NE(json.find(R"("ratio":100.0)"), std::string::npos) << json;
    EXPECT_NE(json.find(R"("score":87.5)"), std::string::npos) << json;
    EXPECT_NE(json.find(R"("big":9007199254740993)"), std::string::npos) << json;
    const auto decoded = decodeChange(json);
    ASSERT_TRUE(decoded.ok());
    EXPECT_TRUE(decoded->payload.at("ratio").is_double());
    EXPECT_TRUE(decoded->payload.at("age").is_integer());
}

TEST(RSync2_Codec, JsonValueFormRoundTripsAndMovesPayload)
{
    const Change change = sampleSetChange();
    const web::json::value json = toJson(change);
    const auto copied = changeFromJson(json, "changes[0]");
    ASSERT_TRUE(copied.ok()) << copied.error().message;
    EXPECT_EQ(*copied, change);
    web::json::value movable = toJson(change);
    const auto moved = changeFromJson(std::move(movable), "changes[0]");
    ASSERT_TRUE(moved.ok());
    EXPECT_EQ(*moved, change);
    const auto confirmed = confirmedChangeFromJson(toJson(ConfirmedChange{9, change}), "");
    ASSERT_TRUE(confirmed.ok());
    EXPECT_EQ(confirmed->seq, 9);
    EXPECT_EQ(encode(ConfirmedChange{9, change}), encode(*confirmed));
    // The text form and the value form are the same object.
    EXPECT_EQ(web::json::value::parse(encode(change)), toJson(change));
}

TEST(RSync2_Codec, PayloadLimitIsTheEncodedSize)
{
    Change change = sampleSetChange();
    Change empty = change;
    empty.payload = web::json::value::object();
    const std::size_t bodySize = encode(change).size() - encode(empty).size() + 2;
    DecodeLimits limits;
    limits.maxPayloadBytes = bodySize;
    EXPECT_TRUE(decodeChange(encode(change), limits).ok());
    limits.maxPayloadBytes = bodySize - 1;
    const auto refused = decodeChange(encode(change), limits);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "too_large");
    EXPECT_EQ(refused.error().field, "body");
}

TEST(RSync2_Messages, PushRequestRoundTrips)
{
    PushRequest request;
    request.site = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    request.changes = {sampleSetChange(), sampleCommandChange(), sampleSetChange()};
    request.changes[2].id = newUuid();
    expectRoundTrip(request, decodePushRequest);
    expectRoundTrip(PushRequest{kProtocolVersion, "site-1", {}}, decodePushRequest);
}

// tepei-server stores a large push while it is still being decoded: the changes come out in order
// and in batches, each with its payload's text as the message holds it.
TEST(RSync2_Messages, PushRequestReadInBatchesGivesTheChangesInOrderWithTheirPayloadText)
{
    PushRequest request;
    request.site = "site-1";
    for (int i = 0; i < 5; ++i) {
        request.changes.push_back(i % 2 ? sampleCommandChange() : sampleSetChange());
        request.changes.back().id = newUuid();
    }
    const std::string json = encode(request);
    std::vector<std::size_t> sizes;
    std::vector<Change> changes;
    const auto rest = decodePushRequestInBatches(json, {}, 2, [&](ChangeBatch&& batch) {
        sizes.push_back(batch.changes.size());
        EXPECT_EQ(batch.payloadTexts.size(), batch.changes.size());
        for (std::size_t i = 0; i < batch.changes.size(); ++i) {
            const std::string_view text = batch.payloadTexts[i];
            // A view into the message itself, holding exactly the payload.
            EXPECT_GE(text.data(), json.data());
            EXPECT_LE(text.data() + text.size(), json.data() + json.size());
            std::string written;
            appendJson(written, batch.changes[i].payload);
            EXPECT_EQ(text, written);
            changes.push_back(std::move(batch.changes[i]));
        }
        return true;
    });
    ASSERT_TRUE(rest.ok()) << rest.error().message;
    EXPECT_EQ(rest->site, "site-1");
    EXPECT_TRUE(rest->changes.empty());
    EXPECT_EQ(sizes, (std::vector<std::size_t>{2, 2, 1}));
    EXPECT_EQ(changes, request.changes);

    // A receiver that stops after the first batch stops the decode.
    int batches = 0;
    const auto stopped =
        decodePushRequestInBatches(json, {}, 2, [&](ChangeBatch&&) { return ++batches < 1; });
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.error().code, "cancelled");
    EXPECT_EQ(batches, 1);

    // No more than the limit ever reaches the receiver.
    std::size_t received = 0;
    const auto tooMany = decodePushRequestInBatches(json, DecodeLimits{1u << 20, 3}, 2, [&](ChangeBatch&& b) {
        received += b.changes.size();
        return true;
    });
    ASSERT_FALSE(tooMany.ok());
    EXPECT_EQ(tooMany.error().code, "too_large");
    EXPECT_EQ(tooMany.error().field, "changes");
    EXPECT_LE(received, 3u);

    // A version this side does not speak is named as such when it comes first, before any
    // change of the newer form is read.
    std::string newer = json;
    newer.replace(newer.find("\"v\":2"), 5, "\"v\":3");
    newer.replace(newer.find("\"by\""), 4, "\"by2\"");
    received = 0;
    const auto refused = decodePushRequestInBatches(newer, {}, 2, [&](ChangeBatch&& b) {
        received += b.changes.size();
        return true;
    });
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "unsupported_version");
    EXPECT_EQ(received, 0u);
}

TEST(RSync2_Messages, PushReplyRoundTripsEveryStatus)
{
    PushReply reply;
    // An accepted change carries the rules' verdict at its place in the log (R-SYNC-5: the client
    // confirms from the reply), and when the server received it; a refused one carries only why it was
    // refused.
    const ChangeVerdict quotaFull{false, "quota_full", "名额已满", "the quota is full"};
    PushResult refused{newUuid(), PushResult::Status::Refused, 0};
    refused.code = "forbidden";
    refused.message = "申请人不在您的管辖范围内";
    reply.results = {
        PushResult{newUuid(), PushResult::Status::Accepted, 101},
        PushResult{newUuid(), PushResult::Status::Accepted, 102, quotaFull, 1710892801000},
        PushResult{newUuid(), PushResult::Status::Duplicate, 57, quotaFull},
        refused,
    };
    reply.serverTime = Hlc{1710892801000, 2};
    reply.lastSeq = 101;
    expectRoundTrip(reply, decodePushReply);
}

TEST(RSync2_Messages, PullRequestAndRepliesRoundTrip)
{
    expectRoundTrip(PullRequest{kProtocolVersion, 1200, 500}, decodePullRequest);
    PullReply page;
    page.changes = {ConfirmedChange{1201, sampleSetChange()}, ConfirmedChange{1305, sampleCommandChange()}};
    page.cursor = 1305;
    page.more = true;
    page.serverTime = Hlc{1710892802000, 0};
    expectRoundTrip(page, decodePullReply);
    // "Nothing new": an empty page keeps the cursor where it was.
    expectRoundTrip(PullReply{kProtocolVersion, {}, 1305, false, Hlc{1710892803000, 1}}, decodePullReply);
}

TEST(RSync2_Messages, PullReplyFromStoredPayloadTextIsTheSameMessage)
{
    // A server relays payloads as its store keeps them (text written by appendJson), unparsed.
    PullReply page;
    page.changes = {ConfirmedChange{1201, sampleSetChange()}, ConfirmedChange{1305, sampleCommandChange()}};
    page.changes[1].verdict = ChangeVerdict{false, "quota_full", "名额已满", "no places left"};
    page.cursor = 1305;
    page.serverTime = Hlc{1710892802000, 0};
    StoredPullReply stored;
    for (const ConfirmedChange& c : page.changes) {
        std::string text;
        appendJson(text, c.change.payload);
        Change envelope = c.change;
        envelope.payload = web::json::value::object({{"ignored", web::json::value::number(1)}});
        stored.changes.push_back(StoredChange{c.seq, envelope, c.verdict, text});
    }
    stored.cursor = page.cursor;
    stored.serverTime = page.serverTime;
    EXPECT_EQ(encode(stored), encode(page));
    const auto decoded = decodePullReply(encode(stored));
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(*decoded, page);
    // A replica that stores payload text gets each one exactly as the message holds it.
    std::vector<std::string> texts;
    const auto withText = decodePullReplyWithPayloadText(encode(stored), texts);
    ASSERT_TRUE(withText.ok()) << withText.error().message;
    EXPECT_EQ(*withText, page);
    ASSERT_EQ(texts.size(), 2u);
    EXPECT_EQ(texts[0], stored.changes[0].payloadJson);
    EXPECT_EQ(texts[1], stored.changes[1].payloadJson);
    // Spaces a peer may put around the payloads stay outside the texts.
    std::string spaced = encode(stored);
    for (std::size_t at = spaced.find("\"body\":"); at != std::string::npos;
         at = spaced.find("\"body\":", at + 9))
        spaced.insert(at + 7, " \n ");
    ASSERT_TRUE(decodePullReplyWithPayloadText(spaced, texts).ok());
    EXPECT_EQ(texts[1], stored.changes[1].payloadJson);
    EXPECT_EQ(decodePullReplyWithPayloadText(R"({"v":2,"changes":[{}],"cursor":1,"more":false,"time":"1.0"})",
                                             texts)
                  .error()
                  .code,
              "missing_field");
}

TEST(RSync2_Messages, LoginErrorAndBlobMessagesRoundTrip)
{
    expectRoundTrip(LoginRequest{kProtocolVersion, "zhangsan", "密码 with \"quotes\"", "site-1"},
                    decodeLoginRequest);
    expectRoundTrip(LoginReply{kProtocolVersion, "tok_6f1c0e", "2024-03-20T08:00:00Z", "u-1024", "张三",
                               "county_reviewer", "150102"},
                    decodeLoginReply);
    expectRoundTrip(LoginReply{kProtocolVersion, "t", "2024-03-20T08:00:00.125Z", "u", "Bat", "admin", "o"},
                    decodeLoginReply);
    expectRoundTrip(ErrorReply{kProtocolVersion, "invalid_hlc", "'x' is not a clock time", "changes[3].hlc"},
                    decodeErrorReply);
    expectRoundTrip(ErrorReply{kProtocolVersion, "unauthorized", "登录已过期，请重新登录", ""},
                    decodeErrorReply);
    expectRoundTrip(BlobStatus{kProtocolVersion,
                               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 1048576,
                               262144, false},
                    decodeBlobStatus);
    expectRoundTrip(BlobStatus{kProtocolVersion,
                               "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 0, 0,
                               true},
                    decodeBlobStatus);
}

TEST(RSec3_Messages, ErrorReplyCarriesTheDecoderError)
{
    const auto refused = decodePullRequest(R"({"v":2,"after":-1,"limit":10})");
    ASSERT_FALSE(refused.ok());
    const ErrorReply reply = toErrorReply(refused.error());
    EXPECT_EQ(reply.code, "out_of_range");
    EXPECT_EQ(reply.field, "after");
    const auto decoded = decodeErrorReply(encode(reply));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, reply);
}

} // namespace

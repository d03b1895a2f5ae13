// Issue #11: a record kind is its folder and one registration line. This program registers a kind
// of its own (note/, registry.cpp) and nothing else: the fold's core, the codec, the server's
// authorization, its push and its pull (scope) handle notes unchanged (R-SEC-2, R-SYNC-2).
#include "note/note_kind.h"

#include <gtest/gtest.h>
#include <tepei/model/command/command.h>
#include <tepei/model/fold/fold.h>
#include <tepei/model/log/sqlite_change_log.h>
#include <tepei/server/log/record_log.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/ids.h>

namespace {

using namespace tepei;

sync::Change noteChange(const model::Principal& author, const std::string& id, sync::ChangeOp op,
                        web::json::value payload, std::int64_t wallMs)
{
    sync::Change change;
    change.id = sync::newUuid();
    change.author = author.userId;
    change.site = author.site;
    change.hlc = sync::Hlc{wallMs, 0};
    change.recordKind = test::kKindNote;
    change.recordId = id;
    change.op = op;
    change.payload = std::move(payload);
    return change;
}

web::json::value text(const std::string& value)
{
    web::json::value payload = web::json::value::object();
    payload["text"] = web::json::value::string(value);
    return payload;
}

web::json::value close()
{
    model::Command command;
    command.name = "close";
    return command.toPayload();
}

const model::Principal kAuthor{"u-author", "author", "", model::Role::Applicant, "W1", "A1", "site-a", 0};
const model::Principal kOther{"u-other", "other", "", model::Role::Applicant, "W1", "A1", "site-b", 0};
const model::Principal kCentre{"u-centre", "centre", "", model::Role::CentreOfficer, "C0", "", "site-c", 0};

TEST(RecordKinds, AKindOfItsOwnIsFoldedByTheCoreWithHistoryDuplicatesAndVerdicts)
{
    model::Fold fold;
    const std::int64_t t = 1706745600000;
    const auto created = noteChange(kAuthor, "n1", sync::ChangeOp::Set, text("请补充证明"), t);
    EXPECT_TRUE(fold.apply({1, created, {}}).accepted);
    EXPECT_TRUE(
        fold.apply({2, noteChange(kAuthor, "n1", sync::ChangeOp::Command, close(), t + 1), {}}).accepted);
    const auto late = fold.apply({3, noteChange(kAuthor, "n1", sync::ChangeOp::Set, text("改"), t + 2), {}});
    EXPECT_FALSE(late.accepted);
    EXPECT_EQ(late.reason.code, "not_editable");
    EXPECT_TRUE(fold.apply({4, created, {}}).accepted); // a duplicate: its earlier verdict, nothing changes
    const test::Note* note = test::findNote(fold, "n1");
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->text, "请补充证明");
    EXPECT_TRUE(note->closed);
    ASSERT_EQ(note->history.size(), 3u);
    EXPECT_STREQ(note->history[1].before, "open");
    EXPECT_STREQ(note->history[1].after, "closed");
    EXPECT_NE(fold.canonicalState().find("note n1 owner=u-author closed=1"), std::string::npos);
    model::Fold copy = fold; // a client's tentative state: its own records
    copy.applyTentative(noteChange(kAuthor, "n2", sync::ChangeOp::Set, text("草稿"), t + 3));
    EXPECT_NE(test::findNote(copy, "n2"), nullptr);
    EXPECT_EQ(test::findNote(fold, "n2"), nullptr);
}

TEST(RecordKinds, TheServersPushAndPullAuthorizeAndScopeAKindOfItsOwn)
{
    auto store = model::SqliteChangeLog::open(":memory:", {model::sqlite::Database::Durability::Normal, 0});
    ASSERT_TRUE(store.ok());
    auto log = server::RecordLog::over(std::move(store).value(), sync::systemWallClock());
    ASSERT_TRUE(log.ok()) << log.error().message;
    const std::int64_t now = sync::systemWallClock()();
    const auto push = [&](const model::Principal& who, std::vector<sync::Change> changes) {
        return (*log)->push(who, sync::encode(sync::PushRequest{sync::kProtocolVersion, who.site, changes}),
                            {});
    };
    const auto mine =
        push(kAuthor, {noteChange(kAuthor, "n1", sync::ChangeOp::Set, text("材料已收到"), now)});
    ASSERT_TRUE(mine.ok()) << mine.error().message;
    EXPECT_EQ(mine->results.at(0).status, sync::PushResult::Status::Accepted);
    // The kind's own rules refuse at push: another person's note, a note without a text.
    const auto theirs =
        push(kOther, {noteChange(kOther, "n1", sync::ChangeOp::Command, close(), now + 1),
                      noteChange(kOther, "n2", sync::ChangeOp::Set, web::json::value::object(), now + 2)});
    ASSERT_TRUE(theirs.ok());
    EXPECT_EQ(theirs->results.at(0).code, "forbidden");
    EXPECT_EQ(theirs->results.at(1).code, "invalid_value");
    // The kind's scope decides the pull: its author and the centre see it, nobody else; its
    // author's own device is not sent it back (R-SYNC-5), another device of the author's is.
    const auto pulled = [&](const model::Principal& who) {
        return (*log)->pull(who, 0, 100).value().changes.size();
    };
    model::Principal authorsPhone = kAuthor;
    authorsPhone.site = "site-author-phone";
    EXPECT_EQ(pulled(kAuthor), 0u);
    EXPECT_EQ(pulled(authorsPhone), 1u);
    EXPECT_EQ(pulled(kCentre), 1u);
    EXPECT_EQ(pulled(kOther), 0u);
}

} // namespace

// The pages list views read (client::queryRecords): filters by owner, unit, authority, state and
// name; orders by name or recency; pages do not overlap.
#include <gtest/gtest.h>
#include <random>
#include <set>
#include <tepei/client/store/local_store.h>
#include <tepei/client/store/record_summaries.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/ids.h>

namespace {

using namespace tepei;

sync::Change change(std::int64_t wall, const std::string& author, const std::string& kind,
                    const std::string& id, sync::ChangeOp op, web::json::value payload)
{
    sync::Change c;
    c.id = sync::newUuid();
    c.author = author;
    c.site = "s";
    c.hlc = sync::Hlc{wall, 0};
    c.recordKind = kind;
    c.recordId = id;
    c.op = op;
    c.payload = std::move(payload);
    return c;
}

TEST(RecordQuery, RApp3_FiltersOrdersAndPagesTheDerivedTable)
{
    auto store = client::LocalStore::open(":memory:", model::sqlite::Database::Durability::Normal).value();
    auto campaign = model::loadCampaign(TEPEI_DATA_DIR "/campaigns/2024.json").value();
    auto def = web::json::value::object();
    def = model::campaignPayload(campaign);
    std::vector<model::PulledChange> page;
    std::int64_t seq = 0;
    auto add = [&](sync::Change c) {
        page.push_back({sync::ConfirmedChange{++seq, std::move(c), {}}, model::Verdict::accept()});
    };
    add(change(1, "admin", model::kKindCampaign, "2024", sync::ChangeOp::Set, def));
    std::mt19937_64 rng(3);
    for (int i = 0; i < 25; ++i) {
        const bool unitA = i % 2 == 0;
        auto fields =
            model::sampleApplication(rng, campaign, {unitA ? "150100" : "150200", unitA ? "WA" : "WB", "x"});
        const std::string id = "app-" + std::to_string(100 + i);
        add(change(10 + i, "u" + std::to_string(i % 3), model::kKindApplication, id, sync::ChangeOp::Set,
                   model::toJson(fields)));
        if (i % 5 == 0) {
            auto submit = web::json::value::object();
            submit["name"] = web::json::value::string("submit");
            submit["role"] = web::json::value::string("applicant");
            add(change(100 + i, "u" + std::to_string(i % 3), model::kKindApplication, id,
                       sync::ChangeOp::Command, submit));
        }
    }
    ASSERT_TRUE(store->applyPulled(page, seq));

    client::RecordFilter unitA;
    unitA.unitCode = "WA";
    unitA.order = client::RecordFilter::Order::Name;
    std::set<std::string> seen;
    std::string lastName;
    for (int offset = 0;; offset += 4) {
        auto rows = store->summaries().query(unitA, offset, 4).value();
        for (const auto& r : rows) {
            EXPECT_EQ(r.unitCode, "WA");
            EXPECT_LE(lastName, r.name);
            lastName = r.name;
            EXPECT_TRUE(seen.insert(r.id).second) << "pages overlap at " << r.id;
        }
        if (rows.size() < 4)
            break;
    }
    EXPECT_EQ(seen.size(), 13u);

    client::RecordFilter submitted;
    submitted.states = {"submitted"};
    submitted.order = client::RecordFilter::Order::Recent;
    auto rows = store->summaries().query(submitted, 0, 100).value();
    ASSERT_EQ(rows.size(), 5u);
    for (std::size_t i = 1; i < rows.size(); ++i)
        EXPECT_GT(rows[i - 1].lastSeq, rows[i].lastSeq);

    client::RecordFilter owner;
    owner.owner = "u1";
    owner.authority = "150200";
    for (const auto& r : store->summaries().query(owner, 0, 100).value()) {
        EXPECT_EQ(r.owner, "u1");
        EXPECT_EQ(r.authority, "150200");
    }
    client::RecordFilter byName;
    byName.nameContains = rows[0].name;
    EXPECT_GE(store->summaries().query(byName, 0, 100).value().size(), 1u);
    EXPECT_EQ(store->campaignIds(), std::vector<std::string>{"2024"});
}

} // namespace

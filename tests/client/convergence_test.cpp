// Proof of the conflict-free claim (R-SYNC-2, R-SYNC-3, R-QUO-2): replicas that make changes
// offline, push them in random batches with retries and duplicates, and pull in random pages with
// re-deliveries and partitions, all end in byte-identical state equal to the server's, with every
// verdict equal to the server's, no change lost and no quota exceeded - over thousands of seeds.
#include "log_builder.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <tepei/client/store/local_store.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/log/sqlite_change_log.h>

namespace {

using namespace tepei;
using test::Device;

std::unique_ptr<client::LocalStore> openMemoryStore()
{
    auto store = client::LocalStore::open(":memory:", model::sqlite::Database::Durability::Normal);
    EXPECT_TRUE(store.ok());
    return std::move(store).value();
}

std::unique_ptr<model::SqliteChangeLog> openMemoryLog()
{
    auto log = model::SqliteChangeLog::open(":memory:", {model::sqlite::Database::Durability::Normal, 0});
    EXPECT_TRUE(log.ok());
    return std::move(log).value();
}

struct Replica {
    Device device;
    std::string role;
    std::string appId; // the applicant's own application
    std::unique_ptr<client::LocalStore> store = openMemoryStore();
};

class Simulation {
public:
    explicit Simulation(std::uint64_t seed) : m_rng(seed)
    {
        m_campaign = test::withAllocation(test::campaign2024(), m_authority, 1);
        Device centre{"centre", "centre_officer"};
        EXPECT_TRUE(m_server->append({centre.publishCampaign(m_campaign)}).ok());
        for (int i = 0; i < 3; ++i) {
            const std::string user = "applicant-" + std::to_string(i);
            // The first applicant works on a laptop and a phone: concurrent edits of one record.
            for (int d = 0; d < (i == 0 ? 2 : 1); ++d)
                m_replicas.push_back(
                    Replica{Device{user, "applicant"}, "applicant", "app-" + std::to_string(i)});
        }
        m_replicas.push_back(Replica{Device{"unit-reviewer", "unit_reviewer"}, "unit_reviewer", {}});
        m_replicas.push_back(Replica{Device{"authority-a", "authority_reviewer"}, "authority_reviewer", {}});
        m_replicas.push_back(Replica{Device{"authority-b", "authority_reviewer"}, "authority_reviewer", {}});
        for (auto& r : m_replicas)
            pull(r, 1000);
    }

    void run(int steps)
    {
        for (int i = 0; i < steps; ++i) {
            Replica& r = m_replicas[uniform(0, static_cast<int>(m_replicas.size()) - 1)];
            const int dice = uniform(0, 99);
            if (dice < 55)
                act(r);
            else if (dice < 78)
                push(r);
            else
                pull(r, uniform(1, 6));
        }
    }

    // Everyone reconnects: push until the outbox is confirmed, then pull everything.
    void settle()
    {
        for (int round = 0; round < 3; ++round) {
            for (auto& r : m_replicas) {
                push(r, true);
                pull(r, 1000);
            }
        }
    }

    void expectConverged() const
    {
        const std::string server = m_server->state().canonicalState();
        for (const auto& r : m_replicas) {
            EXPECT_EQ(r.store->outboxSize(), 0u) << r.device.user();
            EXPECT_EQ(r.store->confirmed().canonicalState(), server) << r.device.user();
        }
        auto log = m_server->changesAfter(0, 100000);
        ASSERT_TRUE(log.ok());
        for (const auto& confirmed : *log) {
            const auto expected = m_server->verdictOf(confirmed.change.id);
            for (const auto& r : m_replicas) {
                const auto local = r.store->log().verdictOf(confirmed.change.id);
                ASSERT_TRUE(local.has_value());
                EXPECT_EQ(local->accepted, expected->accepted);
                EXPECT_EQ(local->reason.code, expected->reason.code);
            }
        }
        const auto quota = model::quotaOf(m_server->state(), m_campaign.id, m_authority);
        EXPECT_LE(quota.approved, quota.allocation);
    }

    std::string debugStates() const
    {
        std::string out;
        for (const auto& [id, app] : model::applications(m_server->state())) {
            out += id + "=" + model::toString(app.state) + " ";
            for (const auto& h : app.history)
                if (!h.verdict.accepted)
                    out += "[" + h.action + ":" + h.verdict.reason.code + "]";
        }
        return out;
    }
    std::size_t logSize() const { return static_cast<std::size_t>(m_server->lastSeq()); }
    std::size_t refusedQuota() const
    {
        std::size_t n = 0;
        for (const auto& [id, app] : model::applications(m_server->state()))
            for (const auto& h : app.history)
                n += h.verdict.reason.code == "quota_full";
        return n;
    }

private:
    int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_rng); }

    web::json::value reviewArgs(const model::Fold&, const model::Application& app, bool withComment)
    {
        web::json::value args = web::json::value::object();
        args["digest"] = web::json::value::string(model::contentDigest(app));
        if (withComment)
            args["comment"] = web::json::value::string("请补充材料");
        return args;
    }

    void act(Replica& r)
    {
        if (r.role != "applicant" && uniform(0, 1) == 0)
            pull(r, 1000); // reviewers tend to sync before they go through their queue
        const model::Fold& view = r.store->tentative();
        std::optional<sync::Change> change;
        if (r.role == "applicant") {
            const model::Application* app = model::findApplication(view, r.appId);
            if (!app) {
                auto fields = model::sampleApplication(m_rng, m_campaign, {m_authority, "U1", "测试单位"});
                change = r.device.set(r.appId, model::toJson(fields));
            } else if (model::isEditable(app->state)) {
                if (uniform(0, 1) == 0) {
                    change = r.device.command(r.appId, "submit");
                } else {
                    web::json::value edit = web::json::value::object();
                    edit["mobile"] =
                        web::json::value::string("139" + std::to_string(uniform(10000000, 99999999)));
                    change = r.device.set(r.appId, edit);
                }
            }
        } else {
            const bool unit = r.role == "unit_reviewer";
            std::vector<const model::Application*> queue;
            for (const auto& [id, app] : model::applications(view))
                if (app.state == (unit ? model::AppState::Submitted : model::AppState::UnitApproved))
                    queue.push_back(&app);
            std::sort(queue.begin(), queue.end(), [](auto* a, auto* b) { return a->id < b->id; });
            if (!queue.empty()) {
                const model::Application& app =
                    *queue[static_cast<std::size_t>(uniform(0, int(queue.size()) - 1))];
                const bool approve = uniform(0, 4) != 0;
                const std::string action =
                    std::string(unit ? "unit_" : "authority_") + (approve ? "approve" : "return");
                change = r.device.command(app.id, action, reviewArgs(view, app, !approve));
            }
        }
        if (change) {
            ASSERT_TRUE(r.store->enqueue(*change).ok());
        }
    }

    void push(Replica& r, bool all = false)
    {
        auto outbox = r.store->outbox();
        if (outbox.empty())
            return;
        std::size_t count = all ? outbox.size() : static_cast<std::size_t>(uniform(1, int(outbox.size())));
        std::vector<sync::Change> batch(outbox.begin(), outbox.begin() + static_cast<std::ptrdiff_t>(count));
        if (!all && uniform(0, 3) == 0)
            batch.push_back(batch.front()); // a retried change inside the same batch
        ASSERT_TRUE(m_server->append(batch).ok());
        if (!all && uniform(0, 4) == 0) {
            ASSERT_TRUE(m_server->append(batch).ok()); // the reply was lost: the whole batch again
        }
    }

    void pull(Replica& r, int limit)
    {
        for (;;) {
            // Re-deliver a little of what the replica already has, and shuffle the page.
            const std::int64_t from = std::max<std::int64_t>(0, r.store->pullCursor() - uniform(0, 2));
            auto page = m_server->changesAfter(from, limit);
            ASSERT_TRUE(page.ok());
            if (page->empty())
                return;
            std::vector<model::PulledChange> pulled;
            for (auto& c : *page)
                pulled.push_back(model::PulledChange{c, std::nullopt}); // evaluate the rules locally
            std::shuffle(pulled.begin(), pulled.end(), m_rng);
            ASSERT_TRUE(r.store->applyPulled(pulled, page->back().seq).ok());
            if (limit < 1000 || page->back().seq >= m_server->lastSeq())
                return;
        }
    }

    std::mt19937_64 m_rng;
    model::Campaign m_campaign;
    std::string m_authority = "150100";
    std::unique_ptr<model::SqliteChangeLog> m_server = openMemoryLog();
    std::vector<Replica> m_replicas;
};

int seedCount()
{
    const char* env = std::getenv("TEPEI_CONVERGENCE_SEEDS");
    return env ? std::atoi(env) : 2000;
}

TEST(RSync2_Convergence, ReplicasEndByteIdenticalOverThousandsOfSeededSchedules)
{
    std::size_t changes = 0;
    std::size_t quotaRefusals = 0;
    for (int seed = 1; seed <= seedCount(); ++seed) {
        Simulation sim(static_cast<std::uint64_t>(seed));
        sim.run(100);
        sim.settle();
        sim.expectConverged();
        changes += sim.logSize();
        if (std::getenv("TEPEI_DEBUG_SIM"))
            std::printf("%s\n", sim.debugStates().c_str());
        quotaRefusals += sim.refusedQuota();
        if (::testing::Test::HasFailure()) {
            ADD_FAILURE() << "first failing seed: " << seed;
            return;
        }
    }
    // The schedules really exercised the race: some approvals met a full quota.
    EXPECT_GT(quotaRefusals, 0u);
    RecordProperty("changes", static_cast<int>(changes));
}

TEST(RQuo2_Convergence, TwoReviewersApproveOfflineForTheLastPlaceExactlyOneStandsEverywhere)
{
    const model::Campaign campaign = test::withAllocation(test::campaign2024(), "150100", 1);
    auto server = openMemoryLog();
    Device centre{"centre", "centre_officer"};
    Device applicant1{"applicant-1", "applicant"};
    Device applicant2{"applicant-2", "applicant"};
    Device unit{"unit", "unit_reviewer"};
    Device reviewerA{"authority-a", "authority_reviewer"};
    Device reviewerB{"authority-b", "authority_reviewer"};
    std::mt19937_64 rng{3};
    std::vector<sync::Change> setup{centre.publishCampaign(campaign)};
    for (auto [device, id] : {std::pair{&applicant1, "x"}, std::pair{&applicant2, "y"}}) {
        setup.push_back(
            device->set(id, model::toJson(model::sampleApplication(rng, campaign, {"150100", "U", "单位"}))));
        setup.push_back(device->command(id, "submit"));
    }
    ASSERT_TRUE(server->append(setup).ok());
    for (const char* id : {"x", "y"}) {
        web::json::value args = web::json::value::object();
        args["digest"] =
            web::json::value::string(model::contentDigest(*model::findApplication(server->state(), id)));
        ASSERT_TRUE(server->append({unit.command(id, "unit_approve", args)}).ok());
    }
    // Both reviewers take their laptops into the field with the same state and approve offline.
    auto laptopA = openMemoryStore();
    auto laptopB = openMemoryStore();
    for (auto* laptop : {laptopA.get(), laptopB.get()}) {
        std::vector<model::PulledChange> page;
        const auto log = server->changesAfter(0, 100).value();
        for (const auto& c : log)
            page.push_back({c, model::fromChangeVerdict(c.verdict)});
        ASSERT_TRUE(laptop->applyPulled(page, server->lastSeq()).ok());
    }
    auto approve = [](client::LocalStore& laptop, Device& reviewer, const char* id) {
        web::json::value args = web::json::value::object();
        args["digest"] =
            web::json::value::string(model::contentDigest(*model::findApplication(laptop.tentative(), id)));
        const auto change = reviewer.command(id, "authority_approve", args);
        EXPECT_TRUE(laptop.enqueue(change).value().accepted); // each looks fine offline
        return change;
    };
    const auto a = approve(*laptopA, reviewerA, "x");
    const auto b = approve(*laptopB, reviewerB, "y");
    // B reconnects first.
    const auto pushedB = server->append({b}).value();
    const auto pushedA = server->append({a}).value();
    EXPECT_TRUE(pushedB[0].verdict.accepted);
    EXPECT_FALSE(pushedA[0].verdict.accepted);
    EXPECT_EQ(pushedA[0].verdict.reason.code, "quota_full");
    for (auto* laptop : {laptopA.get(), laptopB.get()}) {
        std::vector<model::PulledChange> page;
        const auto log = server->changesAfter(laptop->pullCursor(), 100).value();
        for (const auto& c : log)
            page.push_back({c, model::fromChangeVerdict(c.verdict)});
        ASSERT_TRUE(laptop->applyPulled(page, server->lastSeq()).ok());
        EXPECT_EQ(laptop->outboxSize(), 0u);
        EXPECT_EQ(model::findApplication(laptop->confirmed(), "y")->state,
                  model::AppState::AuthorityApproved);
        EXPECT_EQ(model::findApplication(laptop->confirmed(), "x")->state, model::AppState::UnitApproved);
        EXPECT_EQ(laptop->log().verdictOf(a.id)->reason.code, "quota_full"); // shown to reviewer A
        EXPECT_EQ(laptop->confirmed().canonicalState(), server->state().canonicalState());
    }
}

} // namespace

#include "sync_actor.h"

#include <gtest/gtest.h>
#include <tepei/model/command/command.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/ids.h>

namespace tepei::test {

Actor::Actor(const TestServer& server, const std::string& login, const std::string& password,
             std::string role)
    : m_server(&server), m_login(login), m_password(password), m_role(std::move(role)),
      m_site(sync::newUuidString())
{
    web::json::value body = web::json::value::object();
    body["user"] = web::json::value::string(login);
    body["password"] = web::json::value::string(password);
    body["site"] = web::json::value::string(m_site);
    const HttpReply reply = server.postJson("/v1/login", body);
    EXPECT_EQ(reply.status, 200) << login << ": " << reply.body;
    if (reply.status == 200) {
        m_token = reply.json().at("token").as_string();
        m_userId = reply.json().at("userId").as_string();
    }
    // From 2024-02-01 UTC, inside the 2024 campaign.
    m_device = Device(m_userId, m_role, 1706745600000, m_site);
}

sync::Change Actor::set(const std::string& recordId, web::json::value fields, const std::string& kind)
{
    return m_device.set(recordId, std::move(fields), kind);
}

sync::Change Actor::command(const std::string& recordId, const std::string& name, web::json::value args,
                            const std::string& kind)
{
    return m_device.command(recordId, name, std::move(args), kind);
}

sync::Change Actor::review(const std::string& recordId, const std::string& name, const std::string& comment)
{
    model::Command review;
    const model::Application* app = model::findApplication(m_view, recordId);
    EXPECT_NE(app, nullptr) << "review of an application this actor has not pulled";
    review.digest = app ? model::contentDigest(*app) : std::string();
    review.comment = comment;
    return command(recordId, name, review.toPayload());
}

HttpReply Actor::pushRaw(const std::vector<sync::Change>& changes) const
{
    sync::PushRequest request;
    request.site = m_site;
    request.changes = changes;
    return m_server->call("POST", "/v1/push", sync::encode(request), {}, m_token);
}

sync::PushReply Actor::push(const std::vector<sync::Change>& changes) const
{
    const HttpReply reply = pushRaw(changes);
    EXPECT_EQ(reply.status, 200) << reply.body;
    auto decoded = sync::decodePushReply(reply.body);
    EXPECT_TRUE(decoded.ok()) << reply.body;
    if (!decoded.ok())
        return sync::PushReply{};
    // The reply confirms this device's changes, as the client takes it: a pull never sends them back.
    for (const sync::PushResult& r : decoded->results) {
        const auto change =
            std::find_if(changes.begin(), changes.end(), [&](const sync::Change& c) { return c.id == r.id; });
        if (r.status != sync::PushResult::Status::Refused && change != changes.end())
            m_confirmed.push_back(sync::ConfirmedChange{r.seq, *change, r.verdict, r.receivedMs});
    }
    return decoded.value();
}

sync::PullReply Actor::pullPage(std::int64_t after, int limit) const
{
    const HttpReply reply =
        m_server->call("GET", "/v1/pull?after=" + std::to_string(after) + "&limit=" + std::to_string(limit),
                       "", {}, m_token);
    EXPECT_EQ(reply.status, 200) << reply.body;
    auto decoded = sync::decodePullReply(reply.body);
    EXPECT_TRUE(decoded.ok()) << (decoded.ok() ? "" : decoded.error().message);
    return decoded.ok() ? decoded.value() : sync::PullReply{};
}

std::vector<sync::ConfirmedChange> Actor::sync()
{
    std::vector<sync::ConfirmedChange> received;
    for (;;) {
        sync::PullReply page = pullPage(m_cursor);
        received.insert(received.end(), page.changes.begin(), page.changes.end());
        m_cursor = page.cursor;
        if (!page.more || page.changes.empty())
            break;
    }
    // What its push replies confirmed joins what the pulls brought (R-SYNC-5).
    received.insert(received.end(), m_confirmed.begin(), m_confirmed.end());
    m_confirmed.clear();
    // A page may hold history below the cursor: refold the whole log held, as the client's store does.
    m_log.insert(m_log.end(), received.begin(), received.end());
    std::sort(m_log.begin(), m_log.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });
    m_log.erase(
        std::unique(m_log.begin(), m_log.end(), [](const auto& a, const auto& b) { return a.seq == b.seq; }),
        m_log.end());
    m_view = model::Fold();
    for (const auto& c : m_log)
        m_view.apply(c, model::fromChangeVerdict(c.verdict));
    return received;
}

std::string Actor::scopeFromTheStart() const
{
    return test::scopeFromTheStart(*m_server, m_login, m_password, m_role);
}

std::string scopeFromTheStart(const TestServer& server, const std::string& login, const std::string& password,
                              const std::string& role)
{
    Actor fresh(server, login, password, role);
    fresh.sync();
    return fresh.view().canonicalState();
}

const sync::ConfirmedChange* findChange(const std::vector<sync::ConfirmedChange>& page,
                                        const sync::ChangeId& id)
{
    for (const auto& c : page) {
        if (c.change.id == id)
            return &c;
    }
    return nullptr;
}

void expectConverged(Actor& actor)
{
    actor.sync();
    EXPECT_EQ(actor.view().canonicalState(), actor.scopeFromTheStart())
        << "the actor's view differs from the server's";
}

} // namespace tepei::test

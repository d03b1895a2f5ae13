#include "sync_harness.h"

#include "sync_actor.h"

#include <gtest/gtest.h>
#include <tepei/client/account/account.h>

namespace tepei::test {

SyncHarness::SyncHarness(const TestServer& server, std::string password, std::filesystem::path dir,
                         sync::WallClock clock)
    : m_server(server), m_password(std::move(password)), m_dir(std::move(dir)), m_clock(std::move(clock))
{}

ClientDevice SyncHarness::open(const std::string& name, const std::string& login,
                               const client::SyncOptions& options) const
{
    ClientDevice d;
    auto replica = client::ClientReplica::open((m_dir / (name + ".db")).string(), m_clock);
    EXPECT_TRUE(replica.ok()) << (replica.ok() ? "" : replica.error().message);
    if (!replica)
        return d;
    d.replica = std::move(replica).value();
    d.transport = client::makeHttpTransport(client::ServerConfig{m_server.baseUri()});
    d.engine = std::make_unique<client::SyncEngine>(*d.replica, d.transport, options);
    if (login.empty()) {
        d.engine->setToken(client::storedToken(*d.replica));
        return d;
    }
    auto session = client::signInOnline(*d.transport, *d.replica, login, m_password);
    EXPECT_TRUE(session.ok()) << login << ": " << (session.ok() ? "" : session.error().message);
    if (session.ok())
        d.engine->setToken(session->token);
    return d;
}

std::string SyncHarness::serverScope(const ClientDevice& device) const
{
    const auto who = device.replica->identity();
    EXPECT_TRUE(who.has_value()) << "the device has no signed-in user";
    if (!who)
        return {};
    return scopeFromTheStart(m_server, who->login, m_password, who->role);
}

void SyncHarness::expectConverged(const ClientDevice& device) const
{
    const std::string server = serverScope(device);
    device.replica->withStore([&](const client::LocalStore& store) {
        EXPECT_EQ(store.outboxSize(), 0u) << "changes still waiting for the server";
        EXPECT_EQ(store.confirmed().canonicalState(), server)
            << "the device's state differs from the server's";
    });
}

} // namespace tepei::test

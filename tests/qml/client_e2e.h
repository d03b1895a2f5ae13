#pragma once
// Test support for the end-to-end tests of the real client stack against the real tepei-server:
// the client's HTTP transport, and the centre publishing a campaign through the client core (the
// campaign open for another year is programme.h's openCampaign2024).

#include "server_fixture.h"

#include <memory>
#include <string>
#include <tepei/client/account/account.h>
#include <tepei/client/store/replica.h>
#include <tepei/client/sync/sync_engine.h>
#include <tepei/client/sync/transport.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>

namespace tepei::test {

inline std::shared_ptr<client::Transport> http(const client::ServerConfig& config)
{
    return std::shared_ptr<client::Transport>(client::makeHttpTransport(config));
}

// `login` (a centre officer) signs in on a replica of its own in the server's folder, sets the
// campaign's definition and syncs it up. Returns "" or what went wrong.
inline std::string publishCampaignThroughTheClient(const TestServer& server, const std::string& login,
                                                   const std::string& password,
                                                   const model::Campaign& campaign)
{
    auto replica = client::ClientReplica::open((server.dir() / (login + "-publisher.sqlite")).string(),
                                               sync::systemWallClock());
    if (!replica)
        return replica.error().message;
    client::ServerConfig config;
    config.baseUrl = server.baseUri();
    auto transport = http(config);
    auto session = client::signInOnline(*transport, **replica, login, password);
    if (!session)
        return session.error().code + ": " + session.error().message;
    if (!(*replica)->setFields(model::kKindCampaign, campaign.id, model::campaignPayload(campaign)))
        return "the campaign could not be stored on the replica";
    client::SyncEngine engine(**replica, transport);
    engine.setToken(session->token);
    auto report = engine.syncOnce();
    if (!report)
        return report.error().message;
    return report->refused == 0 ? std::string() : "the server refused the campaign";
}

} // namespace tepei::test

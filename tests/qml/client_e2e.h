#pragma once
// Test support for the end-to-end tests of the real client stack against the real tepei-server:
// the client's HTTP transport (the campaign open for another year is programme.h's
// openCampaign2024).

#include <memory>
#include <tepei/client/sync/transport.h>

namespace tepei::test {

inline std::shared_ptr<client::Transport> http(const client::ServerConfig& config)
{
    return std::shared_ptr<client::Transport>(client::makeHttpTransport(config));
}

} // namespace tepei::test

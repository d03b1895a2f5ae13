#pragma once
// Test support for the end-to-end tests of the real client stack against the real tepei-server:
// the 2024 campaign open for another year (its deadline a year from today, so that submissions
// made now count), and the client's HTTP transport.

#include <chrono>
#include <memory>
#include <tepei/client/sync/transport.h>
#include <tepei/model/campaign/campaign.h>

namespace tepei::test {

inline model::Campaign openCampaign()
{
    auto campaign = model::loadCampaign(TEPEI_DATA_DIR "/campaigns/2024.json").value();
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    campaign.deadline = model::addDays(model::chinaDateOf(now), 365);
    return campaign;
}

inline std::shared_ptr<client::Transport> http(const client::ServerConfig& config)
{
    return std::shared_ptr<client::Transport>(client::makeHttpTransport(config));
}

} // namespace tepei::test

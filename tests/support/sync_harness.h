#pragma once
// The harness of the client's integration tests (in the spirit of a FakeFolder): real client
// devices (a ClientReplica file, the HTTP transport, a SyncEngine, signed in online) against a
// real tepei-server, and the check every such test ends with: a device's whole confirmed state
// equals the server's view of its user's scope (what the server sends that user from the start
// of the log: every record, field, stamp, verdict and history line), byte for byte, with nothing
// left in its outbox.

#include "server_fixture.h"

#include <filesystem>
#include <memory>
#include <string>
#include <tepei/client/store/replica.h>
#include <tepei/client/sync/sync_engine.h>
#include <tepei/client/sync/transport.h>
#include <tepei/sync/hlc.h>

namespace tepei::test {

struct ClientDevice {
    std::unique_ptr<client::ClientReplica> replica;
    std::shared_ptr<client::Transport> transport;
    std::unique_ptr<client::SyncEngine> engine;
};

// A transport that hands every request to another (the real one) and counts its bytes: tests
// derive from it to watch or spoil particular exchanges.
class RelayTransport : public client::Transport {
public:
    explicit RelayTransport(std::shared_ptr<client::Transport> real) : m_real(std::move(real)) {}
    Result<client::HttpResponse> send(const client::HttpRequest& request) override
    {
        return m_real->send(request);
    }
    std::size_t bytesSent() const override { return m_real->bytesSent(); }
    std::size_t bytesReceived() const override { return m_real->bytesReceived(); }

private:
    std::shared_ptr<client::Transport> m_real;
};

class SyncHarness {
public:
    // Devices keep their replica files in `dir` and stamp their changes by `clock`.
    SyncHarness(const TestServer& server, std::string password, std::filesystem::path dir,
                sync::WallClock clock);

    // The device `name` (its replica file dir/name.db, opened again when it exists), signed in
    // online as `login`; without a login it uses the session its replica stored.
    ClientDevice open(const std::string& name, const std::string& login = {},
                      const client::SyncOptions& options = client::SyncOptions{}) const;

    // The server's view of the scope of the device's signed-in user, in canonical form.
    std::string serverScope(const ClientDevice& device) const;
    // The device's confirmed state equals serverScope() and its outbox is empty; a test failure
    // (with both states) otherwise.
    void expectConverged(const ClientDevice& device) const;

private:
    const TestServer& m_server;
    std::string m_password;
    std::filesystem::path m_dir;
    sync::WallClock m_clock;
};

} // namespace tepei::test

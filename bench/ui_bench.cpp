// The interface during a long sync over a slow link (issue #5: "a long sync over a slow link never
// freezes the interface"). A bench executable: the real tepei-server on loopback holds 2,000
// applications of one applicant; a fresh AppController (the same object the QML pages use, with
// a list model bound to it as the applicant's list page is) signs in and pulls them over a link of
// 1 Mbit/s with 300 ms latency per request. A 5 ms timer on the GUI thread records how long the
// event loop was ever kept from running. Prints the figures; asserts nothing.
#include "programme.h"
#include "sync_actor.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <app_controller.h>
#include <application_list_model.h>
#include <chrono>
#include <cstdio>
#include <tepei/client/sync/transport.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/ids.h>
#include <thread>

namespace {

using namespace tepei;
const std::string kPassword = "Slow-Link-Grassland-1";

// The real HTTP transport behind a slow link: latency per request plus time per byte.
class SlowLink final : public client::Transport {
public:
    explicit SlowLink(std::shared_ptr<client::Transport> real) : m_real(std::move(real)) {}
    Result<client::HttpResponse> send(const client::HttpRequest& request) override
    {
        const std::size_t before = m_real->bytesSent() + m_real->bytesReceived();
        auto response = m_real->send(request);
        const std::size_t bytes = m_real->bytesSent() + m_real->bytesReceived() - before;
        std::this_thread::sleep_for(std::chrono::milliseconds(300) +
                                    std::chrono::microseconds(bytes * 8)); // 1 Mbit/s = 8 µs per byte
        return response;
    }
    std::size_t bytesSent() const override { return m_real->bytesSent(); }
    std::size_t bytesReceived() const override { return m_real->bytesReceived(); }

private:
    std::shared_ptr<client::Transport> m_real;
};

void seedApplications(const test::TestServer& server, const model::Campaign& campaign, int count)
{
    test::Actor applicant(server, "hh-applicant-1", kPassword, "applicant");
    std::mt19937_64 rng{5};
    std::vector<sync::Change> batch;
    for (int i = 0; i < count; ++i) {
        batch.push_back(applicant.set(
            sync::newUuidString(),
            model::toJson(model::sampleApplication(rng, campaign, {"150100", "W-HH-1", "单位"}))));
        if (batch.size() == 500) {
            applicant.push(batch);
            batch.clear();
        }
    }
    if (!batch.empty())
        applicant.push(batch);
}

template <class Predicate> bool waitFor(Predicate done, int seconds)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < seconds * 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    test::TestServer server;
    test::seedProgramme(server, kPassword);
    if (!server.start()) {
        std::fprintf(stderr, "tepei-server did not start: %s\n", server.log().c_str());
        return 1;
    }
    const model::Campaign campaign = test::publishCampaign(server, kPassword, 5);
    constexpr int kApplications = 2000;
    seedApplications(server, campaign, kApplications);

    QTemporaryDir dir;
    qt::AppController controller(qt::AppController::openReplica(dir.path(), sync::systemWallClock()),
                                 [](const client::ServerConfig& config) {
                                     return std::make_shared<SlowLink>(client::makeHttpTransport(config));
                                 });
    qt::ApplicationListModel list;
    list.setController(&controller);
    controller.setServerUrl(QString::fromStdString(server.baseUri()));
    bool signedIn = false;
    QObject::connect(&controller, &qt::AppController::signInFinished,
                     [&](bool ok, const QString&) { signedIn = ok; });
    controller.signIn("hh-applicant-1", QString::fromStdString(kPassword), true);
    if (!waitFor([&] { return signedIn; }, 60)) {
        std::fprintf(stderr, "sign-in failed\n");
        return 1;
    }

    // Watch the GUI thread while the sync runs (the first one starts with the sign-in).
    std::vector<qint64> gaps;
    QElapsedTimer sinceTick;
    sinceTick.start();
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] { gaps.push_back(sinceTick.restart()); });
    QElapsedTimer total;
    total.start();
    tick.start();
    controller.syncNow();
    const auto held = [&] {
        return controller.replica()->withStore(
            [](const client::LocalStore& s) { return model::applications(s.confirmed()).size(); });
    };
    const bool synced =
        waitFor([&] { return held() >= kApplications && controller.syncPhase() == "synced"; }, 300);
    const qint64 syncMs = total.elapsed();
    tick.stop();
    std::sort(gaps.begin(), gaps.end());
    const auto at = [&](double q) {
        return gaps.empty() ? 0 : gaps[static_cast<std::size_t>(q * (gaps.size() - 1))];
    };
    std::printf("ui_bench: %s; %d applications pulled over 1 Mbit/s + 300 ms/request in %lld ms\n",
                synced ? "synced" : "NOT synced in time", static_cast<int>(held()),
                static_cast<long long>(syncMs));
    std::printf("ui_bench: the list page shows its first %d rows (it fetches more as it scrolls)\n",
                list.count());
    std::printf("ui_bench: GUI event loop gaps (5 ms timer): median %lld ms, p99 %lld ms, max %lld ms over "
                "%zu ticks\n",
                static_cast<long long>(at(0.5)), static_cast<long long>(at(0.99)),
                static_cast<long long>(at(1.0)), gaps.size());
    return synced ? 0 : 1;
}

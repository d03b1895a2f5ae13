// The centre's workspace at the scale of a full season (issue #12, performance): a replica that
// holds the 2024 campaign and 5,000 applications across its 26 recommending authorities (the
// workload of bench/workload.h: each created, edited, submitted, approved by its unit and its
// authority; the authorities' approvals beyond their places refused by the rules), folded as a
// pull would bring them. Measures, on the same AppController and view models the pages use:
// - the dashboard (CentreDashboard: the 附件1 consolidation) opening from the replica, first after
//   the replica was rebuilt and then warm;
// - bulk admission of 50 rows pasted as a table: judging, then one action admitting them, and how
//   many push requests carry the result (the sync engine's first push batch).
// A bench executable: prints the figures, asserts nothing. The transport is a stand-in that only
// answers sign-in (nothing here goes over the network).
#include "workload.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <algorithm>
#include <app_controller.h>
#include <centre_admission.h>
#include <centre_dashboard.h>
#include <cstdio>
#include <tepei/client/sync/sync_engine.h>
#include <tepei/client/sync/transport.h>
#include <tepei/sync/codec.h>

namespace {

using namespace tepei;

class SignInOnly final : public client::Transport {
public:
    Result<client::HttpResponse> send(const client::HttpRequest& request) override
    {
        if (request.path != "/v1/login")
            return Error{"offline", "the bench has no server", {}};
        sync::LoginReply reply;
        reply.token = "tok-bench";
        reply.expiresAt = "2099-01-01T00:00:00Z";
        reply.userId = "centre";
        reply.displayName = "中心";
        reply.role = "centre_officer";
        reply.orgCode = "C00";
        return client::HttpResponse{200, sync::encode(reply), {}};
    }
    std::size_t bytesSent() const override { return 0; }
    std::size_t bytesReceived() const override { return 0; }
};

double msSince(const QElapsedTimer& t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    constexpr std::size_t kApplications = 5000;
    const bench::Workload workload = bench::makeWorkload(kApplications * 10);

    QTemporaryDir dir;
    qt::AppController controller(qt::AppController::openReplica(dir.path(), sync::systemWallClock()),
                                 [](const client::ServerConfig&) { return std::make_shared<SignInOnly>(); });
    controller.setServerUrl(QStringLiteral("http://bench.invalid"));
    QSignalSpy signedIn(&controller, &qt::AppController::signInFinished);
    controller.signIn(QStringLiteral("centre"), QStringLiteral("Bench-Centre-2024"), true);
    if (!signedIn.wait(30000) || !signedIn.at(0).at(0).toBool()) {
        std::fprintf(stderr, "centre_bench: sign-in failed\n");
        return 1;
    }
    // The rules' verdicts, as the server's fold gives them (approvals beyond an authority's places
    // refused), then the season arrives as pulled pages of 1,000 changes with them.
    std::vector<model::Verdict> verdicts;
    {
        model::Fold server;
        std::int64_t n = 0;
        for (const sync::Change& c : workload.changes)
            verdicts.push_back(server.apply(sync::ConfirmedChange{++n, c, {}}));
    }
    QElapsedTimer pulling;
    pulling.start();
    std::int64_t seq = 0;
    for (std::size_t from = 0; from < workload.changes.size(); from += 1000) {
        std::vector<model::PulledChange> page;
        for (std::size_t i = from; i < std::min(from + 1000, workload.changes.size()); ++i) {
            ++seq;
            page.push_back({sync::ConfirmedChange{seq, workload.changes[i], {}}, verdicts[i]});
        }
        const auto stored = controller.replica()->withStore(
            [&](client::LocalStore& st) { return st.applyPulled(std::move(page), seq); });
        if (!stored) {
            std::fprintf(stderr, "centre_bench: %s\n", stored.error().message.c_str());
            return 1;
        }
    }
    controller.localChangeMade();
    std::printf(
        "centre_bench: %zu changes (%zu applications, %zu KiB of payload) stored and folded in %.0f ms\n",
        workload.changes.size(), kApplications, workload.payloadBytes / 1024, msSince(pulling));

    // The dashboard: the first opening folds the tentative state again (it was invalidated by the
    // pulled pages); the next ones read it.
    std::vector<double> warm;
    double first = 0;
    int rows = 0, places = 0, approved = 0;
    for (int run = 0; run < 11; ++run) {
        QElapsedTimer t;
        t.start();
        qt::CentreDashboard dashboard;
        dashboard.setController(&controller);
        const double ms = msSince(t);
        if (run == 0)
            first = ms;
        else
            warm.push_back(ms);
        rows = static_cast<int>(dashboard.rows().size());
        places = dashboard.total().value("allocation").toInt();
        approved = dashboard.total().value("approved").toInt();
    }
    std::sort(warm.begin(), warm.end());
    std::printf("centre_bench: dashboard of %d authorities (places %d, approved %d): first opening %.1f ms, "
                "then median %.1f ms, max %.1f ms over %zu openings (target 300 ms)\n",
                rows, places, approved, first, warm[warm.size() / 2], warm.back(), warm.size());

    // Bulk admission: the approved applicants, pasted as a table of 50 rows.
    qt::CentreAdmission admission;
    admission.setController(&controller);
    QString table = QStringLiteral("身份证号\t培养单位\t培养专业\t开始日期\t结束日期\n");
    int pasted = 0;
    for (const QVariant& row : admission.candidates()) {
        if (pasted == 50)
            break;
        table +=
            row.toMap().value("idNumber").toString() + QStringLiteral("\t北京大学\t草业科学\t2024-09-01\t\n");
        ++pasted;
    }
    QElapsedTimer judging;
    judging.start();
    admission.judge(table);
    const double judgeMs = msSince(judging);
    const int accepted = admission.previewAccepted();
    QElapsedTimer admitting;
    admitting.start();
    const QVariantList done = admission.admitPreviewed();
    const double admitMs = msSince(admitting);
    const int queued = controller.waiting();
    const std::size_t firstBatch = std::max<std::size_t>(1, client::SyncOptions{}.pushBatch / 4);
    std::printf(
        "centre_bench: bulk admission of %d pasted rows: judged in %.1f ms (%d accepted), admitted in "
        "one action in %.1f ms; %d changes queued, %zu push request(s) at the engine's first batch "
        "of %zu\n",
        pasted, judgeMs, accepted, admitMs, queued,
        (static_cast<std::size_t>(queued) + firstBatch - 1) / firstBatch, firstBatch);
    return done.size() == static_cast<qsizetype>(pasted) ? 0 : 1;
}

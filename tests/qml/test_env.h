#pragma once
// The environment the QML tests run in (exposed to them as the context property `testEnv`):
// real AppControllers on temporary replicas, with the 2024 campaign as it is and a clock of the
// test's own (it starts on 2024-03-01, before the campaign's deadline; setToday moves it), and
// applications seeded as if pulled from the server, and a fake transport that answers sign-in and
// reports every other request as "offline" — so the tests work with no network.
// Test-only; GUI thread.

#include <QObject>
#include <QTemporaryDir>
#include <QVariantMap>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace tepei::qt {
class AppController;
}

class TestEnv : public QObject {
    Q_OBJECT
public:
    TestEnv();
    ~TestEnv() override;

    // A controller whose fake server signs in `role` (applicant, unit_reviewer, authority_reviewer,
    // training_unit_officer, centre_officer) as user "u-<role>" of work unit W001 (the authority's
    // reviewer: org 150100; the training unit officer: T-PKU; the centre: C00).
    Q_INVOKABLE QObject* newController(const QString& role);
    // Sets every controller's clock to 10:00 (China time) of an ISO date, e.g. "2024-03-21".
    Q_INVOKABLE void setToday(const QString& isoDate);
    // Seeds `count` applications of work unit W001 under authority 150100 in `state` (draft,
    // submitted, unit_returned (with the unit's opinion), unit_approved, authority_approved, admitted: to
    // T-PKU), owned by `owner` (default: other applicants). Returns their ids.
    Q_INVOKABLE QStringList seed(QObject* controller, int count, const QString& state,
                                 const QString& owner = {});
    // A leave request of `owner` on an admitted application (seed(..., "admitted", owner)), as the
    // server sent it; returns its id.
    Q_INVOKABLE QString seedLeave(QObject* controller, const QString& applicationId, const QString& start,
                                  const QString& end, const QString& owner);
    // Another campaign (the 2024 data under `id`, for `year`), as the server sent it.
    Q_INVOKABLE void seedCampaign(QObject* controller, const QString& id, int year);
    // The training unit's written approval of a seeded leave request, as the server sent it.
    Q_INVOKABLE void seedTrainingUnitApproval(QObject* controller, const QString& leaveId);
    Q_INVOKABLE int outboxSize(QObject* controller) const;
    // The newest pending change: {op, recordId, payload}.
    Q_INVOKABLE QVariantMap lastOutboxChange(QObject* controller) const;
    Q_INVOKABLE QString digestOf(QObject* controller, const QString& recordId) const;
    Q_INVOKABLE int fieldCount() const;
    // A complete, eligible application form (model::sampleApplication) as {field: value}.
    Q_INVOKABLE QVariantMap sampleFields() const;
    Q_INVOKABLE QString screenshotPath(const QString& name) const;
    Q_INVOKABLE QString tempPath(const QString& name) const;
    // A file of `bytes` bytes under the test output folder; returns its path.
    Q_INVOKABLE QString writeFile(const QString& name, int bytes) const;
    Q_INVOKABLE qint64 fileSize(const QString& path) const;
    // An .xlsx file written by openpyxl (a writer that is not the project's) under the test output
    // folder, its first sheet holding `rows` (arrays of cells: numbers, texts, null for empty; a
    // text "date:2024-09-01" is written as an Excel date). Returns its path, or "" on failure.
    Q_INVOKABLE QString writeXlsx(const QString& name, const QVariantList& rows) const;
    // pdftotext -layout of a PDF.
    Q_INVOKABLE QString pdfText(const QString& path) const;
    // The Debian packages that own the QML modules and fonts this process has loaded (from
    // /proc/self/maps, by dpkg -S) but that installer/client-runtime-packages does not list.
    Q_INVOKABLE QStringList runtimePackagesNotDeclared() const;
    // Ends every controller (before the application object goes).
    void clear();
    // The engine retranslates when a controller's language changes, as main wires it.
    void setEngine(class QQmlEngine* engine) { m_engine = engine; }

private:
    std::vector<std::unique_ptr<QTemporaryDir>> m_dirs;
    std::vector<std::unique_ptr<tepei::qt::AppController>> m_controllers;
    int m_seeded = 0;
    // The controllers' wall clock, ms since the epoch.
    std::shared_ptr<std::atomic<std::int64_t>> m_now;
    class QQmlEngine* m_engine = nullptr;
};

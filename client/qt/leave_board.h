#pragma once
// LeaveBoard: the leave requests (R-LV-1..3) this person sees on this device, for the leave page of
// every party: the trainee's own requests and the training they belong to, the training unit's,
// work unit's and centre's requests with who must act next, and the actions a role may take on
// each — file, withdraw, approve or refuse with an opinion, file for the record (备案), confirm
// the return (销假), print the 附件3 form. Every action is a local change first (offline); its
// tentative verdict comes back as the text to show, empty when it was taken.
//
// Threading: GUI thread only.

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <optional>
#include <tepei/model/reference/reason.h>

namespace tepei::qt {

class AppController;

class LeaveBoard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        tepei::qt::AppController* controller READ controller WRITE setController NOTIFY controllerChanged)
    // One map a request, newest first: id, trainee, type, start, end, days, status, statusLabel,
    // awaitingLabel, actNow (this person's party must decide), fileNow (this party files it),
    // canWithdraw, canEdit, canReturn, late, returned, typeCode, reason, application,
    // decisions [{party, approved, comment}].
    Q_PROPERTY(QVariantList requests READ requests NOTIFY changed)
    // The trainings a leave may be filed for here (the trainee's own; a training unit's trainees):
    // [{id, name, trainingUnit, major, start, requests, daysOff}], daysOff the approved days.
    Q_PROPERTY(QVariantList trainings READ trainings NOTIFY changed)
    Q_PROPERTY(int awaitingCount READ awaitingCount NOTIFY changed)
    // The campaign's leave tiers in words (who decides by length; campaign data, R-LV-2).
    Q_PROPERTY(QString policy READ policy NOTIFY changed)

public:
    explicit LeaveBoard(QObject* parent = nullptr);

    AppController* controller() const { return m_controller; }
    void setController(AppController* controller);
    QVariantList requests() const { return m_requests; }
    QVariantList trainings() const { return m_trainings; }
    int awaitingCount() const;
    QString policy() const { return m_policy; }

    Q_INVOKABLE QString file(const QString& applicationId, const QString& type, const QString& start,
                             const QString& end, const QString& reason);
    // Changes a request that has no decision yet (its trainee stays).
    Q_INVOKABLE QString edit(const QString& id, const QString& type, const QString& start, const QString& end,
                             const QString& reason);
    Q_INVOKABLE QString decide(const QString& id, bool approve, const QString& opinion);
    Q_INVOKABLE QString acknowledge(const QString& id);
    Q_INVOKABLE QString withdraw(const QString& id);
    Q_INVOKABLE QString confirmReturn(const QString& id, const QString& returned);
    // Prints the 附件3 form of a request to a PDF file (a path or file: URL).
    Q_INVOKABLE QString print(const QString& id, const QString& fileUrl);

signals:
    void controllerChanged();
    void changed();

private:
    void reload();
    // What the rules would refuse in a new request (kind, dates, their order), before it is recorded.
    std::optional<model::Reason> checkRequest(const std::string& applicationId, const std::string& type,
                                              const std::string& start, const std::string& end) const;
    QString command(const QString& id, const char* name, const QString& opinion, const QString& returned);

    QPointer<AppController> m_controller;
    QVariantList m_requests;
    QVariantList m_trainings;
    QString m_policy;
};

} // namespace tepei::qt

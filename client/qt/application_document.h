#pragma once
// ApplicationDocument: one application (申报表) as a page shows it — the form's values with the
// edits not yet saved, live validation of each field and live eligibility (R-ELG-6), the review
// history (R-APP-8), the actions the signed-in role may take now (workflow.h allowedActions),
// and printing (R-APP-4). Edits stay in the document until save(), which stores them as one
// local change (it syncs later; R-APP-2 works offline).
//
// Threading: GUI thread only. It reads the replica under its lock for short copies; it reloads
// when the controller's revision moves (a sync or a local change) unless edits are pending.

#include "form_model.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <map>
#include <optional>
#include <tepei/model/fold/fold.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>

namespace tepei::qt {

class AppController;

class ApplicationDocument : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        tepei::qt::AppController* controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    Q_PROPERTY(tepei::qt::FormModel* fields READ fields CONSTANT)
    Q_PROPERTY(bool exists READ exists NOTIFY loaded)
    Q_PROPERTY(QString state READ state NOTIFY loaded)
    Q_PROPERTY(QString stateLabel READ stateLabel NOTIFY loaded)
    Q_PROPERTY(bool editable READ editable NOTIFY loaded)
    Q_PROPERTY(bool pending READ pending NOTIFY loaded)
    Q_PROPERTY(QString name READ name NOTIFY loaded)
    Q_PROPERTY(QString authorityName READ authorityName NOTIFY loaded)
    Q_PROPERTY(QString digest READ digest NOTIFY loaded)
    Q_PROPERTY(bool paperReceived READ paperReceived NOTIFY loaded)
    // R-APP-6: when and by whom the stamped paper copies were recorded as received ("" before).
    Q_PROPERTY(QString paperReceipt READ paperReceipt NOTIFY loaded)
    Q_PROPERTY(bool grassroots READ grassroots NOTIFY loaded)
    Q_PROPERTY(bool nonPublic READ nonPublic NOTIFY loaded)
    Q_PROPERTY(QVariantList history READ history NOTIFY loaded)
    Q_PROPERTY(QVariantList actions READ actions NOTIFY loaded)
    Q_PROPERTY(QStringList eligibility READ eligibility NOTIFY checked)
    Q_PROPERTY(QStringList problems READ problems NOTIFY checked)
    Q_PROPERTY(bool dirty READ dirty NOTIFY checked)

public:
    explicit ApplicationDocument(QObject* parent = nullptr);

    AppController* controller() const { return m_controller; }
    void setController(AppController* controller);
    QString recordId() const { return m_recordId; }
    void setRecordId(const QString& id);
    FormModel* fields() const { return m_fields; }
    bool exists() const { return m_app.has_value(); }
    QString state() const;
    QString stateLabel() const;
    bool editable() const;
    bool pending() const { return m_pending; }
    QString name() const;
    QString authorityName() const;
    QString digest() const { return m_digest; }
    bool paperReceived() const { return m_app && m_app->paperReceived; }
    QString paperReceipt() const;
    bool grassroots() const;
    bool nonPublic() const;
    QVariantList history() const;
    // [{action, label, needsComment, enabled, why}]: what the signed-in role may take now; an
    // action that would certainly be refused (an approval when the quota is full) is disabled
    // with the reason, and a paper receipt already recorded is not offered again.
    QVariantList actions() const;
    QStringList eligibility() const { return m_eligibility; }
    QStringList problems() const { return m_problems; }
    bool dirty() const { return !m_edits.empty(); }

    // Sets a field's value (not yet saved); returns its validation message, or "".
    Q_INVOKABLE QString setValue(const QString& fieldId, const QVariant& value);
    Q_INVOKABLE QVariant valueOf(const QString& fieldId) const { return value(fieldId.toStdString()); }
    Q_INVOKABLE QString errorOf(const QString& fieldId) const { return error(fieldId.toStdString()); }
    // Stores the edits as one local change. Returns "" or why not.
    Q_INVOKABLE QString save();
    Q_INVOKABLE void discard();
    // Takes a workflow action ("submit", "unit_approve", ...). Reviews carry the content digest
    // the reviewer saw; returns need a comment. Returns "" when the rules accept it (tentatively,
    // until the server confirms), otherwise the reason.
    Q_INVOKABLE QString act(const QString& action, const QString& comment);
    // R-APP-4: prints the form to a PDF file (a file: URL or path). Returns "" or why not.
    Q_INVOKABLE QString print(const QString& fileUrl) const;

    // For FormModel and the printer.
    bool english() const;
    const model::Campaign* campaign() const { return m_campaign ? &*m_campaign : nullptr; }
    const model::Application* application() const { return m_app ? &*m_app : nullptr; }
    QVariant value(const std::string& fieldId) const;
    QString error(const std::string& fieldId) const;

signals:
    void controllerChanged();
    void recordIdChanged();
    void loaded();
    void checked();

private:
    void reload();
    void recheck();
    model::FieldMap merged() const;

    QPointer<AppController> m_controller;
    QString m_recordId;
    FormModel* m_fields;
    std::optional<model::Application> m_app;
    std::optional<model::Campaign> m_campaign;
    QString m_digest;
    bool m_pending = false; // local changes not yet confirmed by the server
    model::FieldMap m_edits;
    std::map<std::string, QString> m_errors;
    QStringList m_eligibility;
    QStringList m_problems;
};

} // namespace tepei::qt

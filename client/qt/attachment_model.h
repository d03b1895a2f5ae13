#pragma once
// AttachmentModel: the supporting documents of one application (附件证明材料, R-APP-2) — 身份证,
// 学历学位证书, 职称证书 and other proof — with their upload state. A file is checked against
// the campaign's types and size limit, hashed, recorded in the store's blobs table and uploaded
// in resumable chunks by client::BlobUploader (R-SYNC-4); progress shows per row, and uploads
// that did not finish continue when the model is shown again (after a restart too).
//
// Where the list lives: the form's field list (model/form.h) has no attachments field yet and the
// fold refuses unknown fields, so the list is kept with this device's replica (meta
// "attachments:<record id>"); the blobs themselves reach the server. Reviewers see the list once
// the model carries it as a field (left to the model library).
//
// Threading: GUI thread only; hashing and uploading run on worker threads and report back
// through queued calls that are dropped once the model is gone.

#include <QAbstractListModel>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <map>
#include <memory>
#include <vector>

namespace tepei::qt {

class AppController;

class AttachmentModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(tepei::qt::AppController* controller READ controller WRITE setController NOTIFY changed)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY changed)
    // Whose attachments: "application" (the form's section 10) or "leave" (a request's proof).
    Q_PROPERTY(QString recordKind READ recordKind WRITE setRecordKind NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(QVariantList categories READ categories NOTIFY changed)
    Q_PROPERTY(QString limitText READ limitText NOTIFY changed)

public:
    enum Roles {
        CategoryRole = Qt::UserRole + 1,
        CategoryLabelRole,
        NameRole,
        SizeRole,
        ShaRole,
        ProgressRole,
        StatusRole
    };

    explicit AttachmentModel(QObject* parent = nullptr);
    ~AttachmentModel() override;

    AppController* controller() const { return m_controller; }
    void setController(AppController* controller);
    QString recordId() const { return m_recordId; }
    QString recordKind() const { return m_recordKind; }
    void setRecordKind(const QString& kind);
    void setRecordId(const QString& id);
    int count() const { return static_cast<int>(m_items.size()); }
    QVariantList categories() const;
    QString limitText() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Checks a file (file: URL or path) against the campaign's types and size, then hashes and
    // records it on a worker thread and starts its upload. Returns "" or why the file cannot be
    // attached (type, size, unreadable).
    Q_INVOKABLE QString add(const QString& category, const QString& fileUrl);
    Q_INVOKABLE void remove(int row);
    // Starts (or continues) every upload that has not finished.
    Q_INVOKABLE void resume();
    // Opens an attachment: the local file when this device has it, otherwise downloaded (on a
    // worker thread) into the cache and checked against its SHA-256. Emits opened with the file's
    // URL, or openFailed with what happened and what to do (e.g. offline: try again when online).
    Q_INVOKABLE void open(int row);

signals:
    void changed();
    void opened(const QUrl& url);
    void openFailed(const QString& message);

private:
    struct Item {
        QString category, name, sha256, path;
        qint64 size = 0;
        double progress = 0;
        bool uploaded = false;
        bool uploading = false;
        bool preparing = false; // being hashed on a worker thread
        bool others = false;    // attached on another device (by its author): this one only downloads it
        QString error;
    };
    struct Relay;
    void load();
    void store();
    void upload(int row);
    void onProgress(const QString& sha, qint64 received, qint64 total);
    void onFinished(const QString& sha, const QString& error);
    int rowOf(const QString& sha) const;

    QPointer<AppController> m_controller;
    QString m_recordId;
    QString m_recordKind = QStringLiteral("application");
    std::vector<Item> m_items;
    std::shared_ptr<Relay> m_relay;
};

} // namespace tepei::qt

#include "attachment_model.h"

#include "app_controller.h"
#include "background.h"
#include "convert.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>
#include <mutex>
#include <tepei/client/blobs/blob_uploader.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/leave/leave_kind.h>
#include <tepei/model/reference/reference.h>
#include <tepei/model/rules/attachment.h>

namespace tepei::qt {

namespace {

QString mimeOf(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return QStringLiteral("application/pdf");
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        return QStringLiteral("image/jpeg");
    if (suffix == QLatin1String("png"))
        return QStringLiteral("image/png");
    return QStringLiteral("application/octet-stream");
}

} // namespace

struct AttachmentModel::Relay {
    std::mutex mutex;
    AttachmentModel* target = nullptr;
    template <class F> void post(F f)
    {
        std::lock_guard lock(mutex);
        if (target)
            QMetaObject::invokeMethod(target, f, Qt::QueuedConnection);
    }
};

AttachmentModel::AttachmentModel(QObject* parent)
    : QAbstractListModel(parent), m_relay(std::make_shared<Relay>())
{
    m_relay->target = this;
}

AttachmentModel::~AttachmentModel()
{
    std::lock_guard lock(m_relay->mutex);
    m_relay->target = nullptr;
}

void AttachmentModel::setController(AppController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) // the kinds' names, the limit and the upload states are in its language
        connect(m_controller, &AppController::languageChanged, this, &AttachmentModel::load);
    load();
}

void AttachmentModel::setRecordKind(const QString& kind)
{
    if (kind == m_recordKind)
        return;
    m_recordKind = kind;
    load();
}

void AttachmentModel::setRecordId(const QString& id)
{
    if (id == m_recordId)
        return;
    m_recordId = id;
    load();
}

QVariantList AttachmentModel::categories() const
{
    const bool en = m_controller && m_controller->english();
    QVariantList out;
    const bool leave = m_recordKind == QLatin1String(model::kKindLeave);
    for (const model::RefItem& c : leave ? model::leaveProofKinds() : model::attachmentKinds())
        out.push_back(QVariantMap{{"code", q(c.code)}, {"label", q(en ? c.en : c.zh)}});
    return out;
}

QString AttachmentModel::limitText() const
{
    if (!m_controller || !m_controller->replica())
        return {};
    const std::int64_t bytes =
        m_controller->replica()->withStore([&](const client::LocalStore& st) -> std::int64_t {
            const model::Campaign* c = model::findCampaign(st.tentative(), s(m_controller->campaignId()));
            return c ? c->attachmentMaxBytes : 0;
        });
    return m_controller
        ->pick(QStringLiteral("PDF、JPEG 或 PNG 文件，每个不超过 %1 MB"),
               QStringLiteral("PDF, JPEG or PNG files, at most %1 MB each"))
        .arg(bytes / (1024 * 1024));
}

void AttachmentModel::load()
{
    beginResetModel();
    m_items.clear();
    if (m_controller && m_controller->replica() && !m_recordId.isEmpty()) {
        // The attachments are a field of their record: they sync with it and its parties see them.
        const web::json::value json = m_controller->replica()->withStore([&](const client::LocalStore& st) {
            if (m_recordKind == QLatin1String(model::kKindLeave)) {
                const model::LeaveRequest* leave = model::findLeave(st.tentative(), s(m_recordId));
                return leave ? leave->attachments : web::json::value::array();
            }
            const model::Application* app = model::findApplication(st.tentative(), s(m_recordId));
            const auto field =
                app ? app->values.find(model::kFieldAttachments) : model::FieldMap::const_iterator{};
            return app && field != app->values.end() ? field->second : web::json::value::array();
        });
        client::BlobUploader uploader(*m_controller->replica(), nullptr);
        if (json.is_array()) {
            for (const auto& v : json.as_array()) {
                if (!v.is_object() || !v.has_field("sha256") || !v.has_field("size"))
                    continue;
                Item item;
                item.category = q(v.has_field("kind") ? v.at("kind").as_string() : std::string("other"));
                item.name = q(v.at("name").as_string());
                item.sha256 = q(v.at("sha256").as_string());
                item.size = v.at("size").as_number().to_int64();
                const auto blob = uploader.find(s(item.sha256));
                item.path = blob ? q(blob->path) : QString();
                item.others = !blob; // not queued here: its author uploads it, this device reads it
                item.uploaded = !blob || blob->uploaded;
                item.progress = item.uploaded ? 1.0 : 0.0;
                m_items.push_back(item);
            }
        }
    }
    endResetModel();
    emit changed();
    resume();
}

void AttachmentModel::store()
{
    auto array = web::json::value::array();
    int i = 0;
    for (const Item& item : m_items) {
        if (item.sha256.isEmpty())
            continue; // still being hashed, or the file could not be read
        auto v = web::json::value::object();
        v["kind"] = web::json::value::string(s(item.category));
        v["name"] = web::json::value::string(s(item.name));
        v["sha256"] = web::json::value::string(s(item.sha256));
        v["type"] = web::json::value::string(s(mimeOf(item.name)));
        v["size"] = web::json::value::number(static_cast<std::int64_t>(item.size));
        array[i++] = v;
    }
    auto fields = web::json::value::object();
    fields[model::kFieldAttachments] = array;
    (void)m_controller->replica()->setFields(s(m_recordKind), s(m_recordId), fields);
    m_controller->localChangeMade(); // the record's pages and the sync follow
    emit changed();
}

QString AttachmentModel::add(const QString& category, const QString& fileUrl)
{
    if (!m_controller || !m_controller->replica())
        return {};
    const QString path = localPath(fileUrl);
    const QFileInfo info(path);
    const bool en = m_controller->english();
    if (!info.isReadable())
        return m_controller
            ->pick(QStringLiteral("无法读取 %1：请确认文件存在"), QStringLiteral("Cannot read %1"))
            .arg(path);
    const auto reason = m_controller->replica()->withStore([&](const client::LocalStore& st) {
        const model::Campaign* c = model::findCampaign(st.tentative(), s(m_controller->campaignId()));
        return c ? model::checkAttachment(*c, s(mimeOf(path)), info.size()) : std::nullopt;
    });
    if (reason)
        return reasonText(*reason, en);
    beginInsertRows({}, count(), count());
    Item item;
    item.category = category;
    item.name = info.fileName();
    item.path = path;
    item.size = info.size();
    item.preparing = true;
    m_items.push_back(item);
    endInsertRows();
    emit changed();
    // Hashing a file of several MB is disk work: a worker does it, then the upload starts.
    auto replica = m_controller->replica();
    runInBackground<Result<client::LocalBlob>>(
        this,
        [replica, path] {
            client::BlobUploader uploader(*replica, nullptr);
            return uploader.add(s(path));
        },
        [this, path, en](Result<client::LocalBlob> blob) {
            int row = -1;
            for (int i = 0; i < count() && row < 0; ++i) {
                if (m_items[static_cast<std::size_t>(i)].preparing &&
                    m_items[static_cast<std::size_t>(i)].path == path)
                    row = i;
            }
            if (row < 0)
                return; // removed meanwhile
            Item& prepared = m_items[static_cast<std::size_t>(row)];
            prepared.preparing = false;
            if (!blob) {
                prepared.error = errorText(blob.error(), en);
                emit dataChanged(index(row), index(row));
                return;
            }
            prepared.sha256 = q(blob->sha256);
            prepared.uploaded = blob->uploaded;
            prepared.progress = prepared.uploaded ? 1.0 : 0.0;
            store();
            emit dataChanged(index(row), index(row));
            upload(row);
        });
    return {};
}

void AttachmentModel::remove(int row)
{
    if (row < 0 || row >= count())
        return;
    beginRemoveRows({}, row, row);
    m_items.erase(m_items.begin() + row);
    endRemoveRows();
    store();
}

void AttachmentModel::resume()
{
    for (int row = 0; row < count(); ++row)
        upload(row);
}

void AttachmentModel::upload(int row)
{
    Item& item = m_items[static_cast<std::size_t>(row)];
    if (item.uploaded || item.uploading || item.sha256.isEmpty() || !m_controller ||
        m_controller->token().empty())
        return;
    item.uploading = true;
    item.error.clear();
    auto replica = m_controller->replica();
    auto transport = m_controller->transport();
    const std::string token = m_controller->token();
    const QString sha = item.sha256;
    const bool en = m_controller->english();
    auto relay = m_relay;
    runInBackground<QString>(
        this,
        [replica, transport, token, sha, relay, en]() -> QString {
            client::BlobUploader uploader(*replica, transport);
            auto done = uploader.upload(s(sha), token, [&](std::int64_t received, std::int64_t total) {
                relay->post([relay, sha, received, total] {
                    if (relay->target)
                        relay->target->onProgress(sha, received, total);
                });
                return true;
            });
            return done ? QString() : errorText(done.error(), en);
        },
        [this, sha](QString error) { onFinished(sha, error); });
    emit dataChanged(index(row), index(row));
}

int AttachmentModel::rowOf(const QString& sha) const
{
    for (int i = 0; i < count(); ++i) {
        if (m_items[static_cast<std::size_t>(i)].sha256 == sha)
            return i;
    }
    return -1;
}

void AttachmentModel::onProgress(const QString& sha, qint64 received, qint64 total)
{
    const int row = rowOf(sha);
    if (row < 0)
        return;
    m_items[static_cast<std::size_t>(row)].progress = total > 0 ? double(received) / double(total) : 0.0;
    emit dataChanged(index(row), index(row), {ProgressRole, StatusRole});
}

void AttachmentModel::onFinished(const QString& sha, const QString& error)
{
    const int row = rowOf(sha);
    if (row < 0)
        return;
    Item& item = m_items[static_cast<std::size_t>(row)];
    item.uploading = false;
    item.uploaded = error.isEmpty();
    item.error = error;
    if (item.uploaded)
        item.progress = 1.0;
    emit dataChanged(index(row), index(row));
}

int AttachmentModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> AttachmentModel::roleNames() const
{
    return {{CategoryRole, "category"}, {CategoryLabelRole, "categoryLabel"},
            {NameRole, "name"},         {SizeRole, "size"},
            {ShaRole, "sha256"},        {ProgressRole, "progress"},
            {StatusRole, "status"}};
}

QVariant AttachmentModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    const Item& item = m_items[static_cast<std::size_t>(index.row())];
    const bool en = m_controller && m_controller->english();
    switch (role) {
    case CategoryRole:
        return item.category;
    case CategoryLabelRole: {
        const model::RefItem* kind = model::findAttachmentKind(s(item.category));
        return kind ? q(en ? kind->en : kind->zh) : item.category;
    }
    case NameRole:
        return item.name;
    case SizeRole:
        return item.size;
    case ShaRole:
        return item.sha256;
    case ProgressRole:
        return item.progress;
    case StatusRole:
        if (item.preparing)
            return en ? QStringLiteral("Preparing (computing the checksum)…")
                      : QStringLiteral("正在准备（计算校验值）…");
        if (item.others)
            return en ? QStringLiteral("On the server: “View” downloads and opens it")
                      : QStringLiteral("在服务器上：点击“查看”下载后打开");
        if (item.uploaded)
            return en ? QStringLiteral("Uploaded") : QStringLiteral("已上传");
        if (item.uploading)
            return (en ? QStringLiteral("Uploading %1%") : QStringLiteral("上传中 %1%"))
                .arg(int(item.progress * 100));
        if (!item.error.isEmpty())
            return (en ? QStringLiteral("Paused: %1. It continues from where it stopped next time.")
                       : QStringLiteral("上传暂停：%1。下次将从中断处继续"))
                .arg(item.error);
        return en ? QStringLiteral("Waiting to upload (continues when online)")
                  : QStringLiteral("等待上传（联网登录后自动继续）");
    default:
        return {};
    }
}

void AttachmentModel::open(int row)
{
    if (!m_controller || !m_controller->replica() || row < 0 || row >= count())
        return;
    const Item& item = m_items[static_cast<std::size_t>(row)];
    if (!item.path.isEmpty() && QFileInfo::exists(item.path)) {
        emit opened(QUrl::fromLocalFile(item.path));
        return;
    }
    // A reviewer's device (or the applicant's other one): fetch it from the server.
    const QString cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + "/attachments";
    QDir().mkpath(cacheDir);
    const QString dest = cacheDir + "/" + item.sha256.left(16) + "-" + QFileInfo(item.name).fileName();
    if (QFileInfo::exists(dest)) {
        emit opened(QUrl::fromLocalFile(dest));
        return;
    }
    auto replica = m_controller->replica();
    auto transport = m_controller->transport();
    const std::string token = m_controller->token();
    const std::string sha = s(item.sha256);
    const bool en = m_controller->english();
    runInBackground<Result<std::string>>(
        this,
        [replica, transport, token, sha, dest] {
            client::BlobUploader downloader(*replica, transport);
            return downloader.download(sha, token, s(dest));
        },
        [this, en](Result<std::string> saved) {
            if (saved)
                emit opened(QUrl::fromLocalFile(q(*saved)));
            else
                emit openFailed(errorText(saved.error(), en));
        });
}

} // namespace tepei::qt

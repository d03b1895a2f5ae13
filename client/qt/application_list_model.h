#pragma once
// ApplicationListModel: a list of applications for a page — the applicant's own (mine), the work
// unit's review queue (unit, R-APP-3) or the recommending authority's (authority, R-APP-5) —
// read a page at a time from the store's derived table (client::queryRecords) as the view
// scrolls (canFetchMore/fetchMore), so memory does not grow with the list. Rows show the state
// as this device sees it (pending local decisions included) and the grassroots and non-public
// flags (R-ELG-5), which can filter the list or sort preferred applicants first.
//
// Threading: GUI thread only; each fetch holds the replica's lock for one page.

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <tepei/client/store/record_summaries.h>
#include <vector>

namespace tepei::qt {

class AppController;

class ApplicationListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        tepei::qt::AppController* controller READ controller WRITE setController NOTIFY controllerChanged)
    // "mine", "unit", "authority" or "centre" (every application this device sees)
    Q_PROPERTY(QString scope READ scope WRITE setScope NOTIFY queryChanged)
    // The centre's lists behind the consolidation table: one authority ("" for all) and one of
    // its columns (centre_dashboard.h inColumn: "approved", "admitted", ...; "" for all).
    Q_PROPERTY(QString authority READ authority WRITE setAuthority NOTIFY queryChanged)
    Q_PROPERTY(QString column READ column WRITE setColumn NOTIFY queryChanged)
    // Only those waiting for this reviewer's decision (queues).
    Q_PROPERTY(bool awaitingOnly READ awaitingOnly WRITE setAwaitingOnly NOTIFY queryChanged)
    // "recent", "name" or "preferred" (grassroots or non-public first, then by name)
    Q_PROPERTY(QString sort READ sort WRITE setSort NOTIFY queryChanged)
    Q_PROPERTY(bool grassrootsOnly READ grassrootsOnly WRITE setGrassrootsOnly NOTIFY queryChanged)
    Q_PROPERTY(bool nonPublicOnly READ nonPublicOnly WRITE setNonPublicOnly NOTIFY queryChanged)
    // Part of the name; in the centre's scope also of the ID number or the work unit's name.
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY queryChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        NameRole,
        StateRole,
        StateLabelRole,
        PendingRole, // a local change not yet confirmed by the server
        EmployerRole,
        AuthorityRole,
        TrainingModeRole,
        GrassrootsRole,
        NonPublicRole,
        EligibleRole,
        PaperReceivedRole,
        IdNumberRole, // 身份证号, for the centre's search
    };
    static constexpr int kPageSize = 40;

    explicit ApplicationListModel(QObject* parent = nullptr);

    AppController* controller() const { return m_controller; }
    void setController(AppController* controller);
    QString scope() const { return m_scope; }
    void setScope(const QString& scope);
    bool awaitingOnly() const { return m_awaitingOnly; }
    void setAwaitingOnly(bool on);
    QString sort() const { return m_sort; }
    void setSort(const QString& sort);
    bool grassrootsOnly() const { return m_grassrootsOnly; }
    void setGrassrootsOnly(bool on);
    bool nonPublicOnly() const { return m_nonPublicOnly; }
    void setNonPublicOnly(bool on);
    QString search() const { return m_search; }
    void setSearch(const QString& text);
    QString authority() const { return m_authority; }
    void setAuthority(const QString& code);
    QString column() const { return m_column; }
    void setColumn(const QString& column);
    int count() const { return static_cast<int>(m_rows.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    Q_INVOKABLE void reload();
    Q_INVOKABLE QString idAt(int row) const;
    // A row as {roleName: value}, for scripts and tests.
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void controllerChanged();
    void queryChanged();
    void countChanged();

private:
    struct Row {
        QString id, name, state, employer, authority, trainingMode, idNumber;
        bool pending = false, grassroots = false, nonPublic = false, eligible = false, paperReceived = false;
    };
    client::RecordFilter filter() const;
    std::vector<Row> unsyncedRows() const;
    std::vector<Row> nextPage();
    bool keep(const Row& row) const;

    QPointer<AppController> m_controller;
    QString m_scope = QStringLiteral("mine");
    bool m_awaitingOnly = false;
    QString m_sort = QStringLiteral("recent");
    bool m_grassrootsOnly = false;
    bool m_nonPublicOnly = false;
    QString m_search;
    QString m_authority;
    QString m_column;
    std::vector<Row> m_rows;
    int m_offset = 0; // next row of the current pass in the derived table
    int m_pass = 0;   // "preferred" runs two passes: preferred rows, then the others
    bool m_exhausted = true;
};

} // namespace tepei::qt

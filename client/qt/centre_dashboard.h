#pragma once
// CentreDashboard: the centre's consolidation table (R-QUO-1, R-QUO-3, issue #12 item 2) over the
// applications on this device — one row per recommending authority of the campaign (the rows of
// 附件1): its allocation, approved, waiting for the authority, waiting for the work unit,
// returned, paper copies received, admitted (admission and after); and the total row, whose
// allocation is the campaign's places. Read from the replica, so it works offline; it is as of
// the last sync (the sync bar says when).
//
// Threading: GUI thread only.

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <string_view>
#include <tepei/model/kinds/application/workflow.h>

namespace tepei::qt {

class AppController;

// Whether an application in `state` counts in a column of the table ("approved",
// "awaitingAuthority", "awaitingUnit", "returned", "paperReceived", "admitted"); the empty column
// holds every application past its draft. The table's numbers and the lists behind them agree.
bool inColumn(std::string_view column, model::AppState state, bool paperReceived);

class CentreDashboard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        tepei::qt::AppController* controller READ controller WRITE setController NOTIFY controllerChanged)
    // [{authority, name, allocation, approved, awaitingAuthority, awaitingUnit, returned,
    //   paperReceived, admitted}], in the campaign's order of allocations.
    Q_PROPERTY(QVariantList rows READ rows NOTIFY changed)
    // The same counts over all authorities (name: 合计 / Total).
    Q_PROPERTY(QVariantMap total READ total NOTIFY changed)

public:
    explicit CentreDashboard(QObject* parent = nullptr);

    AppController* controller() const { return m_controller; }
    void setController(AppController* controller);
    QVariantList rows() const { return m_rows; }
    QVariantMap total() const { return m_total; }

    // R-QUO-1, issue #12 item 3: replaces the allocation (附件1) with `places` [{authority,
    // places}] (authorities not listed keep theirs) as a change of the campaign record, which
    // syncs to every authority. Refused, with nothing queued, when the total differs from the
    // campaign's places or an authority would get fewer places than it has approved; returns ""
    // or why not.
    Q_INVOKABLE QString saveAllocation(const QVariantList& places);

signals:
    void controllerChanged();
    void changed();

private:
    void reload();

    QPointer<AppController> m_controller;
    QVariantList m_rows;
    QVariantMap m_total;
};

} // namespace tepei::qt

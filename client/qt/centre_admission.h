#pragma once
// CentreAdmission: the centre admits approved applicants as trainees (录取, R-QUO-3, issue #12
// item 4) — one or many at once with the same training unit, major and period, or row by row
// from a table pasted from Excel (附件2 columns: 身份证号 or 姓名, 培养单位, 培养专业, 开始日期,
// 结束日期). A pasted table is judged first: each row's verdict comes from the rules themselves,
// applied in order to a copy of this device's state (so two rows for the last places are judged
// as the server will judge them), and nothing is queued until admitPreviewed(). Training units are
// the campaign's (Campaign::trainingUnits), chosen from a list, never typed free.
//
// Threading: GUI thread only; it reads the replica under its lock.

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/command/command.h>
#include <tepei/model/fold/fold.h>
#include <vector>

namespace tepei::qt {

class AppController;

class CentreAdmission : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        tepei::qt::AppController* controller READ controller WRITE setController NOTIFY controllerChanged)
    // The campaign's training units: [{code, name}] in the campaign's order.
    Q_PROPERTY(QVariantList trainingUnits READ trainingUnits NOTIFY changed)
    // Approved applicants not yet admitted (审核通过, 待录取): [{recordId, name, idNumber,
    // employer, authorityName, paperReceived, intended, direction}] by authority, then name.
    // `intended` is the training unit the applicant wished for (意向培养单位一) and `direction`
    // the 培养方向 of the form, for the officer's choice.
    Q_PROPERTY(QVariantList candidates READ candidates NOTIFY changed)
    // The judged rows of the last pasted table: [{line, name, idNumber, unitName, major, start,
    // end, ok, message}]; `message` says why a row is refused, or what it would do.
    Q_PROPERTY(QVariantList preview READ preview NOTIFY previewChanged)
    Q_PROPERTY(int previewAccepted READ previewAccepted NOTIFY previewChanged)

public:
    explicit CentreAdmission(QObject* parent = nullptr);

    AppController* controller() const { return m_controller; }
    void setController(AppController* controller);
    QVariantList trainingUnits() const { return m_units; }
    QVariantList candidates() const { return m_candidates; }
    QVariantList preview() const { return m_preview; }
    int previewAccepted() const;

    // The period's default end for a start date (ISO): the day before start + the campaign's
    // training period; "" for a text that is not a date.
    Q_INVOKABLE QString defaultEnd(const QString& start) const;
    // Admits each application with the same training unit (code), major and period; an empty
    // major takes each applicant's own 培养方向 from the form. Returns one
    // result per id: [{recordId, name, ok, message}] with the rules' verdict on this device
    // (the server confirms at the next sync). Nothing is queued for an id the rules refuse.
    Q_INVOKABLE QVariantList admit(const QStringList& recordIds, const QString& trainingUnit,
                                   const QString& major, const QString& start, const QString& end);
    // Reads a pasted table (tab- or comma-separated; a header line is skipped) and judges each
    // row; see `preview`. Nothing is queued.
    Q_INVOKABLE void judge(const QString& table);
    // Reads the first sheet of an .xlsx file (a file: URL or a path) and judges its rows the same
    // way. The columns are found by their headers, in any order and among any others (附件2's):
    // 身份证号 (or 姓名), 培养单位, 培养专业 (or 培养方向), 开始日期, 结束日期 — dates as Excel dates or
    // text. Returns "" or why the file could not be read (nothing judged then). Nothing is queued.
    Q_INVOKABLE QString judgeFile(const QString& fileUrl);
    // Admits the rows of the preview the rules accepted; returns the same rows with the verdicts
    // of the real admission, and clears the preview.
    Q_INVOKABLE QVariantList admitPreviewed();
    Q_INVOKABLE void clearPreview();

signals:
    void controllerChanged();
    void changed();
    void previewChanged();

private:
    struct Planned {
        QVariantMap row;
        std::string recordId;
        model::Command command;
    };
    void reload();
    // Judges the planned admissions in order on a copy of this device's state: each row gets
    // `ok` and `message` (rows refused while being read keep theirs).
    void judgeInOrder(std::vector<Planned>& planned) const;
    // Judges rows of [key (ID number or name), training unit, major, start, end], each with the
    // line it came from, into the preview.
    void judgeRows(const std::vector<std::pair<int, QStringList>>& rows);
    Planned readRow(const model::Fold& state, const model::Campaign* campaign, const QStringList& cells,
                    int line, bool en) const;
    model::Command admission(const QString& unit, const QString& major, const QString& start,
                             const QString& end) const;
    QVariantMap admitOne(const std::string& recordId, model::Command command);

    QPointer<AppController> m_controller;
    QVariantList m_units;
    QVariantList m_candidates;
    QVariantList m_preview;
    std::vector<Planned> m_planned; // the preview's rows, with what admitPreviewed() sends
};

} // namespace tepei::qt

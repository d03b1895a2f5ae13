#pragma once
// TrainingBoard: the trainees this person sees on this device after admission, with their funding
// (R-FND-1, R-FND-2) and discipline (R-TRN-1) — for the trainee (their own), the training unit and
// the work unit (theirs) and the centre (all of the campaign). For each trainee: the admission,
// the plan against what was disbursed per item, every payment, a disqualification's ground,
// facts, criticism and refund claim, and the return to post with the follow-up support after it
// (R-TRN-3). The centre records payments, refunds and disqualifications here, the work unit the
// return and the support; each is judged by the rules on this device first, and a refused one is
// never recorded (its reason is returned). Everything works offline; a change made here shows as
// waiting until the server confirms it.
//
// Threading: GUI thread only.

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <cpprest/json.h>
#include <optional>
#include <tepei/model/reference/reason.h>

namespace tepei::qt {

class AppController;

class TrainingBoard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        tepei::qt::AppController* controller READ controller WRITE setController NOTIFY controllerChanged)
    // One map a trainee, by training unit then name: id, name, idNumber, employer, trainingUnit,
    // trainingUnitName, major, start, end, months, state, stateLabel, stopped, plan, paid, remaining
    // (yuan text), remainingFen, items [{item, label, plan, paid, remaining, suggestion}],
    // payments [{date, itemLabel, amount, note, waiting}], disqualified, ground, groundLabel, facts,
    // criticism, refundClaim, refunded, outstanding (yuan text), outstandingFen, canPay,
    // canDisqualify, canRefund; returned (the day back at the post, or ""), followUps [{label,
    // date, text, waiting}], canRecordReturn, canRecordSupport; assessment ({passed, label, date,
    // comments, waiting}, or null), canAssess.
    Q_PROPERTY(QVariantList trainees READ trainees NOTIFY changed)
    // Per training unit and in total: [{name, trainees, plan, paid, remaining}] (yuan text); the
    // last row is the total (合计 / Total).
    Q_PROPERTY(QVariantList totals READ totals NOTIFY changed)
    // The notice's grounds for disqualification: [{code, label}].
    Q_PROPERTY(QVariantList grounds READ grounds NOTIFY changed)
    // Whether this person records payments and disqualifications (the centre).
    Q_PROPERTY(bool manages READ manages NOTIFY changed)
    // Whether this person records returns and follow-up support (the work unit, R-TRN-3).
    Q_PROPERTY(bool followsUp READ followsUp NOTIFY changed)
    // Whether this person records completion assessments (the training unit, R-TRN-2).
    Q_PROPERTY(bool assesses READ assesses NOTIFY changed)
    // The kinds of follow-up support: [{code, label}] (title, promotion, research, other).
    Q_PROPERTY(QVariantList supportKinds READ supportKinds NOTIFY changed)

public:
    explicit TrainingBoard(QObject* parent = nullptr);

    AppController* controller() const { return m_controller; }
    void setController(AppController* controller);
    QVariantList trainees() const { return m_trainees; }
    QVariantList totals() const { return m_totals; }
    QVariantList grounds() const { return m_grounds; }
    bool manages() const { return m_manages; }
    bool followsUp() const { return m_followsUp; }
    bool assesses() const { return m_assesses; }
    QVariantList supportKinds() const;

    // Records a payment of `item` (tuition_housing, living_allowance, management_fee, or refund)
    // of `yuan` (as typed: "600", "36,800.00"; negative for a correction) on `date` (ISO). Returns
    // "" when it was recorded (uploaded at the next sync), else why not — nothing is recorded then.
    Q_INVOKABLE QString recordPayment(const QString& applicationId, const QString& item, const QString& yuan,
                                      const QString& date, const QString& note);
    // Disqualifies a trainee (取消培养资格) on one of the grounds, with the facts and the text of the
    // public criticism. Returns "" or why not (nothing is recorded then).
    Q_INVOKABLE QString disqualify(const QString& applicationId, const QString& ground, const QString& facts,
                                   const QString& criticism);

    // R-TRN-3: the work unit records the trainee's return to post (entry "return") or a follow-up
    // support entry (title, promotion, research, other) on `date` with `text`. Returns "" or why
    // not (nothing is recorded then).
    Q_INVOKABLE QString recordFollowUp(const QString& applicationId, const QString& entry,
                                       const QString& date, const QString& text);

    // R-TRN-2: the training unit records the completion assessment: passed or not, the day, the
    // comments (required when not passed). Returns "" or why not (nothing is recorded then).
    Q_INVOKABLE QString recordAssessment(const QString& applicationId, bool passed, const QString& date,
                                         const QString& comments);

signals:
    void controllerChanged();
    void changed();

private:
    void reload();
    // Queues a new record of `kind` unless the rules on this device refused it (`problem`).
    QString record(const char* kind, const web::json::value& payload,
                   const std::optional<model::Reason>& problem);

    QPointer<AppController> m_controller;
    QVariantList m_trainees;
    QVariantList m_totals;
    QVariantList m_grounds;
    bool m_manages = false;
    bool m_followsUp = false;
    bool m_assesses = false;
};

} // namespace tepei::qt

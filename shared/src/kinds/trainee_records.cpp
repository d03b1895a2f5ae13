#include <tepei/model/kinds/application/workflow.h>
#include <tepei/model/kinds/trainee_records.h>

namespace tepei::model {

bool seesTraineeRecord(const Principal& p, const std::string& trainee, const std::string& trainingUnit,
                       const std::string& workUnit)
{
    return trainee == p.userId || p.role == Role::CentreOfficer ||
           (p.role == Role::TrainingUnitOfficer && p.orgCode == trainingUnit) ||
           (p.role == Role::UnitReviewer && p.orgCode == workUnit);
}

void recordCreated(Record& record, sync::Change& change, std::int64_t seq, const Verdict& verdict)
{
    HistoryEntry& entry = Fold::record(record, change, seq, "");
    entry.action = "record";
    entry.after = "recorded";
    entry.verdict = verdict;
}

void canonicalHistory(std::ostream& out, const Record& record)
{
    for (const HistoryEntry& h : record.history)
        out << "  h " << h.seq << " " << h.action << " " << h.verdict.accepted << " " << h.site << "\n";
}

} // namespace tepei::model

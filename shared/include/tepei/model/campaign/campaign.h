#pragma once
// A campaign: one year's round of the programme, with every number of its notice as data
// (R-APP-7, R-QUO-1, R-LV-2, R-FND-1, R-ELG-2, R-ELG-3). Rules take these numbers from here;
// no campaign number is a constant in code. The 2024 campaign is data/campaigns/2024.json.

#include <cpprest/json.h>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tepei/model/reference/date.h>
#include <tepei/model/reference/reason.h>
#include <tepei/model/reference/reference.h>
#include <tepei/sync/result.h>
#include <vector>

namespace tepei::model {

// Places of one recommending authority (附件1 名额分配表).
struct Allocation {
    std::string authorityCode;
    int places = 0;

    bool operator==(const Allocation&) const = default;
};

// Parties to a leave decision (R-LV-2).
enum class LeaveParty { TrainingUnit, WorkUnit, Centre };
const char* toString(LeaveParty party); // "training_unit", "work_unit", "centre"
std::optional<LeaveParty> leavePartyFromString(std::string_view text);

// One tier of the leave policy. Tiers are ordered by maxDays; a leave of N calendar days falls in
// the first tier with N <= maxDays; the last tier has no maxDays and takes everything longer.
struct LeaveTier {
    std::optional<int> maxDays;        // inclusive upper bound, none for the last tier
    std::vector<LeaveParty> approvers; // who approves, in order
    std::vector<LeaveParty> notified;  // who is notified for the record (备案)
    bool needsForm = false;            // the leave form 附件3 is filled
    bool written = false;              // approval must be in writing
    bool interruptsTraining = false;   // training is interrupted (中断培养), no completion assessment

    bool operator==(const LeaveTier&) const = default;
};

// R-APP-7: the offline grace of a campaign whose data file names none (the requirement's default).
inline constexpr int kDefaultDeadlineGraceDays = 7;

// Campaign data. JSON keys are the member names (see parseCampaign); amounts are integer fen.
struct Campaign {
    std::string id; // e.g. "2024"
    int year = 0;
    std::string title; // zh, e.g. 2024年度“内蒙古少数民族地区专业技术人才特殊培养计划”
    std::string titleEn; // optional
    std::string notice;  // optional, e.g. 内人社办发〔2024〕37号
    std::string note;    // optional free text (e.g. where the data comes from)
    Date deadline;       // R-APP-7: last day (China date) on which submissions and reviews count
    // R-APP-7: days after the deadline within which an action made offline before it, and received
    // by the server after it, still counts (optional, default kDefaultDeadlineGraceDays)
    int deadlineGraceDays = kDefaultDeadlineGraceDays;
    Date ageReferenceDate; // R-ELG-2: default 1 January of `year`

    // R-ELG-2, R-ELG-3
    int maxAge = 0;
    int minYearsWithMasters = 0;
    std::string minDegreeForYearsRule; // degree code, e.g. "master" (file may say 硕士)
    std::string minTitleLevel;         // title level code, e.g. "associate_senior" (file may say 副高级)

    // R-QUO-1
    int places = 0;
    std::vector<Allocation> allocations; // sum equals places

    // R-APP-1, R-QUO-3
    std::vector<RefItem> trainingModes;
    int trainingPeriodMonths = 0;
    // R-QUO-3: the host universities and institutes (培养单位) that take this campaign's trainees,
    // by the code of their organisation (e.g. "T-PKU"). Admission names one of them. Optional:
    // a campaign record of an earlier version has none, and its admissions are not checked
    // against a list (tepei-admin warns when a campaign file lists none).
    std::vector<RefItem> trainingUnits;
    // R-TRN-1: the grounds on which the centre disqualifies a trainee (the notice's three), by
    // code ("no_report", "quit", "misconduct"). Optional: a campaign record of an earlier version
    // has none, and its disqualifications are judged as they were then (no ground asked).
    std::vector<RefItem> disqualificationGrounds;

    // R-FND-1 (fen)
    std::int64_t tuitionHousingPerYearFen = 0;
    std::int64_t livingAllowancePerMonthFen = 0;
    std::int64_t managementFeePerYearFen = 0;

    // R-LV-2
    std::vector<LeaveTier> leaveTiers;

    // R-APP-2 attachments (附件证明材料)
    std::int64_t attachmentMaxBytes = 0;
    std::vector<std::string> attachmentTypes; // MIME types, e.g. "application/pdf"

    // FORMS.md text limits, in characters (Unicode code points)
    int studyPlanMaxChars = 0;
    int achievementsMaxChars = 0;

    bool operator==(const Campaign&) const = default;
};

// Builds a campaign from its JSON object, strictly: every required key present with the right
// type and a sensible value, no unknown keys, allocations unique and summing to `places`, leave
// tiers ascending with exactly the last one open-ended. On failure the reason (code
// "campaign_invalid") names every bad field. Degree and title level may be given as code or as
// Chinese name; they are stored as codes.
tepei::Result<Campaign, Reason> parseCampaign(const web::json::value& json);

// Reads and parses a campaign file (UTF-8 JSON). Codes: "campaign_unreadable" (file cannot be
// read or is not JSON), or parseCampaign's.
tepei::Result<Campaign, Reason> loadCampaign(const std::string& path);

// The JSON form; parseCampaign(toJson(c)) == c.
web::json::value toJson(const Campaign& campaign);

// The training mode with `code` in the campaign, or nullptr.
const RefItem* findTrainingMode(const Campaign& campaign, std::string_view code);
// The training unit with `code` in the campaign, or nullptr.
const RefItem* findTrainingUnit(const Campaign& campaign, std::string_view code);
const RefItem* findDisqualificationGround(const Campaign& campaign, std::string_view code);

} // namespace tepei::model

#include "json_reader.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <numeric>
#include <set>
#include <sstream>
#include <system_error>
#include <tepei/model/campaign/campaign.h>

namespace tepei::model {
namespace {

using detail::indexPath;
using detail::joinPath;
using detail::JsonReader;

constexpr std::int64_t kMaxFen = 1'000'000'000'000;       // sanity bound, not a campaign number
constexpr std::int64_t kMaxBytes = std::int64_t{1} << 40; // sanity bound
constexpr int kMaxCount = 1'000'000;

void parseAllocations(JsonReader& reader, const web::json::value& json, Campaign& campaign)
{
    const web::json::value* array = reader.array(json, "allocations", "");
    if (!array)
        return;
    std::set<std::string> seen;
    const auto& items = array->as_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string path = indexPath("allocations", i);
        if (!reader.onlyKnownKeys(items.at(i), {"authorityCode", "name", "places"}, path))
            continue;
        auto code = reader.string(items.at(i), "authorityCode", path);
        auto places = reader.integer(items.at(i), "places", path, 0, kMaxCount);
        reader.string(items.at(i), "name", path, false);
        if (code && !seen.insert(*code).second)
            reader.add(joinPath(path, "authorityCode"), "重复：" + *code, "is a duplicate: " + *code);
        if (code && places)
            campaign.allocations.push_back(Allocation{*code, static_cast<int>(*places)});
    }
    if (campaign.allocations.size() != items.size() || campaign.places <= 0)
        return;
    const int sum = std::accumulate(campaign.allocations.begin(), campaign.allocations.end(), 0,
                                    [](int acc, const Allocation& a) { return acc + a.places; });
    if (sum != campaign.places) {
        const std::string s = std::to_string(sum);
        const std::string p = std::to_string(campaign.places);
        reader.add("allocations", "名额合计为 " + s + "，与总名额 places " + p + " 不一致",
                   "add up to " + s + " places but the campaign has " + p + " (places)");
    }
}

// A list of {code, zh, en} at `key`: trainingModes (at least one), trainingUnits or
// disqualificationGrounds (optional).
std::vector<RefItem> parseRefItems(JsonReader& reader, const web::json::value& json, std::string_view key,
                                   bool required, const char* emptyZh, const char* emptyEn)
{
    std::vector<RefItem> list;
    const web::json::value* array = reader.array(json, key, "", required);
    if (!array)
        return list;
    if (required && array->as_array().size() == 0)
        reader.add(std::string(key), emptyZh, emptyEn);
    std::set<std::string> seen;
    const auto& items = array->as_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string path = indexPath(std::string(key), i);
        if (!reader.onlyKnownKeys(items.at(i), {"code", "zh", "en"}, path))
            continue;
        auto code = reader.string(items.at(i), "code", path);
        auto zh = reader.string(items.at(i), "zh", path);
        auto en = reader.string(items.at(i), "en", path);
        if (code && !seen.insert(*code).second)
            reader.add(joinPath(path, "code"), "重复：" + *code, "is a duplicate: " + *code);
        if (code && zh && en)
            list.push_back(RefItem{*code, *zh, *en, 0});
    }
    return list;
}

web::json::value refItemsJson(const std::vector<RefItem>& items)
{
    auto array = web::json::value::array(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        array[i]["code"] = web::json::value::string(items[i].code);
        array[i]["zh"] = web::json::value::string(items[i].zh);
        array[i]["en"] = web::json::value::string(items[i].en);
    }
    return array;
}

std::vector<LeaveParty> parseParties(JsonReader& reader, const web::json::value& tier, std::string_view key,
                                     const std::string& path, bool needOne)
{
    std::vector<LeaveParty> parties;
    const web::json::value* array = reader.array(tier, key, path);
    if (!array)
        return parties;
    const std::string listPath = joinPath(path, key);
    for (std::size_t i = 0; i < array->as_array().size(); ++i) {
        const web::json::value& item = array->as_array().at(i);
        const auto party = item.is_string() ? leavePartyFromString(item.as_string()) : std::nullopt;
        if (!party) {
            reader.add(indexPath(listPath, i), "应为 training_unit、work_unit 或 centre",
                       "must be training_unit, work_unit or centre");
        } else if (std::find(parties.begin(), parties.end(), *party) != parties.end()) {
            reader.add(indexPath(listPath, i), "重复", "is a duplicate");
        } else {
            parties.push_back(*party);
        }
    }
    if (needOne && array->as_array().size() == 0)
        reader.add(listPath, "至少需要一个审批方", "must name at least one approver");
    return parties;
}

void parseLeaveTiers(JsonReader& reader, const web::json::value& json, Campaign& campaign)
{
    const web::json::value* array = reader.array(json, "leaveTiers", "");
    if (!array)
        return;
    const auto& items = array->as_array();
    if (items.size() == 0)
        reader.add("leaveTiers", "至少需要一个请假档次", "must have at least one tier");
    std::optional<int> previous;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string path = indexPath("leaveTiers", i);
        if (!reader.onlyKnownKeys(
                items.at(i),
                {"maxDays", "approvers", "notified", "needsForm", "written", "interruptsTraining"}, path))
            continue;
        const web::json::value& item = items.at(i);
        const bool last = i + 1 == items.size();
        LeaveTier tier;
        if (auto maxDays = reader.integer(item, "maxDays", path, 1, kMaxCount, !last))
            tier.maxDays = static_cast<int>(*maxDays);
        if (last && tier.maxDays)
            reader.add(joinPath(path, "maxDays"), "最后一档不应有上限（应为 null）",
                       "must be null on the last tier, which takes every longer leave");
        if (tier.maxDays && previous && *tier.maxDays <= *previous)
            reader.add(joinPath(path, "maxDays"), "应大于上一档的天数",
                       "must be greater than the previous tier's");
        if (tier.maxDays)
            previous = tier.maxDays;
        tier.approvers = parseParties(reader, item, "approvers", path, true);
        tier.notified = parseParties(reader, item, "notified", path, false);
        tier.needsForm = reader.boolean(item, "needsForm", path).value_or(false);
        tier.written = reader.boolean(item, "written", path).value_or(false);
        tier.interruptsTraining = reader.boolean(item, "interruptsTraining", path).value_or(false);
        campaign.leaveTiers.push_back(std::move(tier));
    }
}

void parseAttachmentTypes(JsonReader& reader, const web::json::value& json, Campaign& campaign)
{
    const web::json::value* array = reader.array(json, "attachmentTypes", "");
    if (!array)
        return;
    if (array->as_array().size() == 0)
        reader.add("attachmentTypes", "至少需要一种文件类型", "must list at least one file type");
    for (std::size_t i = 0; i < array->as_array().size(); ++i) {
        const web::json::value& item = array->as_array().at(i);
        if (item.is_string() && !item.as_string().empty())
            campaign.attachmentTypes.push_back(item.as_string());
        else
            reader.add(indexPath("attachmentTypes", i), "应为 MIME 类型文本", "must be a MIME type string");
    }
}

std::string resolveCode(JsonReader& reader, const web::json::value& json, std::string_view key,
                        const std::vector<RefItem>& list)
{
    auto text = reader.string(json, key, "");
    if (!text)
        return {};
    if (const RefItem* item = findByCodeOrZh(list, *text))
        return item->code;
    std::string known;
    for (const auto& item : list)
        known += (known.empty() ? "" : ", ") + item.code;
    reader.add(std::string(key), "“" + *text + "”不在代码表中（" + known + "）",
               "\"" + *text + "\" is not one of " + known);
    return {};
}

void parseScalars(JsonReader& reader, const web::json::value& json, Campaign& c)
{
    c.id = reader.string(json, "id", "").value_or("");
    c.year = static_cast<int>(reader.integer(json, "year", "", 1, 9999).value_or(0));
    c.title = reader.string(json, "title", "").value_or("");
    c.titleEn = reader.string(json, "titleEn", "", false).value_or("");
    c.notice = reader.string(json, "notice", "", false).value_or("");
    c.note = reader.string(json, "note", "", false).value_or("");
    c.deadline = reader.date(json, "deadline", "").value_or(Date{});
    c.deadlineGraceDays = static_cast<int>(
        reader.integer(json, "deadlineGraceDays", "", 0, 366, false).value_or(kDefaultDeadlineGraceDays));
    c.ageReferenceDate = reader.date(json, "ageReferenceDate", "", false).value_or(Date{c.year, 1, 1});
    c.maxAge = static_cast<int>(reader.integer(json, "maxAge", "", 1, 150).value_or(0));
    c.minYearsWithMasters =
        static_cast<int>(reader.integer(json, "minYearsWithMasters", "", 0, 100).value_or(0));
    c.minDegreeForYearsRule = resolveCode(reader, json, "minDegreeForYearsRule", degrees());
    c.minTitleLevel = resolveCode(reader, json, "minTitleLevel", titleLevels());
    c.places = static_cast<int>(reader.integer(json, "places", "", 1, kMaxCount).value_or(0));
    c.trainingPeriodMonths =
        static_cast<int>(reader.integer(json, "trainingPeriodMonths", "", 1, 1200).value_or(0));
    c.tuitionHousingPerYearFen = reader.integer(json, "tuitionHousingPerYearFen", "", 0, kMaxFen).value_or(0);
    c.livingAllowancePerMonthFen =
        reader.integer(json, "livingAllowancePerMonthFen", "", 0, kMaxFen).value_or(0);
    c.managementFeePerYearFen = reader.integer(json, "managementFeePerYearFen", "", 0, kMaxFen).value_or(0);
    c.attachmentMaxBytes = reader.integer(json, "attachmentMaxBytes", "", 1, kMaxBytes).value_or(0);
    c.studyPlanMaxChars =
        static_cast<int>(reader.integer(json, "studyPlanMaxChars", "", 1, kMaxCount).value_or(0));
    c.achievementsMaxChars =
        static_cast<int>(reader.integer(json, "achievementsMaxChars", "", 1, kMaxCount).value_or(0));
}

web::json::value partiesJson(const std::vector<LeaveParty>& parties)
{
    auto array = web::json::value::array(parties.size());
    for (std::size_t i = 0; i < parties.size(); ++i)
        array[i] = web::json::value::string(toString(parties[i]));
    return array;
}

web::json::value leaveTierJson(const LeaveTier& tier)
{
    auto json = web::json::value::object();
    json["maxDays"] = tier.maxDays ? web::json::value::number(*tier.maxDays) : web::json::value::null();
    json["approvers"] = partiesJson(tier.approvers);
    json["notified"] = partiesJson(tier.notified);
    json["needsForm"] = web::json::value::boolean(tier.needsForm);
    json["written"] = web::json::value::boolean(tier.written);
    json["interruptsTraining"] = web::json::value::boolean(tier.interruptsTraining);
    return json;
}

} // namespace

const char* toString(LeaveParty party)
{
    switch (party) {
    case LeaveParty::TrainingUnit:
        return "training_unit";
    case LeaveParty::WorkUnit:
        return "work_unit";
    case LeaveParty::Centre:
        return "centre";
    }
    return "centre";
}

std::optional<LeaveParty> leavePartyFromString(std::string_view text)
{
    for (LeaveParty party : {LeaveParty::TrainingUnit, LeaveParty::WorkUnit, LeaveParty::Centre}) {
        if (text == toString(party))
            return party;
    }
    return std::nullopt;
}

tepei::Result<Campaign, Reason> parseCampaign(const web::json::value& json)
{
    JsonReader reader;
    Campaign campaign;
    if (reader.onlyKnownKeys(json,
                             {"id",
                              "year",
                              "title",
                              "titleEn",
                              "notice",
                              "note",
                              "deadline",
                              "deadlineGraceDays",
                              "ageReferenceDate",
                              "maxAge",
                              "minYearsWithMasters",
                              "minDegreeForYearsRule",
                              "minTitleLevel",
                              "places",
                              "allocations",
                              "trainingModes",
                              "trainingUnits",
                              "disqualificationGrounds",
                              "trainingPeriodMonths",
                              "tuitionHousingPerYearFen",
                              "livingAllowancePerMonthFen",
                              "managementFeePerYearFen",
                              "leaveTiers",
                              "attachmentMaxBytes",
                              "attachmentTypes",
                              "studyPlanMaxChars",
                              "achievementsMaxChars"},
                             "")) {
        parseScalars(reader, json, campaign);
        parseAllocations(reader, json, campaign);
        campaign.trainingModes = parseRefItems(reader, json, "trainingModes", true, "至少需要一种培养方式",
                                               "must list at least one training mode");
        campaign.trainingUnits = parseRefItems(reader, json, "trainingUnits", false, "", "");
        campaign.disqualificationGrounds =
            parseRefItems(reader, json, "disqualificationGrounds", false, "", "");
        parseLeaveTiers(reader, json, campaign);
        parseAttachmentTypes(reader, json, campaign);
    }
    if (!reader.ok())
        return reader.reason("campaign_invalid", "培养计划（campaign）数据", "The campaign data");
    return campaign;
}

tepei::Result<Campaign, Reason> loadCampaign(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    if (in)
        text << in.rdbuf();
    if (!in) {
        return Reason{"campaign_unreadable", "无法读取培养计划数据文件 " + path + "，请检查路径和权限。",
                      "Cannot read the campaign file " + path + "; check the path and its permissions."};
    }
    std::error_code error;
    const auto json = web::json::value::parse(text.str(), error);
    if (error) {
        return Reason{"campaign_unreadable",
                      "培养计划数据文件 " + path + " 不是有效的 JSON：" + error.message(),
                      "The campaign file " + path + " is not valid JSON: " + error.message()};
    }
    return parseCampaign(json);
}

web::json::value toJson(const Campaign& c)
{
    using web::json::value;
    auto json = value::object();
    json["id"] = value::string(c.id);
    json["year"] = value::number(c.year);
    json["title"] = value::string(c.title);
    if (!c.titleEn.empty())
        json["titleEn"] = value::string(c.titleEn);
    if (!c.notice.empty())
        json["notice"] = value::string(c.notice);
    if (!c.note.empty())
        json["note"] = value::string(c.note);
    json["deadline"] = value::string(toString(c.deadline));
    json["deadlineGraceDays"] = value::number(c.deadlineGraceDays);
    json["ageReferenceDate"] = value::string(toString(c.ageReferenceDate));
    json["maxAge"] = value::number(c.maxAge);
    json["minYearsWithMasters"] = value::number(c.minYearsWithMasters);
    json["minDegreeForYearsRule"] = value::string(c.minDegreeForYearsRule);
    json["minTitleLevel"] = value::string(c.minTitleLevel);
    json["places"] = value::number(c.places);
    auto allocations = value::array(c.allocations.size());
    for (std::size_t i = 0; i < c.allocations.size(); ++i) {
        allocations[i]["authorityCode"] = value::string(c.allocations[i].authorityCode);
        if (const Organisation* org = findOrganisation(c.allocations[i].authorityCode))
            allocations[i]["name"] = value::string(org->zh);
        allocations[i]["places"] = value::number(c.allocations[i].places);
    }
    json["allocations"] = allocations;
    json["trainingModes"] = refItemsJson(c.trainingModes);
    if (!c.trainingUnits.empty())
        json["trainingUnits"] = refItemsJson(c.trainingUnits);
    if (!c.disqualificationGrounds.empty())
        json["disqualificationGrounds"] = refItemsJson(c.disqualificationGrounds);
    json["trainingPeriodMonths"] = value::number(c.trainingPeriodMonths);
    json["tuitionHousingPerYearFen"] = value::number(c.tuitionHousingPerYearFen);
    json["livingAllowancePerMonthFen"] = value::number(c.livingAllowancePerMonthFen);
    json["managementFeePerYearFen"] = value::number(c.managementFeePerYearFen);
    auto tiers = value::array(c.leaveTiers.size());
    for (std::size_t i = 0; i < c.leaveTiers.size(); ++i)
        tiers[i] = leaveTierJson(c.leaveTiers[i]);
    json["leaveTiers"] = tiers;
    json["attachmentMaxBytes"] = value::number(c.attachmentMaxBytes);
    auto types = value::array(c.attachmentTypes.size());
    for (std::size_t i = 0; i < c.attachmentTypes.size(); ++i)
        types[i] = value::string(c.attachmentTypes[i]);
    json["attachmentTypes"] = types;
    json["studyPlanMaxChars"] = value::number(c.studyPlanMaxChars);
    json["achievementsMaxChars"] = value::number(c.achievementsMaxChars);
    return json;
}

const RefItem* findTrainingMode(const Campaign& campaign, std::string_view code)
{
    return findByCode(campaign.trainingModes, code);
}

const RefItem* findTrainingUnit(const Campaign& campaign, std::string_view code)
{
    return findByCode(campaign.trainingUnits, code);
}

const RefItem* findDisqualificationGround(const Campaign& campaign, std::string_view code)
{
    return findByCode(campaign.disqualificationGrounds, code);
}

} // namespace tepei::model

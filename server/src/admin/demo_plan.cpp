#include "demo_plan.h"

#include <algorithm>
#include <array>
#include <boost/uuid/name_generator_sha1.hpp>
#include <cstdio>
#include <map>
#include <random>
#include <tepei/model/reference/reference.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/ids.h>

namespace tepei::server::demo {

namespace {

// Two employers (工作单位) under each recommending authority: hospitals, schools, institutes of
// the league or city; for a department its institutions, for a university its schools.
const std::map<std::string, std::array<const char*, 2>>& workUnitNames()
{
    static const std::map<std::string, std::array<const char*, 2>> names = {
        {"150100", {"呼和浩特市第一医院", "呼和浩特市农牧业科学研究院"}},
        {"150200", {"包头市农牧业科学研究院", "包头市中心医院"}},
        {"150700", {"呼伦贝尔市人民医院", "呼伦贝尔市草原工作站"}},
        {"152200", {"兴安盟人民医院", "兴安盟农牧业科学研究所"}},
        {"150500", {"通辽市蒙医医院", "通辽市第一中学"}},
        {"150400", {"赤峰市第二中学", "赤峰市林业和草原科学研究所"}},
        {"152500", {"锡林郭勒盟蒙医医院", "锡林郭勒盟草原工作站"}},
        {"150900", {"乌兰察布市中心医院", "乌兰察布市农林科学研究所"}},
        {"150600", {"鄂尔多斯市中心医院", "鄂尔多斯市能源研究院"}},
        {"150800", {"巴彦淖尔市农牧业科学研究院", "巴彦淖尔市第一中学"}},
        {"150300", {"乌海市人民医院", "乌海市第一中学"}},
        {"152900", {"阿拉善盟林业和草原保护站", "阿拉善盟中心医院"}},
        {"150781", {"满洲里市人民医院", "满洲里市第一中学"}},
        {"152501", {"二连浩特市第一中学", "二连浩特市人民医院"}},
        {"D01", {"内蒙古自治区教育科学研究院", "内蒙古自治区电化教育馆"}},
        {"D02", {"内蒙古自治区科学技术研究院", "内蒙古自治区科学技术信息研究所"}},
        {"D03", {"内蒙古自治区人民医院", "内蒙古自治区国际蒙医医院"}},
        {"D04", {"内蒙古自治区农牧业科学院", "内蒙古自治区农牧业技术推广中心"}},
        {"D05", {"内蒙古自治区林业科学研究院", "内蒙古自治区林业和草原监测规划院"}},
        {"D06", {"内蒙古自治区水利科学研究院", "内蒙古自治区水文水资源中心"}},
        {"D07", {"内蒙古大学生命科学学院", "内蒙古大学蒙古学学院"}},
        {"D08", {"内蒙古师范大学化学与环境科学学院", "内蒙古师范大学蒙古学学院"}},
        {"D09", {"内蒙古农业大学兽医学院", "内蒙古农业大学草原与资源环境学院"}},
        {"D10", {"内蒙古医科大学附属医院", "内蒙古医科大学蒙医药学院"}},
        {"D11", {"内蒙古工业大学电力学院", "内蒙古工业大学能源与动力工程学院"}},
        {"D12", {"内蒙古民族大学附属医院", "内蒙古民族大学农学院"}},
    };
    return names;
}

// Stories that take one of the authority's places, in the order they are handed out.
constexpr std::array<Story, 10> kPlaceStories{
    Story::Admitted,     Story::PaperReceived,    Story::AuthorityApproved, Story::Admitted,
    Story::Completed,    Story::PaperReceived,    Story::Interrupted,       Story::Admitted,
    Story::Disqualified, Story::AuthorityApproved};

// Stories before any place is taken, cycled over the remaining applicants.
constexpr std::array<Story, 12> kOpenStories{Story::Draft,
                                             Story::Submitted,
                                             Story::UnitReturned,
                                             Story::UnitApproved,
                                             Story::AuthorityReturned,
                                             Story::Resubmitted,
                                             Story::Submitted,
                                             Story::Withdrawn,
                                             Story::UnitApproved,
                                             Story::AuthorityReturned,
                                             Story::Draft,
                                             Story::UnitReturned};

constexpr int kOverQuota = 3;
constexpr int kIneligible = 2;

struct Slot {
    std::size_t authority; // index into the campaign's allocations
    Story story;
};

// Fills whole allocations, smallest first (so that even a small demo has full authorities to
// show over-quota refusals), up to `budget` places. Returns the slots and marks full authorities.
std::vector<Slot> placeSlots(const model::Campaign& campaign, int budget, std::vector<bool>& full)
{
    std::vector<std::size_t> order(campaign.allocations.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return campaign.allocations[a].places < campaign.allocations[b].places;
    });
    std::vector<Slot> slots;
    std::size_t next = 0;
    for (std::size_t index : order) {
        const int places = campaign.allocations[index].places;
        if (places <= 0 || static_cast<int>(slots.size()) + places > budget) {
            continue;
        }
        for (int p = 0; p < places; ++p) {
            slots.push_back({index, kPlaceStories[next++ % kPlaceStories.size()]});
        }
        full[index] = true;
    }
    return slots;
}

} // namespace

const char* toString(Story story)
{
    switch (story) {
    case Story::Draft:
        return "draft";
    case Story::Ineligible:
        return "draft_ineligible";
    case Story::Submitted:
        return "submitted";
    case Story::UnitReturned:
        return "unit_returned";
    case Story::UnitApproved:
        return "unit_approved";
    case Story::OverQuota:
        return "over_quota";
    case Story::AuthorityReturned:
        return "authority_returned";
    case Story::Resubmitted:
        return "resubmitted";
    case Story::AuthorityApproved:
        return "authority_approved";
    case Story::PaperReceived:
        return "paper_received";
    case Story::Admitted:
        return "admitted";
    case Story::Interrupted:
        return "interrupted";
    case Story::Disqualified:
        return "disqualified";
    case Story::Completed:
        return "completed";
    case Story::Withdrawn:
        return "withdrawn";
    }
    return "draft";
}

const std::vector<Story>& allStories()
{
    static const std::vector<Story> stories = {Story::Draft,
                                               Story::Ineligible,
                                               Story::Submitted,
                                               Story::UnitReturned,
                                               Story::UnitApproved,
                                               Story::OverQuota,
                                               Story::AuthorityReturned,
                                               Story::Resubmitted,
                                               Story::AuthorityApproved,
                                               Story::PaperReceived,
                                               Story::Admitted,
                                               Story::Interrupted,
                                               Story::Disqualified,
                                               Story::Completed,
                                               Story::Withdrawn};
    return stories;
}

std::vector<Org> demoOrgs(const model::Campaign& campaign)
{
    std::vector<Org> orgs;
    std::vector<Org> units;
    for (const auto& o : model::organisations()) {
        if (o.code == model::kCentreOrgCode) {
            orgs.insert(orgs.begin(), Org{o.code, OrgKind::Centre, o.zh, "", AccountStatus::Active});
            continue;
        }
        orgs.push_back(
            Org{o.code, OrgKind::Authority, o.zh, std::string(model::kCentreOrgCode), AccountStatus::Active});
        const auto named = workUnitNames().find(o.code);
        for (int i = 0; i < 2; ++i) {
            const std::string name = named != workUnitNames().end()
                                         ? named->second[static_cast<std::size_t>(i)]
                                         : o.zh + (i == 0 ? "第一医院" : "第一中学");
            char suffix[8];
            std::snprintf(suffix, sizeof suffix, "-%02d", i + 1);
            units.push_back(Org{o.code + suffix, OrgKind::WorkUnit, name, o.code, AccountStatus::Active});
        }
    }
    orgs.insert(orgs.end(), units.begin(), units.end());
    for (const model::RefItem& t : campaign.trainingUnits) {
        orgs.push_back(Org{t.code, OrgKind::TrainingUnit, t.zh, "", AccountStatus::Active});
    }
    return orgs;
}

std::string trainingUnitCode(const model::Campaign& campaign, const std::string& name)
{
    for (const model::RefItem& t : campaign.trainingUnits) {
        if (name == t.zh) {
            return t.code;
        }
    }
    return campaign.trainingUnits.empty() ? std::string() : campaign.trainingUnits.front().code;
}

std::vector<Applicant> planApplicants(const model::Campaign& campaign, const std::vector<Org>& orgs,
                                      int count, std::uint64_t seed)
{
    const std::size_t authorities = campaign.allocations.size();
    if (authorities == 0 || count <= 0) {
        return {};
    }
    std::vector<bool> full(authorities, false);
    std::vector<Slot> slots = placeSlots(campaign, count / 4, full);
    for (std::size_t i = 0, added = 0; i < authorities && added < kOverQuota; ++i) {
        if (full[i] && static_cast<int>(slots.size()) < count) {
            slots.push_back({i, Story::OverQuota});
            ++added;
        }
    }
    for (int i = 0; i < kIneligible && static_cast<int>(slots.size()) < count; ++i) {
        slots.push_back({authorities - 1 - static_cast<std::size_t>(i) % authorities, Story::Ineligible});
    }
    for (std::size_t i = 0; static_cast<int>(slots.size()) < count; ++i) {
        slots.push_back({i % authorities, kOpenStories[i % kOpenStories.size()]});
    }
    // Number by authority (applicant-001.. are the first authority's), keeping the slot order
    // within one authority: places are handed out before the over-quota attempts.
    std::stable_sort(slots.begin(), slots.end(),
                     [](const Slot& a, const Slot& b) { return a.authority < b.authority; });

    std::map<std::string, std::string> unitNames;
    for (const auto& o : orgs) {
        unitNames[o.code] = o.name;
    }
    std::vector<Applicant> applicants;
    std::map<std::size_t, int> perAuthority;
    for (const Slot& slot : slots) {
        Applicant a;
        a.number = static_cast<int>(applicants.size()) + 1;
        char login[32];
        std::snprintf(login, sizeof login, "applicant-%03d", a.number);
        a.login = login;
        a.authority = campaign.allocations[slot.authority].authorityCode;
        a.unitCode = a.authority + (perAuthority[slot.authority]++ % 2 == 0 ? "-01" : "-02");
        a.unitName = unitNames.count(a.unitCode) ? unitNames[a.unitCode] : a.unitCode;
        a.story = slot.story;
        std::mt19937_64 rng(seed * 1'000'003ULL + static_cast<std::uint64_t>(a.number));
        a.form = model::sampleApplication(
            rng, campaign, {a.authority, a.unitCode, a.unitName, slot.story != Story::Ineligible});
        applicants.push_back(std::move(a));
    }
    return applicants;
}

std::vector<User> demoUsers(const std::vector<Org>& orgs, const std::vector<Applicant>& applicants,
                            const std::string& passwordHash)
{
    std::vector<User> users;
    auto add = [&](const std::string& login, const std::string& name, Role role, const std::string& org) {
        users.push_back(
            User{userIdOf(login), login, name, role, org, passwordHash, AccountStatus::Active, ""});
    };
    const std::string centre(model::kCentreOrgCode);
    add("centre", "中心经办人（演示）", Role::CentreOfficer, centre);
    add("admin", "系统管理员（演示）", Role::Administrator, centre);
    for (const Org& o : orgs) {
        switch (o.kind) {
        case OrgKind::Authority:
            add("authority-" + o.code, o.name + "审核员", Role::AuthorityReviewer, o.code);
            break;
        case OrgKind::WorkUnit:
            add("unit-" + o.code, o.name + "审核员", Role::UnitReviewer, o.code);
            break;
        case OrgKind::TrainingUnit: {
            std::string slug = o.code.substr(o.code.find('-') + 1);
            std::transform(slug.begin(), slug.end(), slug.begin(),
                           [](unsigned char c) { return std::tolower(c); });
            add("training-" + slug, o.name + "联络员", Role::TrainingUnitOfficer, o.code);
            break;
        }
        case OrgKind::Centre:
            break;
        }
    }
    for (const Applicant& a : applicants) {
        const auto name = a.form.find("name");
        add(a.login, name != a.form.end() && name->second.is_string() ? name->second.as_string() : a.login,
            Role::Applicant, a.unitCode);
    }
    return users;
}

boost::uuids::uuid stableUuid(const std::string& name)
{
    static const boost::uuids::name_generator_sha1 generate(boost::uuids::ns::url());
    return generate("urn:tepei:demo:" + name);
}

std::string stableUuidString(const std::string& name)
{
    return sync::toString(stableUuid(name));
}

std::string userIdOf(const std::string& login)
{
    return stableUuidString("user/" + login);
}

} // namespace tepei::server::demo

#include <array>
#include <cstdio>
#include <tepei/model/reference/reference.h>
#include <tepei/model/reference/resident_id.h>
#include <tepei/model/samples/samples.h>

namespace tepei::model {

namespace {

template <class T, std::size_t N> const T& pick(std::mt19937_64& rng, const std::array<T, N>& items)
{
    return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

int between(std::mt19937_64& rng, int low, int high)
{
    return std::uniform_int_distribution<int>(low, high)(rng);
}

constexpr std::array<const char*, 24> kSurnames{"王", "李", "张", "刘", "陈", "杨", "赵", "黄",
                                                "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
                                                "何", "高", "林", "罗", "郑", "梁", "宋", "白"};
constexpr std::array<const char*, 20> kGiven{"海涛", "丽娜", "志强", "晓燕", "建国", "春梅", "文博",
                                             "雅琴", "宏伟", "秀英", "立新", "玉兰", "国庆", "静怡",
                                             "永刚", "慧敏", "振华", "婷婷", "俊杰", "红霞"};
// Mongolian given names are used without a Han surname.
constexpr std::array<const char*, 20> kMongolNames{
    "巴特尔", "其木格",     "乌日娜", "额尔敦",   "斯琴高娃",     "那仁满都拉", "苏日娜",
    "阿拉坦", "敖登格日乐", "朝鲁门", "图雅",     "宝音德力格尔", "萨仁",       "哈斯",
    "乌兰",   "孟和",       "塔娜",   "格日勒图", "包钢",         "娜仁花"};
// Minority groups common in Inner Mongolia (GB/T 3304 codes): 蒙古 回 满 达斡尔 鄂温克 鄂伦春 朝鲜.
constexpr std::array<const char*, 10> kEthnicCodes{"02", "02", "02", "02", "03",
                                                   "11", "31", "45", "52", "10"};
constexpr std::array<const char*, 12> kTrainingUnits{
    "北京大学",       "清华大学",     "中国农业大学",         "浙江大学",
    "复旦大学",       "南京大学",     "中国科学院植物研究所", "中国农业科学院",
    "北京协和医学院", "华中科技大学", "西安交通大学",         "中国地质大学（北京）"};
struct Profession {
    const char* profession;
    const char* major;
    const char* title;
    const char* area;
    const char* direction;
    const char* scope;
};
constexpr std::array<Profession, 8> kProfessions{{
    {"临床医学", "临床医学", "副主任医师", "卫生健康", "心血管疾病诊疗", "3"},
    {"畜牧兽医", "动物医学", "高级兽医师", "农牧业", "草原牲畜疫病防控", "3"},
    {"草原生态", "草业科学", "高级工程师", "生态保护", "荒漠化草原生态修复", "2"},
    {"中小学教育", "蒙古语言文学", "高级教师", "教育", "双语教学与课程建设", "3"},
    {"电力工程", "电气工程及其自动化", "高级工程师", "新能源", "风光储一体化并网技术", "4"},
    {"农学", "作物学", "高级农艺师", "农林牧水", "旱作农业节水技术", "1"},
    {"软件工程", "计算机科学与技术", "高级工程师", "新一代信息技术", "政务数据平台建设", "4"},
    {"蒙医药", "蒙医学", "副主任蒙医师", "民族医药", "蒙医药传承与临床研究", "5"},
}};

web::json::value str(const std::string& text)
{
    return web::json::value::string(text);
}

web::json::value row(std::initializer_list<std::pair<const char*, web::json::value>> cells)
{
    web::json::value object = web::json::value::object();
    for (const auto& [key, value] : cells)
        object[key] = value;
    return object;
}

std::string studyPlan(const Profession& p, const std::string& unit)
{
    return std::string("拟赴") + unit + "开展为期一年的" + p.direction +
           "方向进修学习。一是系统学习本领域前沿理论和关键技术，参加导师课题组的学术活动；"
           "二是结合本单位工作实际，围绕" +
           p.area +
           "领域的突出问题开展合作研究，形成一项可推广应用的成果；"
           "三是学成返回后在本单位开展培训和技术推广，带动本地区专业技术人才队伍建设。";
}

} // namespace

std::string sampleResidentId(std::mt19937_64& rng, const Date& birth, bool male, const std::string& region)
{
    char body[18];
    const int sequence = between(rng, 0, 49) * 2 + (male ? 1 : 0); // 17th digit: odd for men
    std::snprintf(body, sizeof body, "%s%04d%02d%02d%02d%d", region.c_str(), birth.year, birth.month,
                  birth.day, between(rng, 10, 99), sequence % 10);
    std::string id(body, 17);
    id += residentIdCheckChar(id);
    return id;
}

std::string sampleTrainingUnit(std::mt19937_64& rng)
{
    return pick(rng, kTrainingUnits);
}

namespace {

// Sections 7 and 8 of a sample form: work history, achievements, awards, publications, projects.
void addRecords(std::mt19937_64& rng, FieldMap& f, const Campaign& campaign, const SampleOptions& options,
                const Profession& p, int years)
{
    web::json::value history = web::json::value::array();
    const int started = campaign.year - years;
    history[0] = row({{"from", str(toString(Date{started, 7, 1}))},
                      {"to", str(toString(Date{started + years / 2, 6, 30}))},
                      {"unit", str(options.employer)},
                      {"position", str("专业技术人员")}});
    history[1] = row({{"from", str(toString(Date{started + years / 2, 7, 1}))},
                      {"unit", str(options.employer)},
                      {"position", str(p.title)}});
    f["work_history"] = history;
    f["achievements"] = str(std::string("长期从事") + p.profession + "工作，主持或参与地区级项目" +
                            std::to_string(between(rng, 1, 6)) + "项，在" + p.area +
                            "领域解决了多项基层实际问题，相关做法在本地区推广应用。");
    web::json::value awards = web::json::value::array();
    awards[0] = row({{"year", web::json::value::number(campaign.year - between(rng, 1, 5))},
                     {"title", str("自治区科学技术进步奖三等奖")},
                     {"detail", str("内蒙古自治区人民政府")}});
    f["awards"] = awards;
    f["publications"] = web::json::value::array();
    f["projects"] = web::json::value::array();
}

} // namespace

FieldMap sampleApplication(std::mt19937_64& rng, const Campaign& campaign, const SampleOptions& options)
{
    FieldMap f;
    const bool male = between(rng, 0, 1) == 1;
    const std::string ethnicity = pick(rng, kEthnicCodes);
    const std::string name = ethnicity == "02" ? std::string(pick(rng, kMongolNames))
                                               : std::string(pick(rng, kSurnames)) + pick(rng, kGiven);
    const int age =
        options.eligible ? between(rng, 32, campaign.maxAge) : campaign.maxAge + between(rng, 1, 8);
    const Date birth{campaign.ageReferenceDate.year - age - 1, between(rng, 1, 12), between(rng, 1, 28)};
    const Profession& p = pick(rng, kProfessions);
    const bool viaTitle = between(rng, 0, 1) == 1;
    const int years = campaign.minYearsWithMasters + between(rng, 0, 10);

    f["campaign"] = str(campaign.id);
    f["unit_code"] = str(options.unitCode);
    f["name"] = str(name);
    f["sex"] = str(male ? "male" : "female");
    f["ethnicity"] = str(ethnicity);
    f["birth_date"] = str(toString(birth));
    f["id_number"] = str(sampleResidentId(rng, birth, male, "150102"));
    f["political_status"] = str(between(rng, 0, 2) ? "01" : "13");
    f["health_declared"] = web::json::value::boolean(true);
    f["mobile"] = str("13" + std::to_string(between(rng, 100000000, 999999999)));
    f["email"] = str("applicant" + std::to_string(between(rng, 1000, 99999)) + "@example.cn");
    f["address"] = str("内蒙古自治区" + options.employer);
    f["education"] = str(viaTitle ? "undergraduate" : "masters");
    f["degree"] = str(viaTitle ? "bachelor" : "master");
    f["graduated_from"] = str(viaTitle ? "内蒙古大学" : "内蒙古农业大学");
    f["major"] = str(p.major);
    f["graduation_date"] = str(toString(Date{birth.year + 25, 7, 1}));
    f["title"] = str(p.title);
    f["title_level"] = str(viaTitle ? "associate_senior" : "intermediate");
    f["title_date"] = str(toString(Date{campaign.year - between(rng, 1, 6), 12, 1}));
    f["profession"] = str(p.profession);
    f["years_in_profession"] = web::json::value::number(years);
    f["priority_scope"] = str(p.scope);
    f["field_area"] = str(p.area);
    f["employer"] = str(options.employer);
    f["authority"] = str(options.authority);
    const bool nonPublic = between(rng, 0, 5) == 0;
    f["unit_nature"] =
        str(nonPublic ? "private_enterprise" : (between(rng, 0, 1) ? "public_institution" : "government"));
    f["grassroots"] = web::json::value::boolean(between(rng, 0, 2) == 0);
    f["non_public"] = web::json::value::boolean(nonPublic);
    f["training_mode"] = str(campaign.trainingModes.empty() ? "" : campaign.trainingModes[0].code);
    const std::string unit1 = sampleTrainingUnit(rng);
    f["training_unit_1"] = str(unit1);
    f["training_unit_2"] = str(sampleTrainingUnit(rng));
    f["training_direction"] = str(p.direction);
    f["study_plan"] = str(studyPlan(p, unit1));
    addRecords(rng, f, campaign, options, p, years);
    f["integrity_declared"] = web::json::value::boolean(true);
    return f;
}

} // namespace tepei::model

// The reference tables, compiled in. Sources: GB/T 3304 (ethnic groups), GB/T 4762 (political
// status), GB/T 2260 (administrative divisions of Inner Mongolia), the notice 内人社办发〔2024〕37号
// (priority scopes, leave kinds, organisations of R-ORG-1). English names follow common usage.

#include "reference_data.h"

namespace tepei::model::data {

const std::vector<RefItem>& sexes()
{
    static const std::vector<RefItem> list{{"male", "男", "Male"}, {"female", "女", "Female"}};
    return list;
}

const std::vector<RefItem>& ethnicGroups()
{
    static const std::vector<RefItem> list{
        {"01", "汉族", "Han"},         {"02", "蒙古族", "Mongol"},     {"03", "回族", "Hui"},
        {"04", "藏族", "Tibetan"},     {"05", "维吾尔族", "Uyghur"},   {"06", "苗族", "Miao"},
        {"07", "彝族", "Yi"},          {"08", "壮族", "Zhuang"},       {"09", "布依族", "Bouyei"},
        {"10", "朝鲜族", "Korean"},    {"11", "满族", "Manchu"},       {"12", "侗族", "Dong"},
        {"13", "瑶族", "Yao"},         {"14", "白族", "Bai"},          {"15", "土家族", "Tujia"},
        {"16", "哈尼族", "Hani"},      {"17", "哈萨克族", "Kazakh"},   {"18", "傣族", "Dai"},
        {"19", "黎族", "Li"},          {"20", "傈僳族", "Lisu"},       {"21", "佤族", "Va"},
        {"22", "畲族", "She"},         {"23", "高山族", "Gaoshan"},    {"24", "拉祜族", "Lahu"},
        {"25", "水族", "Sui"},         {"26", "东乡族", "Dongxiang"},  {"27", "纳西族", "Naxi"},
        {"28", "景颇族", "Jingpo"},    {"29", "柯尔克孜族", "Kyrgyz"}, {"30", "土族", "Tu"},
        {"31", "达斡尔族", "Daur"},    {"32", "仫佬族", "Mulao"},      {"33", "羌族", "Qiang"},
        {"34", "布朗族", "Blang"},     {"35", "撒拉族", "Salar"},      {"36", "毛南族", "Maonan"},
        {"37", "仡佬族", "Gelao"},     {"38", "锡伯族", "Xibe"},       {"39", "阿昌族", "Achang"},
        {"40", "普米族", "Pumi"},      {"41", "塔吉克族", "Tajik"},    {"42", "怒族", "Nu"},
        {"43", "乌孜别克族", "Uzbek"}, {"44", "俄罗斯族", "Russian"},  {"45", "鄂温克族", "Evenki"},
        {"46", "德昂族", "De'ang"},    {"47", "保安族", "Bonan"},      {"48", "裕固族", "Yugur"},
        {"49", "京族", "Gin"},         {"50", "塔塔尔族", "Tatar"},    {"51", "独龙族", "Derung"},
        {"52", "鄂伦春族", "Oroqen"},  {"53", "赫哲族", "Hezhen"},     {"54", "门巴族", "Monpa"},
        {"55", "珞巴族", "Lhoba"},     {"56", "基诺族", "Jino"},
    };
    return list;
}

const std::vector<RefItem>& politicalStatuses()
{
    static const std::vector<RefItem> list{
        {"01", "中共党员", "Member of the Communist Party of China"},
        {"02", "中共预备党员", "Probationary member of the Communist Party of China"},
        {"03", "共青团员", "Member of the Communist Youth League"},
        {"04", "民革党员", "Member of the Revolutionary Committee of the Chinese Kuomintang"},
        {"05", "民盟盟员", "Member of the China Democratic League"},
        {"06", "民建会员", "Member of the China National Democratic Construction Association"},
        {"07", "民进会员", "Member of the China Association for Promoting Democracy"},
        {"08", "农工党党员", "Member of the Chinese Peasants' and Workers' Democratic Party"},
        {"09", "致公党党员", "Member of the China Zhi Gong Party"},
        {"10", "九三学社社员", "Member of the Jiusan Society"},
        {"11", "台盟盟员", "Member of the Taiwan Democratic Self-Government League"},
        {"12", "无党派人士", "Non-party personage"},
        {"13", "群众", "No party affiliation"},
    };
    return list;
}

const std::vector<RefItem>& educationLevels()
{
    static const std::vector<RefItem> list{
        {"doctoral", "博士研究生", "Doctoral studies", 6},
        {"masters", "硕士研究生", "Master's studies", 5},
        {"undergraduate", "大学本科", "Undergraduate (bachelor's programme)", 4},
        {"junior_college", "大学专科", "Junior college", 3},
        {"secondary_vocational", "中等专科", "Secondary vocational school", 2},
        {"high_school_or_below", "高中及以下", "Senior high school or below", 1},
    };
    return list;
}

const std::vector<RefItem>& degrees()
{
    static const std::vector<RefItem> list{
        {"doctor", "博士", "Doctorate", 3},
        {"master", "硕士", "Master's degree", 2},
        {"bachelor", "学士", "Bachelor's degree", 1},
        {"none", "无", "No degree", 0},
    };
    return list;
}

const std::vector<RefItem>& titleLevels()
{
    static const std::vector<RefItem> list{
        {"senior", "正高级", "Senior (full)", 4},    {"associate_senior", "副高级", "Associate senior", 3},
        {"intermediate", "中级", "Intermediate", 2}, {"junior", "初级", "Junior", 1},
        {"none", "无", "No professional title", 0},
    };
    return list;
}

const std::vector<RefItem>& priorityScopes()
{
    static const std::vector<RefItem> list{
        {"1", "围绕创新驱动发展、乡村振兴、可持续发展等国家重大战略",
         "Major national strategies such as innovation-driven development, rural revitalisation and "
         "sustainable development"},
        {"2",
         "围绕将内蒙古建设成为中国北方重要生态安全屏障、祖国北疆安全稳定屏障、国家重要能源和战略资源基地、"
         "国家重要农畜产品生产基地、国家向北开放重要桥头堡五大任务",
         "The five tasks of building Inner Mongolia into an important ecological security barrier in "
         "northern China, a barrier of security and stability on the northern frontier, a national base "
         "for energy and strategic resources, a national base for agricultural and livestock products, "
         "and a bridgehead of China's opening to the north"},
        {"3", "围绕工程、教育、卫生、农林牧水等支柱产业",
         "Pillar industries such as engineering, education, health, and agriculture, forestry, animal "
         "husbandry and water resources"},
        {"4", "围绕新一代信息技术、生物技术、新能源、新材料、高端装备、绿色环保等战略性新兴产业领域",
         "Strategic emerging industries such as next-generation information technology, biotechnology, "
         "new energy, new materials, high-end equipment, and green and environmental technology"},
        {"5", "其他具有地方优势特色的专业和领域", "Other specialities and fields with regional strengths"},
    };
    return list;
}

const std::vector<UnitNatureRow>& unitNatures()
{
    static const std::vector<UnitNatureRow> list{
        {{"government", "机关", "Government or Party organ"}, false},
        {{"public_institution", "事业单位", "Public institution"}, false},
        {{"state_enterprise", "国有企业", "State-owned enterprise"}, false},
        {{"private_enterprise", "非公企业", "Non-public enterprise"}, true},
        {{"social_organisation", "社会组织", "Social organisation"}, true},
        {{"other", "其他", "Other"}, false},
    };
    return list;
}

const std::vector<RefItem>& defaultTrainingModes()
{
    static const std::vector<RefItem> list{
        {"visiting_scholar", "高校访问学者", "Visiting scholar at a university"},
        {"institute_study", "科研院所进修", "Advanced study at a research institute"},
        {"enterprise_practice", "企事业单位实践", "Practice at an enterprise or public institution"},
    };
    return list;
}

const std::vector<RefItem>& leaveKinds()
{
    static const std::vector<RefItem> list{{"sick", "病假", "Sick leave"},
                                           {"personal", "事假", "Leave for personal matters"}};
    return list;
}

const std::vector<RefItem>& attachmentKinds()
{
    static const std::vector<RefItem> list{
        {"id_card", "身份证", "Resident ID card"},
        {"diploma", "学历学位证书", "Diploma and degree certificate"},
        {"title_certificate", "职称证书", "Professional title certificate"},
        {"other", "其他证明材料", "Other proof"}};
    return list;
}

const std::vector<RefItem>& leaveProofKinds()
{
    static const std::vector<RefItem> list{{"medical_certificate", "医院诊断证明", "Medical certificate"},
                                           {"other", "其他证明材料", "Other proof"}};
    return list;
}

const std::vector<Organisation>& organisations()
{
    static const std::vector<Organisation> list{
        {"C00", "内蒙古自治区人事人才公共服务中心",
         "Inner Mongolia Personnel and Talent Public Service Centre", OrgKind::Centre},
        {"150100", "呼和浩特市", "Hohhot", OrgKind::LeagueCity},
        {"150200", "包头市", "Baotou", OrgKind::LeagueCity},
        {"150700", "呼伦贝尔市", "Hulunbuir", OrgKind::LeagueCity},
        {"152200", "兴安盟", "Hinggan League", OrgKind::LeagueCity},
        {"150500", "通辽市", "Tongliao", OrgKind::LeagueCity},
        {"150400", "赤峰市", "Chifeng", OrgKind::LeagueCity},
        {"152500", "锡林郭勒盟", "Xilingol League", OrgKind::LeagueCity},
        {"150900", "乌兰察布市", "Ulanqab", OrgKind::LeagueCity},
        {"150600", "鄂尔多斯市", "Ordos", OrgKind::LeagueCity},
        {"150800", "巴彦淖尔市", "Bayannur", OrgKind::LeagueCity},
        {"150300", "乌海市", "Wuhai", OrgKind::LeagueCity},
        {"152900", "阿拉善盟", "Alxa League", OrgKind::LeagueCity},
        {"150781", "满洲里市", "Manzhouli", OrgKind::SeparateCity},
        {"152501", "二连浩特市", "Erenhot", OrgKind::SeparateCity},
        {"D01", "内蒙古自治区教育厅", "Department of Education of Inner Mongolia", OrgKind::Department},
        {"D02", "内蒙古自治区科学技术厅", "Department of Science and Technology of Inner Mongolia",
         OrgKind::Department},
        {"D03", "内蒙古自治区卫生健康委员会", "Health Commission of Inner Mongolia", OrgKind::Department},
        {"D04", "内蒙古自治区农牧厅", "Department of Agriculture and Animal Husbandry of Inner Mongolia",
         OrgKind::Department},
        {"D05", "内蒙古自治区林业和草原局", "Forestry and Grassland Bureau of Inner Mongolia",
         OrgKind::Department},
        {"D06", "内蒙古自治区水利厅", "Department of Water Resources of Inner Mongolia", OrgKind::Department},
        {"D07", "内蒙古大学", "Inner Mongolia University", OrgKind::University},
        {"D08", "内蒙古师范大学", "Inner Mongolia Normal University", OrgKind::University},
        {"D09", "内蒙古农业大学", "Inner Mongolia Agricultural University", OrgKind::University},
        {"D10", "内蒙古医科大学", "Inner Mongolia Medical University", OrgKind::University},
        {"D11", "内蒙古工业大学", "Inner Mongolia University of Technology", OrgKind::University},
        {"D12", "内蒙古民族大学", "Inner Mongolia Minzu University", OrgKind::University},
    };
    return list;
}

} // namespace tepei::model::data

// R-LV-2, R-LV-3: the leave form 附件3 printed from the record, read back with pdftotext (no
// Kangxi radicals for 民 and 人) and rendered to PNG with pdftoppm for a look.
#include "log_builder.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <leave_form_printer.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/leave/leave_kind.h>

namespace {

using namespace tepei;

QString pdfText(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// A trainee admitted to 北京大学 from 呼和浩特市第一医院, on leave for 18 days, decided by all three
// parties and back two days late.
struct LeaveOnRecord {
    model::Campaign campaign = test::campaign2024();
    test::Device centre{"centre-1", "centre_officer"};
    test::Device trainee{"applicant-1", "applicant"};
    test::Device unit{"unit-1", "unit_reviewer"};
    test::Device authority{"authority-1", "authority_reviewer"};
    test::Device school{"pku-1", "training_unit_officer"};
    test::Log log;

    LeaveOnRecord()
    {
        std::mt19937_64 rng{7};
        log.add(centre.publishCampaign(campaign));
        auto form = model::sampleApplication(rng, campaign,
                                             {campaign.allocations.front().authorityCode, "W-HH-1", "单位"});
        form["name"] = web::json::value::string("巴特尔");
        log.add(trainee.set("app", model::toJson(form)));
        log.add(trainee.command("app", "submit"));
        review(unit, "unit_approve");
        review(authority, "authority_approve");
        web::json::value admit = web::json::value::object();
        admit["training_unit"] = web::json::value::string("T-PKU");
        admit["major"] = web::json::value::string("草业科学");
        admit["start"] = web::json::value::string("2024-09-01");
        log.add(centre.command("app", "admit", admit));
        web::json::value f = web::json::value::object();
        f[model::kLeaveApplication] = web::json::value::string("app");
        f[model::kLeaveType] = web::json::value::string("sick");
        f[model::kLeaveStart] = web::json::value::string("2024-10-08");
        f[model::kLeaveEnd] = web::json::value::string("2024-10-25");
        f[model::kLeaveReason] = web::json::value::string("急性阑尾炎，住院手术后休养");
        f[model::kLeaveAttachments] =
            web::json::value::parse(R"([{"name":"诊断证明.pdf","type":"application/pdf"}])");
        log.add(trainee.set("leave", f, model::kKindLeave));
    }
    void review(test::Device& who, const char* action)
    {
        web::json::value args = web::json::value::object();
        args["digest"] =
            web::json::value::string(model::contentDigest(*model::findApplication(log.fold(), "app")));
        log.add(who.command("app", action, args));
    }
    bool decide(test::Device& who, const char* opinion)
    {
        web::json::value args = web::json::value::object();
        args["digest"] = web::json::value::string(model::leaveDigest(*model::findLeave(log.fold(), "leave")));
        args["comment"] = web::json::value::string(opinion);
        return log.add(who.command("leave", model::kLeaveApprove, args, model::kKindLeave)).accepted;
    }
};

QString nameOf(const std::string& code)
{
    static const std::map<std::string, QString> names{{"W-HH-1", QStringLiteral("呼和浩特市第一医院")},
                                                      {"T-PKU", QStringLiteral("北京大学")},
                                                      {"pku-1", QStringLiteral("王老师")},
                                                      {"unit-1", QStringLiteral("人事科 李民")},
                                                      {"centre-1", QStringLiteral("中心 张人杰")}};
    const auto it = names.find(code);
    return it == names.end() ? QString::fromStdString(code) : it->second;
}

class LeaveFormTest : public QObject {
    Q_OBJECT
private slots:
    void printsEveryFieldAndTheOpinionsOnRecord()
    {
        LeaveOnRecord r;
        QTemporaryDir dir;
        const QString pending = dir.filePath(QStringLiteral("pending.pdf"));
        const auto& fold = r.log.fold();
        QCOMPARE(qt::printLeaveForm(fold, *model::findLeave(fold, "leave"),
                                    *model::findApplication(fold, "app"), nameOf, pending, 1728000000000),
                 QString());
        const QString before = pdfText(pending);
        QVERIFY2(before.contains(QStringLiteral("特培学员请销假审批表")), qPrintable(before));
        QVERIFY(before.contains(QStringLiteral("（待审批）")));
        QVERIFY(before.contains(QStringLiteral("（尚未销假）")));

        for (test::Device* party : {&r.unit, &r.school, &r.centre})
            party->setTime(1728172800000); // 2024-10-06: decided before the leave begins
        QVERIFY(r.decide(r.unit, "同意，单位工作已安排他人代理"));
        QVERIFY(r.decide(r.school, "同意，课程由导师安排补上"));
        QVERIFY(r.decide(r.centre, "同意"));
        web::json::value back = web::json::value::object();
        back[model::kArgReturned] = web::json::value::string("2024-10-27");
        QVERIFY(r.log.add(r.school.command("leave", model::kLeaveReturn, back, model::kKindLeave)).accepted);
        const QString path = dir.filePath(QStringLiteral("leave.pdf"));
        QCOMPARE(qt::printLeaveForm(fold, *model::findLeave(fold, "leave"),
                                    *model::findApplication(fold, "app"), nameOf, path, 1730000000000),
                 QString());
        const QString text = pdfText(path);
        QFile dump(QStringLiteral(TEPEI_BINARY_DIR "/screenshots/leave-form.txt"));
        if (QDir().mkpath(QStringLiteral(TEPEI_BINARY_DIR "/screenshots")) && dump.open(QIODevice::WriteOnly))
            dump.write(text.toUtf8());
        for (const QString& expected : {QStringLiteral("巴特尔"),
                                        QStringLiteral("呼和浩特市第一医院"),
                                        QStringLiteral("北京大学"),
                                        QStringLiteral("草业科学"),
                                        QStringLiteral("病假"),
                                        QStringLiteral("18 天"),
                                        QStringLiteral("2024年10月8日 至 2024年10月25日"),
                                        QStringLiteral("急性阑尾炎"),
                                        QStringLiteral("诊断证明.pdf"),
                                        QStringLiteral("培养单位意见"),
                                        QStringLiteral("派出单位意见"),
                                        QStringLiteral("服务中心意见"),
                                        QStringLiteral("同意，课程由导师安排补上"),
                                        QStringLiteral("人事科 李民"),
                                        QStringLiteral("中心 张人杰"),
                                        QStringLiteral("2024年10月27日"),
                                        QStringLiteral("20 天"),
                                        QStringLiteral("超过批准的结束日期"),
                                        QStringLiteral("确认人：王老师"),
                                        QStringLiteral("日期：2024年10月6日")}) {
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + text));
        }
        QVERIFY2(!text.contains(QChar(0x2EA0)) && !text.contains(QChar(0x2F08)), // ⺠ and ⼈
                 "Kangxi radicals instead of 民 / 人");
        // A look at it: build/screenshots/leave-form-1.png
        const QString shots = QStringLiteral(TEPEI_BINARY_DIR "/screenshots");
        QDir().mkpath(shots);
        QProcess::execute(QStringLiteral("pdftoppm"),
                          {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), path,
                           shots + QStringLiteral("/leave-form")});
    }
};

} // namespace

QTEST_MAIN(LeaveFormTest)
#include "leave_form_test.moc"

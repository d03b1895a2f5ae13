// tepei-client: wires the client core, the controller and the QML pages together; nothing else.
//   tepei-client [--server URL] [--data-dir DIR] [--lang zh|en] [--version]
#include <QCommandLineParser>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>
#include <app_controller.h>
#include <cstdio>
#include <cstring>
#include <tepei/client/sync/transport.h>
#include <tepei/model/rules/version.h>

Q_IMPORT_QML_PLUGIN(TepeiPlugin)
Q_IMPORT_QML_PLUGIN(Tepei_ClientPlugin)

int main(int argc, char* argv[])
{
    // Answered before the GUI starts, so that it works without a display (a terminal, a script).
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("tepei-client %s\n", tepei::model::productVersion());
            return 0;
        }
    }
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("tepei-client"));
    QGuiApplication::setOrganizationName(QStringLiteral("Tepei"));
    QGuiApplication::setApplicationVersion(QString::fromLatin1(tepei::model::productVersion()));
    QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("特培 少数民族专业技术人才特殊培养管理系统"));
    parser.addHelpOption();
    parser.addVersionOption(); // listed in --help; answered above
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("Server address, e.g. https://host:8443"),
                                    QStringLiteral("URL"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"), QStringLiteral("Where this device keeps its data"), QStringLiteral("DIR"),
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Interface language: zh or en"),
                                  QStringLiteral("zh|en"));
    parser.addOptions({server, dataDir, lang});
    parser.process(app);

    tepei::qt::AppController controller(
        tepei::qt::AppController::openReplica(parser.value(dataDir), tepei::sync::systemWallClock()),
        [](const tepei::client::ServerConfig& config) {
            return std::shared_ptr<tepei::client::Transport>(tepei::client::makeHttpTransport(config));
        });
    if (parser.isSet(server))
        controller.setServerUrl(parser.value(server));
    if (parser.isSet(lang))
        controller.setLanguage(parser.value(lang));

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    QObject::connect(&controller, &tepei::qt::AppController::languageChanged, &engine,
                     &QQmlEngine::retranslate);
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&controller)}});
    engine.load(QUrl(QStringLiteral("qrc:/Tepei/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    return QGuiApplication::exec();
}

// tepei-client: wires the client core, the controller and the QML pages together; nothing else.
//   tepei-client [--server URL] [--data-dir DIR] [--lang zh|en]
#include <QCommandLineParser>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>
#include <app_controller.h>
#include <tepei/client/sync/transport.h>

Q_IMPORT_QML_PLUGIN(TepeiPlugin)
Q_IMPORT_QML_PLUGIN(Tepei_ClientPlugin)

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("tepei-client"));
    QGuiApplication::setOrganizationName(QStringLiteral("Tepei"));
    QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("特培 少数民族专业技术人才特殊培养管理系统"));
    parser.addHelpOption();
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

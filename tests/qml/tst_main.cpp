// Qt Quick Test runner for the pages (tests/qml/tst_*.qml), offscreen, with `testEnv`.
#include "test_env.h"

#include <QFont>
#include <QGuiApplication>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(TepeiPlugin)
Q_IMPORT_QML_PLUGIN(Tepei_ClientPlugin)

class Setup : public QObject {
    Q_OBJECT
public:
    Setup()
    {
        qputenv("QT_QPA_PLATFORM",
                qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    }

public slots:
    void applicationAvailable() { QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10)); }
    void qmlEngineAvailable(QQmlEngine* engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        m_env.setEngine(engine);
        engine->rootContext()->setContextProperty(QStringLiteral("testEnv"), &m_env);
    }
    void cleanupTestCase() { m_env.clear(); }

private:
    TestEnv m_env;
};

QUICK_TEST_MAIN_WITH_SETUP(tepei_qml, Setup)

#include "tst_main.moc"

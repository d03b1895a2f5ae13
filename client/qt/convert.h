#pragma once
// Conversions between the model's types (UTF-8 std::string, web::json) and Qt's, and the choice
// between a Chinese and an English text. Pure functions, any thread.

#include <QString>
#include <QVariant>
#include <cpprest/json.h>
#include <string>
#include <tepei/model/reference/reason.h>
#include <tepei/sync/result.h>

namespace tepei::qt {

inline QString q(const std::string& text)
{
    return QString::fromStdString(text);
}
inline std::string s(const QString& text)
{
    return text.toStdString();
}

// JSON strings, numbers, booleans, arrays and objects become QString, int/double, bool,
// QVariantList and QVariantMap; null becomes an invalid QVariant.
QVariant toVariant(const web::json::value& value);
// The inverse; a QJSValue (a JavaScript array or object from QML) is converted first.
web::json::value toJson(const QVariant& value);

// The reason in the interface language.
QString reasonText(const model::Reason& reason, bool english);
// A protocol error for people: the English message, or a Chinese sentence for the codes the
// client knows, followed by what to do.
QString errorText(const Error& error, bool english);

// A file dialog's choice (a file: URL) or a plain path, as a local path.
QString localPath(const QString& fileUrl);

} // namespace tepei::qt

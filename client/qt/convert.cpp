#include "convert.h"

#include <QJSValue>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <map>

namespace tepei::qt {

QVariant toVariant(const web::json::value& value)
{
    switch (value.type()) {
    case web::json::value::String:
        return q(value.as_string());
    case web::json::value::Number:
        if (value.is_integer())
            return QVariant::fromValue(static_cast<int>(value.as_number().to_int64()));
        return value.as_double();
    case web::json::value::Boolean:
        return value.as_bool();
    case web::json::value::Array: {
        QVariantList list;
        for (const auto& item : value.as_array())
            list.push_back(toVariant(item));
        return list;
    }
    case web::json::value::Object: {
        QVariantMap map;
        for (const auto& [key, item] : value.as_object())
            map.insert(q(key), toVariant(item));
        return map;
    }
    case web::json::value::Null:
        break;
    }
    return {};
}

web::json::value toJson(const QVariant& input)
{
    QVariant value = input;
    if (value.canConvert<QJSValue>() && value.userType() == qMetaTypeId<QJSValue>())
        value = value.value<QJSValue>().toVariant();
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return web::json::value::null();
    case QMetaType::Bool:
        return web::json::value::boolean(value.toBool());
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
        return web::json::value::number(static_cast<std::int64_t>(value.toLongLong()));
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        if (d == static_cast<double>(static_cast<std::int64_t>(d)))
            return web::json::value::number(static_cast<std::int64_t>(d));
        return web::json::value::number(d);
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        auto array = web::json::value::array();
        int i = 0;
        for (const QVariant& item : value.toList())
            array[i++] = toJson(item);
        return array;
    }
    case QMetaType::QVariantMap: {
        auto object = web::json::value::object();
        const QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            object[s(it.key())] = toJson(it.value());
        return object;
    }
    default:
        return web::json::value::string(s(value.toString()));
    }
}

QString reasonText(const model::Reason& reason, bool english)
{
    return q(english ? reason.en : reason.zh);
}

QString errorText(const Error& error, bool english)
{
    static const std::map<std::string, const char*> zh{
        {"offline", "无法连接服务器：请检查网络和服务器地址；离线时可用本机已登录过的账号离线登录"},
        {"tls_failed", "无法建立安全连接：请检查服务器地址和受信任的证书文件"},
        {"invalid_credentials", "用户名或密码错误，请检查后重试（连续失败5次后将暂停登录一段时间）"},
        {"bad_credentials", "用户名或密码错误，请检查后重试"},
        {"too_many_attempts", "登录失败次数过多，请稍后再试"},
        {"offline_login_unavailable", "此账号尚未在本机联网登录过：请联网登录一次，之后即可离线登录"},
        {"forbidden", "您无权进行此操作（不在您的角色或管辖范围内）"},
        {"clock_ahead", "本机时间超前于服务器：请校正本机日期和时间，更改将在时间正确后上传"},
        {"unauthorized", "登录已过期：请联网重新登录，未上传的更改仍保存在本机"},
        {"session_expired", "尚未联网登录：请联网登录后同步，未上传的更改仍保存在本机"},
        {"not_signed_in", "尚未登录：请先登录"},
        {"too_large", "文件过大：请压缩或拆分后重新上传"},
        {"file_unreadable", "无法读取文件：请确认文件仍然存在"},
        {"invalid_value", "填写的内容不正确：请按提示修改后重试"},
        {"missing_field", "有必填内容未填写：请补全后重试"},
        {"login_taken", "该登录名已被使用：请换一个登录名"},
        {"weak_password", "密码太简单：请使用至少 8 位、字母与数字混合，且不是姓名、日期或常见密码"},
        {"account_pending", "该账号正在等待推荐单位审核：审核通过后再登录"},
        {"account_rejected",
         "该单位的注册未通过推荐单位审核：请与推荐单位联系了解原因；如需重新注册，请使用新的登录名"},
        {"not_pending", "该单位的注册已经处理过（已通过或未通过）：请刷新列表"},
        {"comment_required", "请填写理由后再提交"},
        {"unknown_org", "找不到所填的单位：请从列表中选择所在单位"},
        {"org_not_found", "找不到所填的单位：请从列表中选择所在单位"},
        {"record_not_found", "找不到该记录，或不在您的管辖范围内：请同步后重试"},
        {"storage_error", "服务器暂时无法保存：更改仍保存在本机，稍后自动重试；如持续出现请联系系统管理员"},
        {"server_error", "服务器出错：更改仍保存在本机，稍后自动重试；如持续出现请联系系统管理员"},
        {"internal_error", "服务器出错：请稍后重试；如持续出现请联系系统管理员"},
        {"body_too_large", "上传的内容过大：请压缩或拆分后重试"},
        {"unsupported_version",
         "客户端版本过旧：请安装新版本的特培客户端（tepei-client）后再同步，更改仍保存在本机"},
        {"role_not_permitted", "该角色不能进行此操作"},
        {"xlsx_invalid", "该文件不是可读取的 Excel 工作簿：请用 Excel 或 WPS 打开，另存为 .xlsx 后重新导入"},
        {"account_disabled", "该账号已被系统管理员停用：如需继续使用，请联系系统管理员启用"},
        {"cannot_change_self", "不能停用或启用自己的账号：请由另一位系统管理员操作"},
        {"invalid_state", "该账号的状态已经变化：请刷新列表后再操作"},
        {"user_not_found", "找不到该账号：请刷新列表后再操作"},
        {"org_exists", "该单位代码已被使用：请换一个代码"},
        {"invalid_parent", "上级单位不正确：工作单位须属于一个推荐单位（盟市），推荐单位属于服务中心"},
        {"clock_behind",
         "本机时间早于本机此前已上传的更改（时钟被调回），此项未被接受：请校正本机日期和时间后重新办理"},
    };
    if (english)
        return q(error.message);
    const auto it = zh.find(error.code);
    if (it != zh.end())
        return QString::fromUtf8(it->second);
    // A refusal this client has no words for: say so in Chinese, with the server's own (English)
    // explanation as the detail and the code for the administrator.
    return QStringLiteral(
               "服务器未接受此操作。请检查填写的内容后重试；如仍不成功，请将以下说明告知系统管理员："
               "%2（代码 %1）")
        .arg(q(error.code), q(error.message));
}

QString localPath(const QString& fileUrl)
{
    return fileUrl.startsWith(QLatin1String("file:")) ? QUrl(fileUrl).toLocalFile() : fileUrl;
}

} // namespace tepei::qt

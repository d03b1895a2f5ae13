#include <charconv>
#include <tepei/client/store/directory.h>

namespace tepei::client {

namespace {

constexpr const char* kMetaDirectory = "directory";
constexpr const char* kMetaDirectoryVersion = "directory_version";

std::string text(const web::json::value& v, const char* key)
{
    return v.has_field(key) && v.at(key).is_string() ? v.at(key).as_string() : std::string();
}

} // namespace

Status<> storeDirectory(LocalStore& store, const std::string& body)
{
    std::error_code ec;
    const web::json::value json = web::json::value::parse(body, ec);
    if (ec || !json.is_object() || !json.has_field("people") || !json.at("people").is_array())
        return Error{
            "bad_reply", "the server's directory is not {\"v\":2,\"people\":[...]}; it is ignored", {}};
    if (store.meta(kMetaDirectory) == body)
        return Ok{};
    if (auto st = store.setMeta(kMetaDirectory, body); !st)
        return st;
    return store.setMeta(kMetaDirectoryVersion, std::to_string(directoryVersion(store) + 1));
}

std::int64_t directoryVersion(const LocalStore& store)
{
    const std::string version = store.meta(kMetaDirectoryVersion).value_or("0");
    std::int64_t n = 0;
    std::from_chars(version.data(), version.data() + version.size(), n); // 0 if it is not a number
    return n;
}

Directory loadDirectory(const LocalStore& store)
{
    Directory out;
    const std::string body = store.meta(kMetaDirectory).value_or("");
    if (body.empty())
        return out;
    std::error_code ec;
    const web::json::value json = web::json::value::parse(body, ec);
    if (ec || !json.has_field("people"))
        return out;
    for (const auto& p : json.at("people").as_array()) {
        Person person{text(p, "userId"), text(p, "displayName"), text(p, "role"), text(p, "orgCode"),
                      text(p, "orgName")};
        if (!person.userId.empty())
            out.emplace(person.userId, std::move(person));
    }
    return out;
}

} // namespace tepei::client

#include <tepei/model/command/command.h>

namespace tepei::model {

namespace {

constexpr const char* kName = "name";
constexpr const char* kRole = "role";
constexpr const char* kComment = "comment";
constexpr const char* kDigest = "digest";

bool isEnvelopeKey(std::string_view key)
{
    return key == kName || key == kRole || key == kComment || key == kDigest;
}

} // namespace

Command Command::fromPayload(const web::json::value& payload)
{
    return fromPayload(web::json::value(payload));
}

Command Command::fromPayload(web::json::value&& payload)
{
    if (!payload.is_object())
        return {};
    Command command;
    for (auto& [key, value] : payload.as_object()) {
        std::string* part = key == kName      ? &command.name
                            : key == kRole    ? &command.role
                            : key == kComment ? &command.comment
                            : key == kDigest  ? &command.digest
                                              : nullptr;
        if (!part)
            command.arg(key) = std::move(value);
        else if (value.is_string())
            *part = std::move(value.as_string());
    }
    return command;
}

web::json::value& Command::arg(const std::string& key)
{
    if (!args.is_object())
        args = web::json::value::object();
    return args[key];
}

web::json::value Command::toPayload() const
{
    web::json::value payload = args.is_object() ? args : web::json::value::object();
    payload[kName] = web::json::value::string(name);
    if (!role.empty())
        payload[kRole] = web::json::value::string(role);
    if (!comment.empty())
        payload[kComment] = web::json::value::string(comment);
    if (!digest.empty())
        payload[kDigest] = web::json::value::string(digest);
    return payload;
}

std::string_view Command::text(std::string_view arg) const
{
    if (!args.is_object())
        return {};
    const auto& object = args.as_object();
    const auto it = object.find(std::string(arg));
    return it != object.end() && it->second.is_string() ? std::string_view(it->second.as_string())
                                                        : std::string_view();
}

std::optional<Date> Command::date(std::string_view arg) const
{
    auto parsed = parseDate(text(arg));
    if (!parsed)
        return std::nullopt;
    return *parsed;
}

Command& Command::set(std::string_view arg, std::string value)
{
    if (!isEnvelopeKey(arg))
        this->arg(std::string(arg)) = web::json::value::string(std::move(value));
    return *this;
}

const ArgSpec* Command::missing(const std::vector<ArgSpec>& specs) const
{
    for (const ArgSpec& spec : specs) {
        const bool present =
            spec.type == ArgType::Date ? date(spec.name).has_value() : !text(spec.name).empty();
        if (spec.required && !present)
            return &spec;
    }
    return nullptr;
}

} // namespace tepei::model

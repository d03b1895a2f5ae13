#include <tepei/client/store/replica.h>
#include <tepei/sync/ids.h>

namespace tepei::client {

namespace {
constexpr const char* kMetaSite = "site_id";
constexpr const char* kMetaIdentity = "identity";
constexpr const char* kMetaClock = "hlc";
} // namespace

Result<std::unique_ptr<ClientReplica>> ClientReplica::open(const std::string& path, sync::WallClock wall)
{
    auto store = LocalStore::open(path, model::sqlite::Database::Durability::Full);
    if (!store)
        return store.error();
    std::string site = (*store)->meta(kMetaSite).value_or("");
    if (site.empty()) {
        site = sync::newUuidString();
        if (auto st = (*store)->setMeta(kMetaSite, site); !st)
            return st.error();
    }
    std::unique_ptr<ClientReplica> replica(
        new ClientReplica(std::move(store).value(), std::move(wall), site));
    // The clock never runs behind what this replica stamped before a restart.
    if (const auto saved = replica->m_store->meta(kMetaClock)) {
        if (auto hlc = sync::parseHlc(*saved))
            (void)replica->m_clock.update(*hlc);
    }
    return replica;
}

ClientReplica::ClientReplica(std::unique_ptr<LocalStore> store, sync::WallClock wall, sync::SiteId site)
    : m_store(std::move(store)), m_clock(std::move(wall)), m_site(std::move(site))
{}

std::optional<Identity> ClientReplica::identity() const
{
    std::lock_guard lock(m_mutex);
    const auto text = m_store->meta(kMetaIdentity);
    if (!text)
        return std::nullopt;
    std::error_code ec;
    const auto json = web::json::value::parse(*text, ec);
    if (ec || !json.is_object())
        return std::nullopt;
    Identity identity;
    identity.userId = json.at("userId").as_string();
    identity.login = json.at("login").as_string();
    identity.displayName = json.at("displayName").as_string();
    identity.role = json.at("role").as_string();
    identity.orgCode = json.at("orgCode").as_string();
    return identity;
}

Status<> ClientReplica::setIdentity(const Identity& identity)
{
    web::json::value json = web::json::value::object();
    json["userId"] = web::json::value::string(identity.userId);
    json["login"] = web::json::value::string(identity.login);
    json["displayName"] = web::json::value::string(identity.displayName);
    json["role"] = web::json::value::string(identity.role);
    json["orgCode"] = web::json::value::string(identity.orgCode);
    std::lock_guard lock(m_mutex);
    return m_store->setMeta(kMetaIdentity, json.serialize());
}

Result<model::Verdict> ClientReplica::setFields(const std::string& kind, const std::string& recordId,
                                                const web::json::value& fields)
{
    sync::Change change;
    change.recordKind = kind;
    change.recordId = recordId;
    change.op = sync::ChangeOp::Set;
    change.payload = fields;
    return enqueue(std::move(change));
}

Result<model::Verdict> ClientReplica::command(const std::string& kind, const std::string& recordId,
                                              model::Command command)
{
    if (const auto who = identity())
        command.role = who->role;
    sync::Change change;
    change.recordKind = kind;
    change.recordId = recordId;
    change.op = sync::ChangeOp::Command;
    change.payload = command.toPayload();
    return enqueue(std::move(change));
}

Result<model::Verdict> ClientReplica::enqueue(sync::Change change)
{
    const auto who = identity();
    if (!who) {
        return Error{"not_signed_in",
                     "no user is signed in on this device; sign in once while online, then try again",
                     {}};
    }
    change.id = sync::newUuid();
    change.author = who->userId;
    change.site = m_site;
    change.hlc = m_clock.now();
    std::lock_guard lock(m_mutex);
    (void)m_store->setMeta(kMetaClock, sync::toString(change.hlc));
    return m_store->enqueue(change);
}

void ClientReplica::observeServerTime(const sync::Hlc& serverTime)
{
    (void)m_clock.update(serverTime); // a server far ahead of this device is not followed
}

} // namespace tepei::client

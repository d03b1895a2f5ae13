// SqliteStore: the changes an authority or the administrator makes to organisations and accounts,
// each with its line of the audit log in the same transaction, and the devices that synced
// (issue #12 item 8). The rest of the store is in sqlite_store.cpp.
#include "sqlite_store_impl.h"

namespace tepei::server {

namespace {

Error userNotFound(const std::string& id)
{
    return Error{"user_not_found", "there is no account with id " + id + "; reload the list of users", "id"};
}

} // namespace

Status<> SqliteStore::activateOrg(const std::string& code, const AuditEntry& audit)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->inTransaction([&]() -> Status<> {
        if (auto s = m_impl->run("UPDATE orgs SET status = 'active' WHERE code = ?", {code}); !s) {
            return s;
        }
        if (m_impl->db.changes() == 0) {
            return accounts::unknownOrg(code, "code");
        }
        if (auto s = m_impl->run(
                "UPDATE users SET status = 'active' WHERE org_code = ? AND status = 'pending'", {code});
            !s) {
            return s;
        }
        return m_impl->insertAudit(audit);
    });
}

Status<> SqliteStore::rejectOrg(const std::string& code, const AuditEntry& audit)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->inTransaction([&]() -> Status<> {
        if (auto s = m_impl->run("UPDATE orgs SET status = 'rejected' WHERE code = ? AND status = 'pending'",
                                 {code});
            !s) {
            return s;
        }
        if (m_impl->db.changes() == 0) {
            return accounts::unknownOrg(code, "code");
        }
        if (auto s = m_impl->run(
                "UPDATE users SET status = 'rejected' WHERE org_code = ? AND status = 'pending'", {code});
            !s) {
            return s;
        }
        return m_impl->insertAudit(audit);
    });
}

Status<> SqliteStore::addOrgAudited(const Org& org, const AuditEntry& audit)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->inTransaction([&]() -> Status<> {
        if (auto s = m_impl->insertOrg(org); !s) {
            return s;
        }
        return m_impl->insertAudit(audit);
    });
}

Status<> SqliteStore::addUserAudited(const User& user, const AuditEntry& audit)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->inTransaction([&]() -> Status<> {
        if (auto s = m_impl->insertUser(user); !s) {
            return s;
        }
        return m_impl->insertAudit(audit);
    });
}

Status<> SqliteStore::setUserStatus(const std::string& userId, AccountStatus status, const AuditEntry& audit)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->inTransaction([&]() -> Status<> {
        if (auto s = m_impl->run("UPDATE users SET status = ? WHERE id = ?", {toString(status), userId});
            !s) {
            return s;
        }
        if (m_impl->db.changes() == 0) {
            return userNotFound(userId);
        }
        if (status != AccountStatus::Active) {
            if (auto s = m_impl->run("DELETE FROM sessions WHERE user_id = ?", {userId}); !s) {
                return s;
            }
        }
        return m_impl->insertAudit(audit);
    });
}

Status<> SqliteStore::setPasswordHash(const std::string& userId, const std::string& hash,
                                      const AuditEntry& audit)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->inTransaction([&]() -> Status<> {
        if (auto s = m_impl->run("UPDATE users SET password_hash = ? WHERE id = ?", {hash, userId}); !s) {
            return s;
        }
        if (m_impl->db.changes() == 0) {
            return userNotFound(userId);
        }
        if (auto s = m_impl->run("DELETE FROM sessions WHERE user_id = ?", {userId}); !s) {
            return s;
        }
        return m_impl->insertAudit(audit);
    });
}

Result<std::vector<AuditEntry>> SqliteStore::listAudit(std::int64_t beforeId, int limit)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->all<AuditEntry>(
        "SELECT id, at_ms, actor_id, actor_login, action, target, reason, detail FROM audit_log "
        "WHERE id < ? ORDER BY id DESC LIMIT ?",
        [](const Statement& s) {
            return AuditEntry{s.columnInt(0),  s.columnInt(1),  s.columnText(2), s.columnText(3),
                              s.columnText(4), s.columnText(5), s.columnText(6), s.columnText(7)};
        },
        [&](Statement& s) { s.bind(1, beforeId > 0 ? beforeId : INT64_MAX).bind(2, std::int64_t{limit}); });
}

Status<> SqliteStore::recordDeviceSync(const DeviceSync& sync)
{
    std::lock_guard lock(m_impl->mutex);
    auto stmt = m_impl->db.prepare(
        "INSERT INTO device_syncs(user_id, site, first_ms, last_ms, address) VALUES(?1, ?2, ?3, ?3, ?4) "
        "ON CONFLICT(user_id, site) DO UPDATE SET last_ms = max(last_ms, ?3), address = ?4");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, sync.userId).bind(2, sync.site).bind(3, sync.lastMs).bind(4, sync.address);
    return stmt->run();
}

Result<std::vector<DeviceSync>> SqliteStore::listDeviceSyncs()
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->all<DeviceSync>(
        "SELECT user_id, site, first_ms, last_ms, address FROM device_syncs ORDER BY user_id, site",
        [](const Statement& s) {
            return DeviceSync{s.columnText(0), s.columnText(1), s.columnInt(2), s.columnInt(3),
                              s.columnText(4)};
        });
}

} // namespace tepei::server

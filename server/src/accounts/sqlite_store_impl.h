#pragma once
// SqliteStore's connection and the statements its two sources share (sqlite_store.cpp: accounts,
// sessions, throttling, blobs; sqlite_admin_store.cpp: the administrator's changes, the audit
// log, the devices). Private to server/src/accounts.

#include "account_errors.h"

#include <mutex>
#include <tepei/model/log/sqlite.h>
#include <tepei/server/accounts/sqlite_store.h>

namespace tepei::server {

using model::sqlite::Database;
using model::sqlite::Statement;
using model::sqlite::Transaction;

struct SqliteStore::Impl {
    explicit Impl(std::unique_ptr<Database> database) : owned(std::move(database)), db(*owned) {}

    std::unique_ptr<Database> owned;
    Database& db;
    std::mutex mutex;

    template <class T, class Read>
    Result<std::optional<T>> one(std::string_view sql, const std::string& key, Read read)
    {
        auto stmt = db.prepare(sql);
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, key);
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        return *row ? std::optional<T>(read(*stmt)) : std::optional<T>();
    }

    // Every row of `sql`, read by `read`; `bind(statement)` sets its parameters first.
    template <class T, class Read, class Bind = void (*)(Statement&)>
    Result<std::vector<T>> all(
        std::string_view sql, Read read, Bind bind = [](Statement&) {})
    {
        auto stmt = db.prepare(sql);
        if (!stmt) {
            return stmt.error();
        }
        bind(*stmt);
        std::vector<T> out;
        for (;;) {
            auto row = stmt->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                return out;
            }
            out.push_back(read(*stmt));
        }
    }

    Result<bool> exists(std::string_view sql, const std::string& key)
    {
        auto found = one<bool>(sql, key, [](const Statement&) { return true; });
        if (!found) {
            return found.error();
        }
        return found->has_value();
    }

    Status<> insertOrg(const Org& org)
    {
        auto taken = exists("SELECT 1 FROM orgs WHERE code = ?", org.code);
        if (!taken) {
            return taken.error();
        }
        if (*taken) {
            return accounts::orgExists(org);
        }
        if (!org.parent.empty()) {
            auto parent = exists("SELECT 1 FROM orgs WHERE code = ?", org.parent);
            if (!parent) {
                return parent.error();
            }
            if (!*parent) {
                return accounts::invalidParent(org);
            }
        }
        auto stmt = db.prepare("INSERT INTO orgs(code, kind, name, parent, status) VALUES(?,?,?,?,?)");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, org.code).bind(2, toString(org.kind)).bind(3, org.name).bind(5, toString(org.status));
        if (org.parent.empty()) {
            stmt->bindNull(4);
        } else {
            stmt->bind(4, org.parent);
        }
        return stmt->run();
    }

    Status<> insertUser(const User& user)
    {
        auto taken = exists("SELECT 1 FROM users WHERE login = ?", user.login);
        if (!taken) {
            return taken.error();
        }
        if (*taken) {
            return accounts::loginTaken(user);
        }
        auto org = exists("SELECT 1 FROM orgs WHERE code = ?", user.orgCode);
        if (!org) {
            return org.error();
        }
        if (!*org) {
            return accounts::unknownOrg(user.orgCode, "orgCode");
        }
        auto stmt =
            db.prepare("INSERT INTO users(id, login, display_name, role, org_code, password_hash, status, "
                       "mobile) VALUES(?,?,?,?,?,?,?,?)");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, user.id).bind(2, user.login).bind(3, user.displayName).bind(4, toString(user.role));
        stmt->bind(5, user.orgCode)
            .bind(6, user.passwordHash)
            .bind(7, toString(user.status))
            .bind(8, user.mobile);
        return stmt->run();
    }

    // Runs `body` (returning Status<>) in one transaction.
    template <class Body> Status<> inTransaction(Body body)
    {
        auto tx = Transaction::begin(db);
        if (!tx) {
            return tx.error();
        }
        if (auto s = body(); !s) {
            return s;
        }
        return tx->commit();
    }

    Status<> insertAudit(const AuditEntry& a)
    {
        auto stmt = db.prepare("INSERT INTO audit_log(at_ms, actor_id, actor_login, action, target, reason, "
                               "detail) VALUES(?,?,?,?,?,?,?)");
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, a.atMs).bind(2, a.actorId).bind(3, a.actorLogin).bind(4, a.action);
        stmt->bind(5, a.target).bind(6, a.reason).bind(7, a.detail);
        return stmt->run();
    }

    Status<> run(std::string_view sql, std::initializer_list<std::string> texts)
    {
        auto stmt = db.prepare(sql);
        if (!stmt) {
            return stmt.error();
        }
        int i = 1;
        for (const auto& t : texts) {
            stmt->bind(i++, t);
        }
        return stmt->run();
    }
};

} // namespace tepei::server

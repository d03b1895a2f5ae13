// tepei-admin store copy: moves an SQLite deployment (its data directory) into an empty
// PostgreSQL database with its log intact — the same seqs, payloads and verdicts, hence the same
// state digest (R-DEP-2, issue #16; docs/postgresql.md).
#include "admin_commands.h"

#include <algorithm>
#include <tepei/model/log/sqlite_change_log.h>
#include <tepei/server/accounts/sqlite_store.h>
#include <tepei/server/blobs/file_blob_store.h>
#include <tepei/server/postgres/pg_blob_store.h>
#include <tepei/server/postgres/pg_change_log.h>
#include <tepei/server/postgres/pg_store.h>
#include <tepei/sync/sha256.h>

namespace tepei::server::admin {

namespace {

Error notEmpty(const std::string& what)
{
    return Error{"store_not_empty",
                 "the target database holds " + what +
                     " already; copy into a new, empty database (createdb), nothing was written",
                 "--to"};
}

// Parents before their children, as addOrgs wants them.
std::vector<Org> parentsFirst(std::vector<Org> orgs)
{
    std::vector<Org> ordered;
    std::set<std::string> placed;
    while (!orgs.empty()) {
        const auto ready = std::stable_partition(orgs.begin(), orgs.end(), [&](const Org& o) {
            return o.parent.empty() || placed.count(o.parent) > 0;
        });
        if (ready == orgs.begin()) { // a parent that is missing: let addOrgs name it
            ordered.insert(ordered.end(), orgs.begin(), orgs.end());
            break;
        }
        for (auto it = orgs.begin(); it != ready; ++it) {
            placed.insert(it->code);
            ordered.push_back(*it);
        }
        orgs.erase(orgs.begin(), ready);
    }
    return ordered;
}

Status<> refuseNonEmpty(AccountStore& target, const PgChangeLog& log)
{
    if (log.lastSeq() > 0)
        return notEmpty(std::to_string(log.lastSeq()) + " changes");
    auto orgs = target.listOrgs();
    if (!orgs)
        return orgs.error();
    auto users = target.listUsers();
    if (!users)
        return users.error();
    if (!orgs->empty() || !users->empty())
        return notEmpty(std::to_string(orgs->size()) + " organisations and " + std::to_string(users->size()) +
                        " users");
    return Ok{};
}

Result<std::size_t> copyAccounts(AccountStore& from, AccountStore& to)
{
    auto orgs = from.listOrgs();
    if (!orgs)
        return orgs.error();
    if (auto st = to.addOrgs(parentsFirst(std::move(orgs).value())); !st)
        return st.error();
    auto users = from.listUsers();
    if (!users)
        return users.error();
    if (auto st = to.addUsers(*users); !st)
        return st.error();
    return users->size();
}

// Every complete attachment with its uploaders; partial uploads are left behind (their devices
// start them again).
Result<std::size_t> copyBlobs(const AdminEnv& env, BlobIndex& index, PgBlobStore& to)
{
    FileBlobStore from(env.where.dataDir / "blobs", index, ServerLimits{}.maxBlobBytes);
    auto blobs = index.listBlobs();
    if (!blobs)
        return blobs.error();
    std::size_t copied = 0;
    for (const BlobInfo& info : *blobs) {
        if (!info.complete)
            continue;
        auto content = from.read(info.sha256);
        if (!content)
            return content.error();
        auto uploaders = index.blobUploaders(info.sha256);
        if (!uploaders)
            return uploaders.error();
        const std::string first = uploaders->empty() ? std::string() : uploaders->front();
        if (auto st = to.append(info.sha256, info.size, 0, *content, first); !st)
            return st.error();
        for (std::size_t i = 1; i < uploaders->size(); ++i) {
            if (auto st = to.addUploader(info.sha256, (*uploaders)[i]); !st)
                return st.error();
        }
        ++copied;
    }
    return copied;
}

} // namespace

Status<> storeCopy(AdminEnv& env)
{
    auto url = parseStoreOption(env.option("--to"));
    if (!url)
        return url.error();
    if (url->empty())
        return Error{"usage",
                     "--to needs the PostgreSQL URL of an empty database, e.g. postgresql://tepei@db/tepei",
                     "--to"};
    // The source may not change meanwhile: its log lock stops a server or another tepei-admin.
    auto lock = LogLock::acquire(env.where.dataDir);
    if (!lock)
        return lock.error();
    auto source = model::SqliteChangeLog::open((env.where.dataDir / "records.db").string(), {});
    if (!source)
        return source.error();
    auto* index = dynamic_cast<BlobIndex*>(&env.store); // the source's SqliteStore
    if (!index)
        return Error{"usage", "store copy copies from an SQLite data directory (--from DIR)", "--from"};
    const StoreLocation target{{}, *url};
    auto accounts = PgStore::open(*url, 1);
    if (!accounts)
        return accounts.error();
    auto attachments = PgBlobStore::open(*url, ServerLimits{}.maxBlobBytes, 1);
    if (!attachments)
        return attachments.error();
    auto log = PgChangeLog::open(*url);
    if (!log)
        return log.error();
    if (auto st = refuseNonEmpty(**accounts, **log); !st)
        return st;
    auto users = copyAccounts(env.store, **accounts);
    if (!users)
        return users.error();
    auto blobs = copyBlobs(env, *index, **attachments);
    if (!blobs)
        return blobs.error();
    auto changes = (*log)->copyFrom(**source);
    if (!changes)
        return changes.error();
    // Folded afresh from the rows now in PostgreSQL, by a connection of its own.
    auto reread = PgChangeLog::open(*url);
    if (!reread)
        return reread.error();
    const std::string before = sync::sha256Hex((*source)->state().canonicalState());
    const std::string after = sync::sha256Hex((*reread)->state().canonicalState());
    if (before != after) {
        return Error{"copy_mismatch",
                     "the copied log folds to state digest " + after + ", the source to " + before +
                         "; do not use the copy: report this with both data stores",
                     "--to"};
    }
    env.out << "copied " << *changes << " changes (seq 1 to " << (*reread)->lastSeq() << "), " << *users
            << " users and " << *blobs << " attachments from " << env.where.describe() << " to "
            << target.describe() << "\nstate digest " << after
            << " on both; sessions are not copied: everyone signs in again once\n";
    return Ok{};
}

} // namespace tepei::server::admin

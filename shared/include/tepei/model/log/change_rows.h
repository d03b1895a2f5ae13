#pragma once
// A change as SQLite rows hold it: the nine columns (id, author, site, hlc_wall, hlc_counter,
// record_kind, record_id, op, payload) that the change log and the client's outbox both keep, and
// a verdict in four (accepted, reason_code, reason_zh, reason_en). Written once, read once, here.

#include <optional>
#include <string_view>
#include <tepei/model/fold/record.h>
#include <tepei/model/log/sqlite.h>
#include <tepei/sync/change.h>

namespace tepei::model::sqlite {

// The nine column names, comma-separated, in their order.
inline constexpr std::string_view kChangeColumns =
    "id, author, site, hlc_wall, hlc_counter, record_kind, record_id, op, payload";

// The payload's JSON text, written by the protocol's writer; a buffer reused by the thread, valid
// until the next call on it.
std::string_view payloadText(const sync::Change& change);

// Binds the nine change columns starting at index first; the payload as payloadJson when given.
void bindChange(Statement& stmt, int first, const sync::Change& change, std::string_view payloadJson = {});
// Binds a verdict's four columns starting at index first.
void bindVerdict(Statement& stmt, int first, const Verdict& verdict);

// The verdict in the four columns starting at `first`; nullopt while the change has not been
// folded (accepted is NULL).
std::optional<Verdict> readVerdict(const Statement& stmt, int first);
// A change's columns starting at `first`, all but the payload. Errors: storage_corrupt.
Result<sync::Change> readEnvelope(const Statement& stmt, int first);
// The nine change columns starting at `first`. Errors: storage_corrupt.
Result<sync::Change> readChange(const Statement& stmt, int first);

// The error for a damaged row.
Error corrupt(const std::string& what);

} // namespace tepei::model::sqlite

#include <tepei/model/log/change_rows.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/ids.h>

namespace tepei::model::sqlite {

Error corrupt(const std::string& what)
{
    return Error{"storage_corrupt",
                 "the stored change log is damaged (" + what +
                     "); restore the data directory from a backup or sync a fresh replica",
                 {}};
}

std::string_view payloadText(const sync::Change& change)
{
    // web::json's serialize() is several times slower than the protocol's writer.
    thread_local std::string text;
    text.clear();
    sync::appendJson(text, change.payload);
    return text;
}

void bindChange(Statement& stmt, int first, const sync::Change& change, std::string_view payloadJson)
{
    stmt.bind(first, sync::toString(change.id))
        .bind(first + 1, change.author)
        .bind(first + 2, change.site)
        .bind(first + 3, change.hlc.wallMs)
        .bind(first + 4, static_cast<std::int64_t>(change.hlc.counter))
        .bind(first + 5, change.recordKind)
        .bind(first + 6, change.recordId)
        .bind(first + 7, std::string_view(sync::toString(change.op)))
        .bind(first + 8, payloadJson.empty() ? payloadText(change) : payloadJson);
}

void bindVerdict(Statement& stmt, int first, const Verdict& verdict)
{
    stmt.bind(first, static_cast<std::int64_t>(verdict.accepted))
        .bind(first + 1, verdict.reason.code)
        .bind(first + 2, verdict.reason.zh)
        .bind(first + 3, verdict.reason.en);
}

std::optional<Verdict> readVerdict(const Statement& stmt, int first)
{
    if (stmt.columnIsNull(first))
        return std::nullopt;
    return Verdict{stmt.columnInt(first) != 0, Reason{stmt.columnText(first + 1), stmt.columnText(first + 2),
                                                      stmt.columnText(first + 3)}};
}

Result<sync::Change> readEnvelope(const Statement& stmt, int first)
{
    sync::Change change;
    auto id = sync::parseUuid(stmt.columnTextView(first));
    if (!id)
        return corrupt("change id");
    change.id = *id;
    change.author = stmt.columnText(first + 1);
    change.site = stmt.columnText(first + 2);
    change.hlc.wallMs = stmt.columnInt(first + 3);
    change.hlc.counter = static_cast<std::uint32_t>(stmt.columnInt(first + 4));
    change.recordKind = stmt.columnText(first + 5);
    change.recordId = stmt.columnText(first + 6);
    const auto op = sync::changeOpFromString(stmt.columnTextView(first + 7));
    if (!op)
        return corrupt("change op");
    change.op = *op;
    return change;
}

Result<sync::Change> readChange(const Statement& stmt, int first)
{
    auto change = readEnvelope(stmt, first);
    if (!change)
        return change;
    auto payload = sync::parseJson(stmt.columnTextView(first + 8));
    if (!payload || !payload->is_object())
        return corrupt("change payload");
    change->payload = std::move(payload).value();
    return change;
}

} // namespace tepei::model::sqlite

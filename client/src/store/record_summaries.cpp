#include <set>
#include <tepei/client/store/record_summaries.h>
#include <tepei/model/kinds/application/application_kind.h>

namespace tepei::client {

namespace {

std::string whereClause(const RecordFilter& filter)
{
    std::string where = " WHERE kind = ?";
    if (!filter.states.empty()) {
        where += " AND state IN (";
        for (std::size_t i = 0; i < filter.states.size(); ++i)
            where += i == 0 ? "?" : ",?";
        where += ")";
    }
    if (!filter.owner.empty())
        where += " AND owner = ?";
    if (!filter.unitCode.empty())
        where += " AND unit_code = ?";
    if (!filter.authority.empty())
        where += " AND authority = ?";
    if (!filter.nameContains.empty())
        where += " AND instr(name, ?) > 0";
    return where;
}

const char* orderClause(RecordFilter::Order order)
{
    switch (order) {
    case RecordFilter::Order::Name:
        return " ORDER BY name, id";
    case RecordFilter::Order::Recent:
        return " ORDER BY last_seq DESC, id";
    case RecordFilter::Order::Id:
        break;
    }
    return " ORDER BY id";
}

} // namespace

Status<> RecordSummaries::open()
{
    static const std::vector<std::string_view> migrations{R"sql(
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    owner TEXT NOT NULL,
    campaign TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    authority TEXT NOT NULL,
    name TEXT NOT NULL,
    last_seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS records_kind ON records(kind, id);)sql"};
    return model::sqlite::migrateComponent(m_db, "summaries", migrations,
                                           1); // 1: files of the combined schema
}

Status<> RecordSummaries::write(const model::Fold& state, const std::vector<std::string>& recordIds)
{
    auto upsert = m_db.cached("INSERT OR REPLACE INTO records (id, kind, state, owner, campaign, unit_code, "
                              "authority, name, last_seq) VALUES (?,?,?,?,?,?,?,?,?)");
    if (!upsert)
        return upsert.error();
    const std::set<std::string> unique(recordIds.begin(), recordIds.end());
    for (const std::string& id : unique) {
        const model::Application* app = model::findApplication(state, id);
        if (!app)
            continue;
        (*upsert)
            ->bind(1, app->id)
            .bind(2, std::string_view(model::kKindApplication))
            .bind(3, std::string_view(model::toString(app->state)))
            .bind(4, app->owner)
            .bind(5, app->campaign)
            .bind(6, app->unitCode)
            .bind(7, app->authority())
            .bind(8, app->text("name"))
            .bind(9, app->history.empty() ? 0 : app->history.back().seq);
        if (auto st = (*upsert)->run(); !st)
            return st.error();
    }
    return Ok{};
}

Status<> RecordSummaries::rewriteAll(const model::Fold& state)
{
    std::vector<std::string> all;
    for (const auto& [id, app] : model::applications(state))
        all.push_back(id);
    auto tx = model::sqlite::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    if (auto st = write(state, all); !st)
        return st.error();
    return tx->commit();
}

Result<std::vector<RecordSummary>> RecordSummaries::query(const RecordFilter& filter, int offset,
                                                          int limit) const
{
    const std::string sql = "SELECT id, kind, state, owner, campaign, unit_code, authority, name, last_seq "
                            "FROM records" +
                            whereClause(filter) + orderClause(filter.order) + " LIMIT ? OFFSET ?";
    auto stmt = m_db.cached(sql);
    if (!stmt)
        return stmt.error();
    int index = 1;
    (*stmt)->bind(index++, filter.kind);
    for (const std::string& state : filter.states)
        (*stmt)->bind(index++, state);
    for (const std::string* value :
         {&filter.owner, &filter.unitCode, &filter.authority, &filter.nameContains}) {
        if (!value->empty())
            (*stmt)->bind(index++, *value);
    }
    (*stmt)->bind(index++, static_cast<std::int64_t>(limit));
    (*stmt)->bind(index, static_cast<std::int64_t>(offset));
    std::vector<RecordSummary> rows;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row) {
            (*stmt)->reset();
            return row.error();
        }
        if (!*row)
            break;
        rows.push_back(RecordSummary{(*stmt)->columnText(0), (*stmt)->columnText(1), (*stmt)->columnText(2),
                                     (*stmt)->columnText(3), (*stmt)->columnText(4), (*stmt)->columnText(5),
                                     (*stmt)->columnText(6), (*stmt)->columnText(7), (*stmt)->columnInt(8)});
    }
    (*stmt)->reset();
    return rows;
}

} // namespace tepei::client

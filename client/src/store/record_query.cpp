#include <tepei/client/store/record_query.h>

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

Result<std::vector<model::RecordSummary>> queryRecords(model::ReplicaStore& store, const RecordFilter& filter,
                                                       int offset, int limit)
{
    const std::string sql = "SELECT id, kind, state, owner, campaign, unit_code, authority, name, last_seq "
                            "FROM records" +
                            whereClause(filter) + orderClause(filter.order) + " LIMIT ? OFFSET ?";
    auto stmt = store.database().cached(sql);
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
    std::vector<model::RecordSummary> rows;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row) {
            (*stmt)->reset();
            return row.error();
        }
        if (!*row)
            break;
        rows.push_back(
            model::RecordSummary{(*stmt)->columnText(0), (*stmt)->columnText(1), (*stmt)->columnText(2),
                                 (*stmt)->columnText(3), (*stmt)->columnText(4), (*stmt)->columnText(5),
                                 (*stmt)->columnText(6), (*stmt)->columnText(7), (*stmt)->columnInt(8)});
    }
    (*stmt)->reset();
    return rows;
}

std::vector<std::string> campaignIds(model::ReplicaStore& store)
{
    std::vector<std::string> ids;
    auto stmt = store.database().cached(
        "SELECT DISTINCT record_id FROM changes WHERE record_kind = 'campaign' ORDER BY record_id");
    if (!stmt)
        return ids;
    for (auto row = (*stmt)->step(); row && *row; row = (*stmt)->step())
        ids.push_back((*stmt)->columnText(0));
    (*stmt)->reset();
    return ids;
}

} // namespace tepei::client

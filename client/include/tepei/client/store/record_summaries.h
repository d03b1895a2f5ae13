#pragma once
// RecordSummaries: the `records` table of a client replica, one row per record of its confirmed
// state (what list views read without folding), rewritten for the records each page or local
// change touches; and filtered, sorted pages of it, so that a list's memory does not grow with
// the length of the list.
//
// Thread safety: under the replica's lock (ClientReplica::withStore).

#include <string>
#include <tepei/model/fold/fold.h>
#include <tepei/model/log/sqlite.h>
#include <vector>

namespace tepei::client {

// A row of the table.
struct RecordSummary {
    std::string id;
    std::string kind;
    std::string state;
    std::string owner;
    std::string campaign;
    std::string unitCode;
    std::string authority;
    std::string name; // applicant's name, for lists
    std::int64_t lastSeq = 0;
};

struct RecordFilter {
    enum class Order {
        Id,     // stable
        Name,   // applicant's name, then id
        Recent, // last confirmed change first
    };
    std::string kind = "application";
    std::vector<std::string> states; // confirmed states to keep (model::toString(AppState)); empty: all
    std::string owner;               // empty: any
    std::string unitCode;            // empty: any
    std::string authority;           // empty: any
    std::string nameContains;        // empty: any
    Order order = Order::Id;
};

class RecordSummaries {
public:
    explicit RecordSummaries(model::sqlite::Database& db) : m_db(db) {}
    // Creates the table if needed.
    Status<> open();
    // Rewrites the rows of these records from the state (in the caller's transaction).
    Status<> write(const model::Fold& state, const std::vector<std::string>& recordIds);
    // Rewrites every row, so that a table written by older rules heals.
    Status<> rewriteAll(const model::Fold& state);
    // Rows [offset, offset + limit) of the records matching the filter, in its order.
    Result<std::vector<RecordSummary>> query(const RecordFilter& filter, int offset, int limit) const;

private:
    model::sqlite::Database& m_db;
};

} // namespace tepei::client

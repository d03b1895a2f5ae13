#pragma once
// Filtered, sorted pages of the store's derived-state table (the `records` table that
// ReplicaStore::records() pages by id). List views use it to show large lists a page at a time,
// so their memory does not grow with the length of the list.
//
// Thread safety: call under ClientReplica::withStore (the store's lock).

#include <string>
#include <tepei/model/log/store.h>
#include <vector>

namespace tepei::client {

struct RecordFilter {
    enum class Order {
        Id,     // stable, the order ReplicaStore::records() uses
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

// Rows [offset, offset + limit) of the records matching the filter, in its order.
// Errors: storage errors.
Result<std::vector<model::RecordSummary>> queryRecords(model::ReplicaStore& store, const RecordFilter& filter,
                                                       int offset, int limit);

// Ids of the campaign records this replica holds (pulled from the server), in id order.
std::vector<std::string> campaignIds(model::ReplicaStore& store);

} // namespace tepei::client

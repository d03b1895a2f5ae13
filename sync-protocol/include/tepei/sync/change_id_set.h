#pragma once
// A set of change ids for "a change applied twice is applied once": open addressing in one flat
// array with linear probing, so that remembering 100,000 ids costs one allocation per doubling
// and a lookup touches one cache line (std::unordered_set costs a node and a division each).
// Ids are random (version 4) UUIDs, so their first 8 bytes already hash evenly. No erase: a
// replica never forgets a change it has folded.

#include <cstddef>
#include <cstdint>
#include <tepei/sync/ids.h>
#include <vector>

namespace tepei::sync {

class ChangeIdSet {
public:
    // Adds id; false if it was there already.
    bool insert(const ChangeId& id);
    bool contains(const ChangeId& id) const;
    std::size_t size() const { return m_size; }
    // Makes room for n ids without growing again.
    void reserve(std::size_t n);

private:
    std::size_t slotOf(const ChangeId& id) const;
    void grow(std::size_t capacity);

    std::vector<ChangeId> m_slots; // nil uuid = empty slot
    std::size_t m_size = 0;
    bool m_hasNil = false; // the nil uuid itself, which cannot mark a slot
};

} // namespace tepei::sync

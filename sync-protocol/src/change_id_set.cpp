#include <algorithm>
#include <cstring>
#include <tepei/sync/change_id_set.h>

namespace tepei::sync {

namespace {

constexpr std::size_t kMinCapacity = 64;

bool isNil(const ChangeId& id)
{
    return id.is_nil();
}

} // namespace

std::size_t ChangeIdSet::slotOf(const ChangeId& id) const
{
    std::uint64_t head = 0;
    std::memcpy(&head, id.data, sizeof head);
    head *= 0x9E3779B97F4A7C15ULL; // also spreads ids that are not random
    const std::size_t mask = m_slots.size() - 1;
    std::size_t slot = static_cast<std::size_t>(head >> 16) & mask;
    while (!isNil(m_slots[slot]) && m_slots[slot] != id)
        slot = (slot + 1) & mask;
    return slot;
}

bool ChangeIdSet::contains(const ChangeId& id) const
{
    if (isNil(id))
        return m_hasNil;
    return !m_slots.empty() && !isNil(m_slots[slotOf(id)]);
}

bool ChangeIdSet::insert(const ChangeId& id)
{
    if (isNil(id)) {
        if (m_hasNil)
            return false;
        m_hasNil = true;
        ++m_size;
        return true;
    }
    // At most half full: probes stay short.
    if (2 * (m_size + 1) > m_slots.size())
        grow(std::max(kMinCapacity, 4 * m_slots.size())); // fewer rehashes of a growing log
    const std::size_t slot = slotOf(id);
    if (!isNil(m_slots[slot]))
        return false;
    m_slots[slot] = id;
    ++m_size;
    return true;
}

void ChangeIdSet::reserve(std::size_t n)
{
    std::size_t capacity = kMinCapacity;
    while (capacity < 2 * n)
        capacity *= 2;
    if (capacity > m_slots.size())
        grow(capacity);
}

void ChangeIdSet::grow(std::size_t capacity)
{
    std::vector<ChangeId> old(capacity, ChangeId{});
    old.swap(m_slots);
    for (const ChangeId& id : old) {
        if (!isNil(id))
            m_slots[slotOf(id)] = id;
    }
}

} // namespace tepei::sync

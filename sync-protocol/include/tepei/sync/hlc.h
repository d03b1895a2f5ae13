#pragma once
// Hybrid logical clock (Kulkarni, Demirbas et al., "Logical Physical Clocks", 2014): timestamps
// that follow physical time closely, never go backwards on a site, and order every causally
// related pair of events. Ties between sites break on the site id, giving a total order.

#include <compare>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <tepei/sync/result.h>

namespace tepei::sync {

struct Hlc {
    std::int64_t wallMs = 0;   // milliseconds since the Unix epoch, UTC
    std::uint32_t counter = 0; // logical counter within one wallMs

    auto operator<=>(const Hlc&) const = default;
    bool operator==(const Hlc&) const = default;
};

// "<wallMs>.<counter>", e.g. "1710892800000.3"; the wire form.
std::string toString(const Hlc& hlc);
Result<Hlc> parseHlc(std::string_view text);

// Source of physical time in milliseconds since the epoch. Passed in so tests control time.
using WallClock = std::function<std::int64_t()>;
WallClock systemWallClock();

// One site's clock. Thread-safe.
class HlcClock {
public:
    // maxDriftMs: how far ahead of the local physical clock a remote time may be before update()
    // refuses it (a device with a wrong clock must not drag every replica's clock forward).
    explicit HlcClock(WallClock wall, std::int64_t maxDriftMs = 5 * 60 * 1000);

    // A timestamp for a local event, greater than every timestamp this clock produced or saw.
    Hlc now();

    // Merges a timestamp received from another site. Refuses, with code "clock_ahead" and without
    // changing the clock, a remote time more than maxDriftMs ahead of local physical time.
    Result<Hlc> update(const Hlc& remote);

    // Whether the remote time is acceptable (not too far ahead); does not change the clock.
    Status<> check(const Hlc& remote) const;

    Hlc last() const;

    // The physical clock's time now, in ms since the epoch; does not change the clock.
    std::int64_t wallMs() const { return m_wall(); }
    // How far a remote time may be ahead of the physical clock (the constructor's maxDriftMs).
    std::int64_t maxDriftMs() const { return m_maxDriftMs; }

private:
    WallClock m_wall;
    std::int64_t m_maxDriftMs;
    mutable std::mutex m_mutex;
    Hlc m_last;
};

} // namespace tepei::sync

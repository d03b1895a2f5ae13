#include <algorithm>
#include <charconv>
#include <chrono>
#include <tepei/sync/hlc.h>

namespace tepei::sync {

std::string toString(const Hlc& hlc)
{
    return std::to_string(hlc.wallMs) + "." + std::to_string(hlc.counter);
}

Result<Hlc> parseHlc(std::string_view text)
{
    const auto invalid = [&] {
        return Error{"invalid_hlc",
                     "'" + std::string(text.substr(0, 64)) +
                         "' is not a clock time; expected <milliseconds>.<counter>, e.g. 1710892800000.3",
                     {}};
    };
    const auto dot = text.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= text.size())
        return invalid();
    Hlc hlc;
    const char* begin = text.data();
    auto [p1, e1] = std::from_chars(begin, begin + dot, hlc.wallMs);
    if (e1 != std::errc{} || p1 != begin + dot || hlc.wallMs < 0)
        return invalid();
    auto [p2, e2] = std::from_chars(begin + dot + 1, begin + text.size(), hlc.counter);
    if (e2 != std::errc{} || p2 != begin + text.size())
        return invalid();
    return hlc;
}

WallClock systemWallClock()
{
    return [] {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    };
}

HlcClock::HlcClock(WallClock wall, std::int64_t maxDriftMs)
    : m_wall(std::move(wall)), m_maxDriftMs(maxDriftMs)
{}

Hlc HlcClock::now()
{
    const std::int64_t physical = m_wall();
    std::lock_guard lock(m_mutex);
    if (physical > m_last.wallMs) {
        m_last = Hlc{physical, 0};
    } else {
        ++m_last.counter;
    }
    return m_last;
}

Status<> HlcClock::check(const Hlc& remote) const
{
    const std::int64_t physical = m_wall();
    if (remote.wallMs > physical + m_maxDriftMs) {
        return Error{
            "clock_ahead",
            "the change's clock time " + toString(remote) + " is " +
                std::to_string((remote.wallMs - physical) / 1000) +
                " s ahead of this machine's clock; correct the device's date and time, then sync again",
            "hlc"};
    }
    return Ok{};
}

Result<Hlc> HlcClock::update(const Hlc& remote)
{
    if (auto checked = check(remote); !checked)
        return checked.error();
    const std::int64_t physical = m_wall();
    std::lock_guard lock(m_mutex);
    const std::int64_t wall = std::max({physical, m_last.wallMs, remote.wallMs});
    std::uint32_t counter = 0;
    if (wall == m_last.wallMs && wall == remote.wallMs) {
        counter = std::max(m_last.counter, remote.counter) + 1;
    } else if (wall == m_last.wallMs) {
        counter = m_last.counter + 1;
    } else if (wall == remote.wallMs) {
        counter = remote.counter + 1;
    }
    m_last = Hlc{wall, counter};
    return m_last;
}

Hlc HlcClock::last() const
{
    std::lock_guard lock(m_mutex);
    return m_last;
}

} // namespace tepei::sync

#include <tepei/model/kinds/registry.h>
#include <tepei/model/rules/deadline.h>
#include <tepei/server/access/authorize.h>

namespace tepei::server {

namespace {

// R-APP-7: a device's clock may not go backwards at the server. A change dated before the latest
// one the log holds from the same device, by more than the clock's drift, would let a device that
// set its clock back pass a deadline as if it had acted before it.
Status<> checkNotBehind(const sync::Change& change, const model::Fold& state, const sync::HlcClock& clock)
{
    const auto latest = state.latestOf(change.site);
    if (!latest || change.hlc.wallMs >= latest->wallMs - clock.maxDriftMs())
        return Ok{};
    const std::string made = model::chinaTimeText(change.hlc.wallMs);
    const std::string before = model::chinaTimeText(latest->wallMs);
    return Error{"clock_behind",
                 "the change is dated " + made + " (China time), earlier than this device's change of " +
                     before +
                     " that the server already has: the device's clock went backwards. Correct the device's "
                     "date and time, then make the change again / 本机时间（" +
                     made + "）早于本机此前已上传的更改（" + before +
                     "），本机时钟被调慢：请校正本机日期和时间后重新办理",
                 "hlc"};
}

} // namespace

Status<> authorize(const Principal& p, const sync::Change& change, const model::Fold& state,
                   const sync::HlcClock& clock, const model::ContentCheck* ahead)
{
    if (change.author != p.userId) {
        return Error{"forged_author",
                     "the change names author '" + change.author + "' but you are signed in as '" + p.userId +
                         "'; changes can only be pushed by the person who made them",
                     "by"};
    }
    if (!p.site.empty() && change.site != p.site) {
        return Error{"site_mismatch",
                     "the change was made on device " + change.site + " but this session belongs to device " +
                         p.site + "; sign in on the device that made it",
                     "site"};
    }
    if (auto inTime = clock.check(change.hlc); !inTime)
        return inTime.error();
    if (auto behind = checkNotBehind(change, state, clock); !behind)
        return behind.error();
    const model::RecordKind* kind = model::findKind(change.recordKind);
    if (!kind) {
        return Error{"unknown_kind",
                     "records of kind '" + change.recordKind + "' are not kept by this server", "kind"};
    }
    return kind->authorize(p, change, state, ahead);
}

} // namespace tepei::server

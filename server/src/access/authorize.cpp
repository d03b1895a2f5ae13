#include <tepei/model/kinds/registry.h>
#include <tepei/server/access/authorize.h>

namespace tepei::server {

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
    const model::RecordKind* kind = model::findKind(change.recordKind);
    if (!kind) {
        return Error{"unknown_kind",
                     "records of kind '" + change.recordKind + "' are not kept by this server", "kind"};
    }
    return kind->authorize(p, change, state, ahead);
}

} // namespace tepei::server

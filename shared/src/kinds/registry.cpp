#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/assessment/assessment_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/follow_up/follow_up_kind.h>
#include <tepei/model/kinds/funding/disbursement_kind.h>
#include <tepei/model/kinds/leave/leave_kind.h>
#include <tepei/model/kinds/registry.h>

namespace tepei::model {

const std::vector<const RecordKind*>& recordKinds()
{
    // clang-format off: one line a kind
    static const std::vector<const RecordKind*> kinds{
        &campaignKind(),
        &applicationKind(),
        &leaveKind(),
        &disbursementKind(),
        &followUpKind(),
        &assessmentKind(),
    };
    // clang-format on
    return kinds;
}

} // namespace tepei::model

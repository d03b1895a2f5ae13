// This test program's registry: the product's kinds and the test's own note kind, one line each
// (the product's is shared/src/kinds/registry.cpp).
#include "note/note_kind.h"

#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/registry.h>

namespace tepei::model {

const std::vector<const RecordKind*>& recordKinds()
{
    static const std::vector<const RecordKind*> kinds{
        &campaignKind(),
        &applicationKind(),
        &test::noteKind(),
    };
    return kinds;
}

} // namespace tepei::model

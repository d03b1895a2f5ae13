#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/registry.h>

namespace tepei::model {

const std::vector<const RecordKind*>& recordKinds()
{
    static const std::vector<const RecordKind*> kinds{
        &campaignKind(),
        &applicationKind(),
    };
    return kinds;
}

std::size_t kindIndex(std::string_view name)
{
    const auto& kinds = recordKinds();
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (name == kinds[i]->name())
            return i;
    }
    return kNoKind;
}

const RecordKind* findKind(std::string_view name)
{
    const std::size_t index = kindIndex(name);
    return index == kNoKind ? nullptr : recordKinds()[index];
}

} // namespace tepei::model

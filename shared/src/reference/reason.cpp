#include <tepei/model/reference/reason.h>
#include <utility>

namespace tepei::model {

tepei::Error toError(const Reason& reason, std::string field)
{
    return tepei::Error{reason.code, reason.en, std::move(field)};
}

} // namespace tepei::model

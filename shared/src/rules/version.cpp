#include <tepei/model/rules/version.h>

namespace tepei::model {

const char* productVersion()
{
    return "0.1.0";
}

int rulesVersion()
{
    return 1;
}

} // namespace tepei::model

#include <tepei/sync/change.h>

namespace tepei::sync {

const char* toString(ChangeOp op)
{
    switch (op) {
    case ChangeOp::Set:
        return "set";
    case ChangeOp::Command:
        return "command";
    }
    return "unknown";
}

std::optional<ChangeOp> changeOpFromString(std::string_view text)
{
    if (text == "set")
        return ChangeOp::Set;
    if (text == "command")
        return ChangeOp::Command;
    return std::nullopt;
}

} // namespace tepei::sync

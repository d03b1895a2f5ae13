#pragma once
// How printed forms name what the records hold by code or id: organisations by their name,
// people by name and organisation (the directory), the code itself when nothing better is known.

#include <QString>
#include <functional>
#include <string>

namespace tepei::qt {

using PrintedName = std::function<QString(const std::string& codeOrId)>;

} // namespace tepei::qt

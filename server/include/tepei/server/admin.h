#pragma once
// tepei-admin: offline administration of a data directory (the server may be running; SQLite WAL
// lets both write). Commands are a table (admin.cpp) so that later ones (demo, campaign) are one
// entry each.

#include <iosfwd>
#include <string>
#include <vector>

namespace tepei::server {

// Runs `tepei-admin <args>`; output to `out`, errors to `err`. Returns the exit code: 0 ok,
// 1 the command failed, 2 bad arguments. Passwords come from --password or TEPEI_PASSWORD.
int adminMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace tepei::server

#pragma once
// tepei-admin: offline administration of a data directory. Account commands (init, org, user) may
// run beside a running server (SQLite WAL lets both write tepei.db); commands that append to the
// change log (campaign add, demo) need the server stopped: the log has one writer (log_lock.h).
// Commands are a table (admin.cpp); campaign and demo commands are admin_campaign.cpp and
// admin_demo.cpp.

#include <iosfwd>
#include <string>
#include <vector>

namespace tepei::server {

// Runs `tepei-admin <args>`; output to `out`, errors to `err`. Returns the exit code: 0 ok,
// 1 the command failed, 2 bad arguments. Passwords come from --password or TEPEI_PASSWORD.
int adminMain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace tepei::server

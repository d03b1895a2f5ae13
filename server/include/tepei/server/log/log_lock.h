#pragma once
// The change log has one writer process at a time: tepei-server folds the log in memory and
// numbers new changes from it, so a second process appending to <data>/records.db behind its back
// would fork the sequence. An exclusive advisory lock (flock) on <data>/records.lock enforces
// this: tepei-server holds it while it runs, tepei-admin holds it while it appends (campaigns,
// demo data). The operating system releases it when the process ends, even on a crash.

#include <filesystem>
#include <tepei/sync/result.h>

namespace tepei::server {

class LogLock {
public:
    // Takes the lock without waiting. Errors: "log_busy" (another process holds it: a running
    // tepei-server, or another tepei-admin), "storage_error" (the lock file cannot be created).
    static Result<LogLock> acquire(const std::filesystem::path& dataDir);

    LogLock(LogLock&& other) noexcept;
    LogLock& operator=(LogLock&& other) noexcept;
    LogLock(const LogLock&) = delete;
    LogLock& operator=(const LogLock&) = delete;
    ~LogLock(); // releases the lock

private:
    explicit LogLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace tepei::server

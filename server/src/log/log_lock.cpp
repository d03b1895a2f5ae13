#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <tepei/server/log/log_lock.h>
#include <unistd.h>
#include <utility>

namespace tepei::server {

Result<LogLock> LogLock::acquire(const std::filesystem::path& dataDir)
{
    const auto path = dataDir / "records.lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        return Error{"storage_error",
                     "cannot create the lock file " + path.string() + ": " + std::strerror(errno) +
                         "; check that the data directory exists and is writable",
                     "--data"};
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return Error{"log_busy",
                     "another process holds the change log in " + dataDir.string() +
                         " (a running tepei-server, or a tepei-admin command still at work); stop that "
                         "server (e.g. systemctl stop tepei-server) or wait for the command, then try again",
                     "--data"};
    }
    return LogLock(fd);
}

LogLock::LogLock(LogLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

LogLock& LogLock::operator=(LogLock&& other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

LogLock::~LogLock()
{
    if (m_fd >= 0) {
        ::close(m_fd); // closing the descriptor releases the flock
    }
}

} // namespace tepei::server

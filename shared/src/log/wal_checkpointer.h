#pragma once
// Internal to SqliteChangeLog: the thread that checkpoints its write-ahead log.

#include <condition_variable>
#include <memory>
#include <mutex>
#include <tepei/model/log/sqlite_change_log.h>
#include <thread>

namespace tepei::model {

// Copies the write-ahead log into the database file on a thread and connection of its own. SQLite
// would otherwise do it inside the commit that crosses its threshold: that commit would wait for
// the whole write-ahead log to be copied and synced. A passive checkpoint never blocks the writer.
class SqliteChangeLog::Checkpointer {
public:
    explicit Checkpointer(std::unique_ptr<sqlite::Database> db)
        : m_db(std::move(db)), m_thread([this] { run(); })
    {}
    ~Checkpointer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }

    // The write-ahead log has grown past the threshold: checkpoint soon.
    void poke()
    {
        {
            std::lock_guard lock(m_mutex);
            m_poked = true;
        }
        m_wake.notify_one();
    }

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_stop || m_poked; });
            if (m_stop)
                return;
            m_poked = false;
            lock.unlock();
            // One that fails (the disk is full, say) is tried again after the next commit;
            // meanwhile every commit is still durable in the write-ahead log.
            (void)m_db->exec("PRAGMA wal_checkpoint(PASSIVE)");
            lock.lock();
        }
    }

    std::unique_ptr<sqlite::Database> m_db;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_poked = false;
    bool m_stop = false;
    std::thread m_thread; // last: starts once everything above is ready
};

} // namespace tepei::model

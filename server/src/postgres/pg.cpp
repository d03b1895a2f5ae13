#include <cstdlib>
#include <libpq-fe.h>
#include <tepei/server/postgres/pg.h>

namespace tepei::server::pg {

namespace {

constexpr std::string_view kAdvice =
    "; check that the PostgreSQL server is running and reachable and that the --store URL is right";

Error storageError(std::string message, std::string sqlState = {})
{
    // The SQLSTATE rides in `field`, for sqlState(); it names no input field here.
    return Error{"storage_error", std::move(message), sqlState.empty() ? "" : "sqlstate:" + sqlState};
}

std::string trimmed(const char* text)
{
    std::string s = text ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

} // namespace

bool isUrl(std::string_view store)
{
    return store.rfind("postgresql://", 0) == 0 || store.rfind("postgres://", 0) == 0;
}

std::string redacted(std::string_view url)
{
    const auto scheme = url.find("://");
    const auto at = url.find('@');
    if (scheme == std::string_view::npos || at == std::string_view::npos || at < scheme)
        return std::string(url);
    const auto colon = url.find(':', scheme + 3);
    if (colon == std::string_view::npos || colon > at)
        return std::string(url);
    return std::string(url.substr(0, colon)) + ":***" + std::string(url.substr(at));
}

std::string sqlState(const Error& error)
{
    constexpr std::string_view prefix = "sqlstate:";
    return error.field.rfind(prefix, 0) == 0 ? error.field.substr(prefix.size()) : std::string();
}

Rows::Rows(pg_result* result) : m_result(result) {}
Rows::Rows(Rows&& other) noexcept : m_result(std::exchange(other.m_result, nullptr)) {}
Rows& Rows::operator=(Rows&& other) noexcept
{
    if (this != &other) {
        if (m_result)
            PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
    }
    return *this;
}
Rows::~Rows()
{
    if (m_result)
        PQclear(m_result);
}

int Rows::size() const
{
    return m_result ? PQntuples(m_result) : 0;
}

bool Rows::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

std::string_view Rows::text(int row, int column) const
{
    return {PQgetvalue(m_result, row, column), static_cast<std::size_t>(PQgetlength(m_result, row, column))};
}

std::int64_t Rows::integer(int row, int column) const
{
    return std::strtoll(PQgetvalue(m_result, row, column), nullptr, 10);
}

bool Rows::boolean(int row, int column) const
{
    return PQgetvalue(m_result, row, column)[0] == 't';
}

std::int64_t Rows::affected() const
{
    const char* n = m_result ? PQcmdTuples(m_result) : "";
    return *n ? std::strtoll(n, nullptr, 10) : 0;
}

Result<std::unique_ptr<Connection>> Connection::open(const std::string& url)
{
    pg_conn* conn = PQconnectdb(url.c_str());
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        const std::string why = conn ? trimmed(PQerrorMessage(conn)) : "out of memory";
        if (conn)
            PQfinish(conn);
        return Error{"storage_open_failed",
                     "cannot connect to the PostgreSQL database " + redacted(url) + ": " + why +
                         std::string(kAdvice),
                     "--store"};
    }
    setUpSession(conn);
    return std::unique_ptr<Connection>(new Connection(conn, url));
}

void Connection::setUpSession(pg_conn* conn)
{
    // Quiet NOTICEs (CREATE TABLE IF NOT EXISTS ...); errors still come back as results.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    // Statements are prepared once (parsed once) but planned for their parameters each time: a
    // generic plan of "seq > $1" or "id = ANY($1)" may scan the whole log.
    if (pg_result* set = PQexec(conn, "SET plan_cache_mode = force_custom_plan"))
        PQclear(set);
}

bool Connection::reopen()
{
    PQreset(m_conn);
    m_prepared.clear(); // a new session on the server: nothing is prepared there
    if (PQstatus(m_conn) != CONNECTION_OK)
        return false;
    setUpSession(m_conn);
    return true;
}

Connection::~Connection()
{
    PQfinish(m_conn);
}

Error Connection::lastError(std::string_view what) const
{
    return storageError(std::string(what) + " failed in PostgreSQL (" + redacted(m_url) +
                        "): " + trimmed(PQerrorMessage(m_conn)) + std::string(kAdvice));
}

bool Connection::reconnected(bool wasIdle, pg_result*& failed)
{
    const ExecStatusType status = failed ? PQresultStatus(failed) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || !wasIdle ||
        PQstatus(m_conn) != CONNECTION_BAD)
        return false;
    // The connection died (the database server restarted, or a standby was promoted): open it
    // again and send the statement once more. Outside a transaction only, where nothing of ours
    // was pending on the lost connection.
    if (failed)
        PQclear(failed);
    failed = nullptr;
    return reopen();
}

const std::string* Connection::prepared(const std::string& sql, int params, pg_result*& failed)
{
    if (auto it = m_prepared.find(sql); it != m_prepared.end())
        return &it->second;
    std::string name = "tepei_" + std::to_string(m_prepared.size() + 1);
    pg_result* result = PQprepare(m_conn, name.c_str(), sql.c_str(), params, nullptr);
    if (!result || PQresultStatus(result) != PGRES_COMMAND_OK) {
        failed = result;
        return nullptr;
    }
    PQclear(result);
    return &m_prepared.emplace(sql, std::move(name)).first->second;
}

Result<Rows> Connection::exec(std::string_view sql, const std::vector<Param>& params, bool binaryResults)
{
    // libpq sends a text parameter up to its first NUL byte: refuse it rather than store less.
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (!params[i].binary && params[i].value && params[i].value->find('\0') != std::string::npos)
            return storageError("parameter $" + std::to_string(i + 1) +
                                    " of a query holds a NUL byte, which PostgreSQL text cannot hold",
                                std::string(kCharacterNotInRepertoire));
    }
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    values.reserve(params.size());
    for (const Param& p : params) {
        values.push_back(p.value ? p.value->data() : nullptr);
        lengths.push_back(p.value ? static_cast<int>(p.value->size()) : 0);
        formats.push_back(p.binary ? 1 : 0);
    }
    const std::string text(sql);
    const int count = static_cast<int>(params.size());
    const auto send = [&]() -> pg_result* {
        pg_result* failed = nullptr;
        const std::string* name = prepared(text, count, failed);
        if (!name)
            return failed;
        return PQexecPrepared(m_conn, name->c_str(), count, values.data(), lengths.data(), formats.data(),
                              binaryResults ? 1 : 0);
    };
    const bool idle = PQtransactionStatus(m_conn) == PQTRANS_IDLE;
    pg_result* result = send();
    if (reconnected(idle, result))
        result = send();
    if (auto failed = failure(result, "a query"))
        return *failed;
    return Rows(result);
}

std::optional<Error> Connection::failure(pg_result* result, std::string_view what) const
{
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return std::nullopt;
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    Error error = storageError(std::string(what) + " failed in PostgreSQL (" + redacted(m_url) + "): " +
                                   trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn)) +
                                   std::string(kAdvice),
                               state ? state : "");
    if (result)
        PQclear(result);
    return error;
}

Status<> Connection::run(std::string_view sql)
{
    const std::string text(sql);
    const bool idle = PQtransactionStatus(m_conn) == PQTRANS_IDLE;
    pg_result* result = PQexec(m_conn, text.c_str());
    if (reconnected(idle, result))
        result = PQexec(m_conn, text.c_str());
    if (auto failed = failure(result, "a statement"))
        return *failed;
    PQclear(result);
    return Ok{};
}

Status<> Connection::copyIn(std::string_view copySql, std::string_view data)
{
    const std::string text(copySql);
    pg_result* start = PQexec(m_conn, text.c_str());
    const bool copying = start && PQresultStatus(start) == PGRES_COPY_IN;
    if (start)
        PQclear(start);
    if (!copying)
        return lastError("starting COPY");
    if (PQputCopyData(m_conn, data.data(), static_cast<int>(data.size())) != 1 ||
        PQputCopyEnd(m_conn, nullptr) != 1)
        return lastError("sending COPY rows");
    Status<> outcome = Ok{};
    while (pg_result* result = PQgetResult(m_conn)) {
        if (auto failed = failure(result, "COPY")) {
            if (outcome)
                outcome = *failed; // the first error; the rest follow from it
        } else {
            PQclear(result);
        }
    }
    return outcome;
}

bool Connection::healthy()
{
    if (PQstatus(m_conn) == CONNECTION_OK)
        return true;
    return reopen();
}

void copyField(std::string& line, std::string_view value)
{
    for (char c : value) {
        switch (c) {
        case '\\':
            line += "\\\\";
            break;
        case '\t':
            line += "\\t";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        default:
            line += c;
        }
    }
}

Result<Transaction> Transaction::begin(Connection& conn)
{
    if (auto st = conn.run("BEGIN"); !st)
        return st.error();
    return Transaction(&conn);
}

Transaction::~Transaction()
{
    if (m_conn)
        (void)m_conn->run("ROLLBACK");
}

Status<> Transaction::commit()
{
    Connection* conn = std::exchange(m_conn, nullptr);
    return conn->run("COMMIT");
}

Result<std::unique_ptr<Pool>> Pool::open(const std::string& url, int size)
{
    auto pool = std::make_unique<Pool>();
    for (int i = 0; i < size; ++i) {
        auto conn = Connection::open(url);
        if (!conn)
            return conn.error();
        pool->m_idle.push_back(std::move(conn).value());
    }
    return pool;
}

Pool::Lease Pool::lease()
{
    std::unique_lock lock(m_mutex);
    m_free.wait(lock, [this] { return !m_idle.empty(); });
    auto conn = std::move(m_idle.back());
    m_idle.pop_back();
    lock.unlock();
    conn->healthy(); // reconnects after a restart of the database server
    return Lease(*this, std::move(conn));
}

Pool::Lease::~Lease()
{
    if (!m_conn)
        return;
    std::lock_guard lock(m_pool->m_mutex);
    m_pool->m_idle.push_back(std::move(m_conn));
    m_pool->m_free.notify_one();
}

Status<> migrate(Connection& conn, std::string_view component,
                 const std::vector<std::string_view>& migrations)
{
    auto tx = Transaction::begin(conn);
    if (!tx)
        return tx.error();
    const std::string name(component);
    if (auto st = conn.exec("SELECT pg_advisory_xact_lock($1)", {kMigrationLock}); !st)
        return st.error();
    if (auto st = conn.run("CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, "
                           "version INTEGER NOT NULL)");
        !st)
        return st.error();
    auto current = conn.exec("SELECT version FROM schema_versions WHERE component = $1", {name});
    if (!current)
        return current.error();
    const int have = current->empty() ? 0 : static_cast<int>(current->integer(0, 0));
    const int target = static_cast<int>(migrations.size());
    if (have > target) {
        return Error{"schema_too_new",
                     "the " + name + " tables have schema version " + std::to_string(have) +
                         " but this program knows only " + std::to_string(target) +
                         "; install the newer Tepei version that wrote them",
                     {}};
    }
    for (int version = have; version < target; ++version) {
        if (auto st = conn.run(migrations[static_cast<std::size_t>(version)]); !st) {
            return Error{"migration_failed",
                         "schema migration " + std::to_string(version + 1) + " of the " + name +
                             " tables failed: " + st.error().message,
                         {}};
        }
    }
    if (have != target) {
        if (auto st = conn.exec("INSERT INTO schema_versions (component, version) VALUES ($1, $2) "
                                "ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version",
                                {name, target});
            !st)
            return st.error();
    }
    return tx->commit();
}

} // namespace tepei::server::pg

#include "server/storage/postgres_connection.h"

#include <map>
#include <variant>

namespace support::server {

std::string PostgresRow::column_text(int index) const {
    const pqxx::field field = m_row[index];
    return field.is_null() ? std::string() : std::string(field.c_str(), field.size());
}

std::int64_t PostgresRow::column_int(int index) const {
    const pqxx::field field = m_row[index];
    return field.is_null() ? 0 : field.as<std::int64_t>();
}

const std::string& PostgresSession::prepared_name(const std::string& sql) {
    // One name per distinct text, shared by every connection of the process.
    static std::mutex names_mutex;
    static std::map<std::string, std::string, std::less<>> names;
    const std::string* name = nullptr;
    {
        std::lock_guard lock(names_mutex);
        auto [found, added] = names.try_emplace(sql, "sw" + std::to_string(names.size() + 1));
        (void)added;
        name = &found->second; // std::map nodes never move
    }
    if (!m_prepared.contains(*name)) {
        m_connection->prepare(*name, sql);
        m_prepared.insert(*name);
    }
    return *name;
}

pqxx::result PostgresSession::exec_with(pqxx::transaction_base& tx, const std::string& sql,
                                        const std::vector<SqlValue>& values) {
    std::vector<std::string> texts;
    texts.reserve(values.size());
    for (const SqlValue& value : values)
        texts.push_back(std::visit(
            [](const auto& v) -> std::string {
                if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>)
                    return v;
                else
                    return std::to_string(v);
            },
            value));
    return tx.exec_prepared(prepared_name(sql), pqxx::prepare::make_dynamic_params(texts));
}

Error postgres_error(std::string_view code, const std::exception& thrown) {
    if (dynamic_cast<const pqxx::broken_connection*>(&thrown))
        return make_error("storage.unavailable",
                          std::string("PostgreSQL cannot be reached: ") + thrown.what());
    std::string message = thrown.what();
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    return make_error(std::string(code), "PostgreSQL: " + message);
}

Result<std::unique_ptr<pqxx::connection>> PostgresPool::connect() const {
    try {
        return std::make_unique<pqxx::connection>(m_url);
    } catch (const std::exception& thrown) {
        std::string reason = thrown.what();
        while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' '))
            reason.pop_back();
        return make_error("storage.open_failed", "could not connect to PostgreSQL: " + reason);
    }
}

Result<std::unique_ptr<PostgresPool>> PostgresPool::open(std::string url, std::size_t size) {
    std::unique_ptr<PostgresPool> pool(new PostgresPool(std::move(url), size == 0 ? 1 : size));
    SW_TRY(auto first, pool->connect());
    pool->m_idle.push_back(std::make_unique<PostgresSession>(std::move(first)));
    pool->m_open = 1;
    return pool;
}

Result<std::unique_ptr<PostgresSession>> PostgresPool::borrow() {
    {
        std::unique_lock lock(m_mutex);
        m_returned.wait(lock, [this] { return !m_idle.empty() || m_open < m_size; });
        if (!m_idle.empty()) {
            auto session = std::move(m_idle.back());
            m_idle.pop_back();
            return session;
        }
        ++m_open; // reserved; given back below when connecting fails
    }
    auto connected = connect();
    if (!connected) {
        give_back(nullptr);
        return make_error("storage.unavailable", connected.error().message);
    }
    return std::make_unique<PostgresSession>(std::move(*connected));
}

void PostgresPool::close_idle() {
    std::vector<std::unique_ptr<PostgresSession>> closing;
    {
        std::lock_guard lock(m_mutex);
        closing.swap(m_idle);
        m_open -= closing.size();
    }
    m_returned.notify_all();
}

void PostgresPool::give_back(std::unique_ptr<PostgresSession> session) {
    {
        std::lock_guard lock(m_mutex);
        if (session)
            m_idle.push_back(std::move(session));
        else
            --m_open;
    }
    m_returned.notify_one();
}

} // namespace support::server

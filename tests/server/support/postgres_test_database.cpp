#include "postgres_test_database.h"

#include <pqxx/pqxx>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <unistd.h>

namespace support::server::test {

namespace {

std::string read_first_line(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

// A cluster this process started, stopped when the process ends.
class OwnCluster {
  public:
    OwnCluster() {
        m_url_file = std::filesystem::temp_directory_path() /
                     ("sw-test-postgres-" + std::to_string(::getpid()) + ".url");
        const std::string command = std::string("'") + SW_SOURCE_DIR +
                                    "/scripts/lib/postgres-cluster' start-temp '" + m_url_file.string() +
                                    "' --fast >/dev/null";
        if (std::system(command.c_str()) != 0)
            throw std::runtime_error("could not start a PostgreSQL cluster for the tests: " + command);
        m_url = read_first_line(m_url_file);
    }
    ~OwnCluster() {
        const std::string command = std::string("'") + SW_SOURCE_DIR +
                                    "/scripts/lib/postgres-cluster' stop-temp '" + m_url_file.string() +
                                    "' >/dev/null 2>&1";
        (void)std::system(command.c_str());
    }
    const std::string& url() const { return m_url; }

  private:
    std::filesystem::path m_url_file;
    std::string m_url;
};

std::string with_database(const std::string& maintenance_url, const std::string& database) {
    // postgresql://user@host:port/postgres[?…] → …/<database>[?…]
    const auto query = maintenance_url.find('?');
    const std::string base = maintenance_url.substr(0, query);
    const std::string rest = query == std::string::npos ? "" : maintenance_url.substr(query);
    return base.substr(0, base.rfind('/') + 1) + database + rest;
}

} // namespace

const std::string& postgres_test_cluster_url() {
    static const std::string url = [] {
        if (const char* given = std::getenv("SW_TEST_POSTGRESQL"); given && *given)
            return std::string(given);
        if (const char* file = std::getenv("SW_TEST_POSTGRESQL_FILE"); file && std::filesystem::exists(file))
            return read_first_line(file);
        static OwnCluster own;
        return own.url();
    }();
    return url;
}

std::string run_postgres_sql(const std::string& url, const std::string& sql) {
    try {
        pqxx::connection connection(url);
        pqxx::nontransaction tx(connection);
        tx.exec(sql);
        return "";
    } catch (const std::exception& thrown) {
        return thrown.what();
    }
}

PostgresTestDatabase::PostgresTestDatabase() {
    static std::atomic<unsigned> counter{0};
    m_name = "sw_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    const std::string& cluster = postgres_test_cluster_url();
    (void)run_postgres_sql(cluster, "DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
    if (const std::string failed = run_postgres_sql(cluster, "CREATE DATABASE " + m_name); !failed.empty())
        throw std::runtime_error("could not create test database " + m_name + ": " + failed);
    m_url = with_database(cluster, m_name);
}

PostgresTestDatabase::~PostgresTestDatabase() {
    (void)run_postgres_sql(postgres_test_cluster_url(),
                           "DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
}

} // namespace support::server::test

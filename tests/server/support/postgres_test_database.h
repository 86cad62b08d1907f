#pragma once
// A PostgreSQL database of its own for one test, created in the test cluster and dropped after.
// The cluster is, in this order: the server SW_TEST_POSTGRESQL names (a maintenance URL), the one
// ctest's postgres_cluster fixture started (its address in the file SW_TEST_POSTGRESQL_FILE
// names), or one this process starts itself (scripts/lib/postgres-cluster, stopped at exit).
// Tests fail, never skip, when none can be had: the PostgreSQL store is tested on every run.

#include <string>

namespace support::server::test {

class PostgresTestDatabase {
  public:
    PostgresTestDatabase();
    ~PostgresTestDatabase();
    PostgresTestDatabase(const PostgresTestDatabase&) = delete;
    PostgresTestDatabase& operator=(const PostgresTestDatabase&) = delete;

    // postgresql://…/<this database>
    const std::string& url() const { return m_url; }
    const std::string& name() const { return m_name; }

  private:
    std::string m_name;
    std::string m_url;
};

// The cluster's maintenance database URL (postgresql://…/postgres).
const std::string& postgres_test_cluster_url();

// Runs SQL on `url`'s database (its rows, if any, unread); the error's text, or "" when it ran.
std::string run_postgres_sql(const std::string& url, const std::string& sql);

} // namespace support::server::test

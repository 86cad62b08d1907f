#pragma once
// Several support-server instances on one PostgreSQL store, as behind a load balancer: each
// instance is the real binary in a child process, serving the demo site on a port of its own.

#include "catch_amalgamated.hpp"
#include "child_process.h"
#include "postgres_test_database.h"
#include "support_server_process.h"
#include "temp_dir.h"

#include <cstdint>
#include <string>

#ifndef SW_SUPPORT_SERVER_PATH
#error "tests of several instances need SW_SUPPORT_SERVER_PATH (the support-server binary)"
#endif

namespace support::server::test {

// A store's pages and a help folder without articles, for the servers to serve.
struct DemoSiteFolder {
    DemoSiteFolder() {
        dir.write("site/index.html", "shop");
        dir.write("help/he/.keep", "");
    }
    TempDir dir;
};

// One support-server serving the demo site on `db`.
struct ServerInstance {
    ServerInstance(const TempDir& dir, const std::string& db)
        : process({SW_SUPPORT_SERVER_PATH, "serve", "--port", "0", "--root", (dir.path() / "site").string(),
                   "--site", "demo=" + (dir.path() / "help").string(), "--db", db}) {
        REQUIRE(process.started());
        port = read_listening_port(process);
    }
    ChildProcess process;
    std::uint16_t port = 0;
};

// Two instances of support-server serving the demo site on one new PostgreSQL database.
struct TwoInstances {
    DemoSiteFolder site; // first: the instances serve it
    PostgresTestDatabase database;
    ServerInstance a{site.dir, database.url()};
    ServerInstance b{site.dir, database.url()};
};

} // namespace support::server::test

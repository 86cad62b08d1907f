#include "catch_amalgamated.hpp"

#include "shared/core/protocol/api_paths.h"

using namespace support::protocol;

TEST_CASE("API targets encode the site and locale; the server reads the site back", "[api_paths]") {
    CHECK(content_target("demo", "pt-BR") == "/api/v1/sites/demo/content?locale=pt-BR");
    CHECK(feedback_target("demo") == "/api/v1/sites/demo/feedback");
    CHECK(content_target("a b", "x&y") == "/api/v1/sites/a%20b/content?locale=x%26y");
    CHECK(site_of_target(content_target("a b/c", "en")) == "a b/c");
    CHECK(site_of_target(feedback_target("demo") + "?x=1") == "demo");
}

TEST_CASE("targets outside the sites API or with malformed escapes name no site", "[api_paths]") {
    CHECK_FALSE(site_of_target("/healthz").has_value());
    CHECK_FALSE(site_of_target("/api/v1/site/demo/content").has_value());
    CHECK_FALSE(site_of_target("/api/v1/sites/%zz/content").has_value());
}

TEST_CASE("chat targets name their site and conversation, for shoppers and staff", "[api_paths]") {
    CHECK(conversations_target("demo") == "/api/v1/sites/demo/conversations");
    CHECK(conversation_target("demo", "Ab_9-x", "events") ==
          "/api/v1/sites/demo/conversations/Ab_9-x/events");
    CHECK(conversation_of_target(conversation_target("demo", "Ab_9-x", "events") + "?token=t") == "Ab_9-x");
    CHECK(conversation_of_target("/api/v1/staff/conversations/Ab_9-x/join") == "Ab_9-x");
    CHECK(site_of_target(conversation_target("my shop", "c", "messages")) == "my shop");
    CHECK_FALSE(conversation_of_target(conversations_target("demo")).has_value());
    CHECK_FALSE(conversation_of_target("/api/v1/sites/demo/conversations/").has_value());
    CHECK_FALSE(conversation_of_target("/api/v1/sites/demo/feedback").has_value());
    CHECK_FALSE(conversation_of_target("/healthz").has_value());
}

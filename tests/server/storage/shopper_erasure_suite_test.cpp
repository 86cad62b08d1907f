// Forgetting a shopper, part of the storage suite (the Storage interface only): what one browser's
// shopper key gave goes, with everything hanging off it; nobody else's does.
#include "catch_amalgamated.hpp"

#include "server/storage/storage.h"
#include "store_fixtures.h"

using namespace support;
using namespace support::server;
using namespace support::server::test;

namespace {

constexpr std::int64_t k_now = 1'764'900'000'000;

NewFeedback vote_by(std::string site, int n, std::string shopper_digest) {
    NewFeedback feedback = article_vote(std::move(site), n, false, "nothing about Eilat");
    feedback.shopper_digest = std::move(shopper_digest);
    return feedback;
}

NewConversation conversation_by(std::string id, std::string site, std::string shopper_digest) {
    NewConversation c = new_conversation(std::move(id), std::move(site), k_now);
    c.shopper_digest = std::move(shopper_digest);
    return c;
}

ChatEventDraft hello(std::string conversation) {
    ChatEventDraft draft;
    draft.conversation_id = std::move(conversation);
    draft.event.kind = chat::ChatEvent::Kind::Message;
    draft.event.message.client_id = client_id(900);
    draft.event.message.author = chat::Author::Shopper;
    draft.event.message.text = "my parcel is late";
    draft.event.at_ms = k_now;
    return draft;
}

} // namespace

STORAGE_TEST_CASE("storage: forgetting a shopper deletes their feedback, its triage, their conversations and "
                  "events, and nobody else's",
                  "[storage][erasure]") {
    StoreLocation location(TestType::backend);
    auto storage = std::move(location.open().value());
    const auto mine = insert(*storage, vote_by("demo", 1, "digest-a")).value();
    REQUIRE(insert(*storage, vote_by("demo", 2, "digest-a")).has_value());
    REQUIRE(insert(*storage, vote_by("demo", 3, "digest-b")).has_value());  // another browser
    REQUIRE(insert(*storage, vote_by("demo", 4, "")).has_value());          // sent without a key
    REQUIRE(insert(*storage, vote_by("other", 5, "digest-a")).has_value()); // the same key, another site
    REQUIRE(
        storage
            ->apply_triage({mine.feedback_id, TriageAction::AddTag, "shipping", "dana@shop.example", k_now})
            .has_value());
    REQUIRE(storage->create_conversation(conversation_by("c-mine", "demo", "digest-a")).has_value());
    REQUIRE(storage->append_chat_event(hello("c-mine")).has_value());
    REQUIRE(storage->create_conversation(conversation_by("c-theirs", "demo", "digest-b")).has_value());

    const auto erased = storage->forget_shopper("demo", "digest-a", k_now + 10);
    REQUIRE(erased.has_value());
    CHECK(erased->feedback_deleted == 2);
    CHECK(erased->conversations_deleted == 1);

    CHECK(storage->count_feedback("demo").value() == 2);
    CHECK_FALSE(storage->find_feedback_detail(mine.feedback_id).value().has_value());
    CHECK_FALSE(storage->find_conversation("c-mine").value().has_value());
    CHECK(storage->chat_events_after("c-mine", 0, 10).value().empty());
    CHECK(storage->find_conversation("c-theirs").value().has_value());
    CHECK(storage->count_feedback("other").value() == 1);

    // Asking again finds nothing; a key-less row is never taken for anyone's.
    CHECK(storage->forget_shopper("demo", "digest-a", k_now + 20).value() == protocol::ShopperErasure{});
    CHECK(storage->forget_shopper("demo", "", k_now + 30).value() == protocol::ShopperErasure{});
    CHECK(storage->count_feedback("demo").value() == 2);
}

STORAGE_TEST_CASE("storage: an erasure is durable across a reopen", "[storage][erasure]") {
    StoreLocation location(TestType::backend);
    {
        auto storage = std::move(location.open().value());
        REQUIRE(insert(*storage, vote_by("demo", 1, "digest-a")).has_value());
        REQUIRE(storage->forget_shopper("demo", "digest-a", k_now).value().feedback_deleted == 1);
    }
    auto reopened = std::move(location.open().value());
    CHECK(reopened->count_feedback("demo").value() == 0);
}

#include "catch_amalgamated.hpp"
#include "shared/core/chat/shopper_intent.h"

using support::chat::read_intent;
using support::chat::ShopperIntent;

TEST_CASE("Asking for a person is read in every language of our shoppers, however it is spelled") {
    for (const char* text :
         {"Can I talk to a person?", "I want to speak with someone please", "agent", "HUMAN please",
          "connect me to a representative", "contact support", "אני רוצה לדבר עם נציג", "אפשר נציג?",
          "לנציג בבקשה", "אפשר לדבר עם מישהו?", "أريد التحدث مع موظف", "اريد موظف", "ممكن أكلم شخص؟",
          "می‌خواهم با اپراتور صحبت کنم", "نماینده لطفا",
          "میخوام با یه آدم حرف بزنم"}) {
        INFO(text);
        CHECK(read_intent(text) == ShopperIntent::WantsPerson);
    }
}

TEST_CASE("A question that mentions someone or support is still a question") {
    for (const char* text : {"Can someone else sign for my delivery?", "support hours",
                             "what are your customer service hours on weekends", "שעות שירות לקוחות",
                             "How long does a refund take once the courier picks up my return and "
                             "brings it to your warehouse for a person to check it?"}) {
        INFO(text);
        CHECK(read_intent(text) == ShopperIntent::Question);
    }
}

TEST_CASE("A whole-message no or yes answers the bot's question, punctuation and case aside") {
    CHECK(read_intent("No.") == ShopperIntent::Declines);
    CHECK(read_intent("nope") == ShopperIntent::Declines);
    CHECK(read_intent("That didn't help") == ShopperIntent::Declines);
    CHECK(read_intent("לא") == ShopperIntent::Declines);
    CHECK(read_intent("لا") == ShopperIntent::Declines);
    CHECK(read_intent("نه") == ShopperIntent::Declines);
    CHECK(read_intent("Yes, thanks!") == ShopperIntent::Thanks);
    CHECK(read_intent("תודה רבה") == ShopperIntent::Thanks);
    CHECK(read_intent("شكرًا") == ShopperIntent::Thanks);
    CHECK(read_intent("ممنون") == ShopperIntent::Thanks);
}

TEST_CASE("A no with a question after it is a question") {
    CHECK(read_intent("no, where is my order?") == ShopperIntent::Question);
    CHECK(read_intent("thanks, and how do I return it?") == ShopperIntent::Question);
    CHECK(read_intent("") == ShopperIntent::Question);
    CHECK(read_intent("?!") == ShopperIntent::Question);
}

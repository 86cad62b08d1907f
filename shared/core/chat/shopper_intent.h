#pragma once
// What a shopper's chat message asks of the bot before it is read as a question for the FAQ: a
// person ("can I talk to someone?"), an answer to "did that answer your question?" ("no",
// "thanks"), or a question. English, Hebrew, Arabic and Persian, matched on folded words
// (text/fold_for_search.h), so case, niqqud, tashkeel, alef forms, Persian/Arabic yeh and kaf and
// punctuation do not matter:
//
//   read_intent("Can I talk to a person?")  → WantsPerson
//   read_intent("אני רוצה לדבר עם נציג")      → WantsPerson
//   read_intent("No.")  → Declines        read_intent("نه") → Declines
//   read_intent("thanks!") → Thanks        read_intent("Where is my order?") → Question

#include <cstdint>
#include <string_view>

namespace support::chat {

enum class ShopperIntent : std::uint8_t {
    Question, // anything else: the bot searches the FAQ for it
    WantsPerson, // asks for a person: a word for one (agent, נציג, موظف, اپراتور) in a short message
    Declines, // the whole message is a "no" ("no", "not really", "לא", "لا", "نه")
    Thanks, // the whole message is a "yes" or a thank-you ("yes", "thanks", "תודה", "شكرا", "ممنون")
};

ShopperIntent read_intent(std::string_view text);

} // namespace support::chat

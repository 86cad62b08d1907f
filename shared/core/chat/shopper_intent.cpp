#include "shared/core/chat/shopper_intent.h"

#include "shared/core/text/word_breaker.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

namespace support::chat {

namespace {

using Words = std::vector<std::u32string>;

// Asking for a person takes a longer sentence than this only when it is about something else.
constexpr std::size_t k_max_words_asking_for_person = 12;
// "someone please", "מישהו?": a word for someone alone, or nearly.
constexpr std::size_t k_max_words_bare_request = 3;

Words folded_words(std::string_view text) {
    Words words;
    text::WordBreaker breaker(text);
    text::Word word;
    while (breaker.next(word))
        words.push_back(word.folded);
    return words;
}

std::vector<Words> fold_all(std::initializer_list<std::string_view> phrases) {
    std::vector<Words> out;
    for (std::string_view phrase : phrases)
        out.push_back(folded_words(phrase));
    return out;
}

// Words that name a person on their own: a message with one of these asks for a person.
const std::vector<Words>& person_words() {
    static const std::vector<Words> words = fold_all({
        "human",   "humans",  "representative", "rep",     "operator", "agent",
        "agents",  "advisor", "נציג",           "נציגה",   "נציגים",   "אנושי", // he
        "موظف",    "ممثل",    "انسان",          "بشري",    "مندوب",             // ar
        "اپراتور", "نماینده", "کارشناس",        "پشتیبان", "انسان",             // fa
    });
    return words;
}

// Words that are a person only beside a way of reaching one ("talk to someone", not "can someone
// else sign for it").
const std::vector<Words>& someone_words() {
    static const std::vector<Words> words = fold_all({
        "person", "someone", "somebody", "people", "אדם", "בנאדם", "מישהו", "מישהי", // he
        "شخص", "احد", "أحد",                                                         // ar
        "آدم", "کسی", "شخص",                                                         // fa
    });
    return words;
}

// Who answers, named by their department: a person only beside a way of reaching them ("contact
// support", not "support hours").
const std::vector<Words>& service_words() {
    static const std::vector<Words> words = fold_all({
        "staff", "support", "team", "service", "תמיכה", "שירות", "צוות", // he
        "الدعم", "خدمة", "فريق",                                         // ar
        "پشتیبانی", "تیم",                                               // fa
    });
    return words;
}

const std::vector<Words>& reach_words() {
    static const std::vector<Words> words = fold_all({
        "talk",  "speak",   "chat",   "connect", "transfer", "reach", "contact", "לדבר",
        "לשוחח", "תעביר",   "תעבירי", "להעביר",  "תחבר",     "לחבר",  "מדבר", // he
        "اتكلم", "أتكلم",   "اتحدث",  "أتحدث",   "التحدث",   "تحدث",  "اكلم",    "أكلم",
        "كلم",   "التواصل", "تواصل",  "حولني",   "تحويل", // ar
        "صحبت",  "حرف",     "وصل",    "ارتباط",  "گفتگو", // fa
    });
    return words;
}

const std::vector<Words>& declining_messages() {
    static const std::vector<Words> messages = fold_all({
        "no",
        "nope",
        "nah",
        "not really",
        "no thanks",
        "no thank you",
        "not helpful",
        "didn't help",
        "did not help",
        "it didn't help",
        "that didn't help",
        "no it didn't",
        "no that didn't help",
        "wrong answer",
        "not what i asked",
        "לא",
        "ממש לא",
        "לא ממש",
        "לא עזר",
        "זה לא עזר",
        "לא תודה",
        "לא זה", // he
        "لا",
        "كلا",
        "لم يساعد",
        "لا لم يساعد",
        "لم يساعدني",
        "لا شكرا", // ar
        "نه",
        "خیر",
        "نه ممنون",
        "کمک نکرد",
        "نه کمک نکرد",
        "نه اصلا", // fa
    });
    return messages;
}

const std::vector<Words>& thanking_messages() {
    static const std::vector<Words> messages = fold_all({
        "yes",           "yeah",      "yep",          "yes thanks",
        "yes thank you", "thanks",    "thank you",    "thank you so much",
        "thanks a lot",  "thx",       "ok",           "okay",
        "ok thanks",     "great",     "great thanks", "perfect",
        "that helped",   "it helped", "yes it did",   "got it",
        "helpful",       "כן",        "תודה",         "תודה רבה",
        "כן תודה",       "מעולה",     "עזר",          "זה עזר",
        "אוקיי",         "סבבה", // he
        "نعم",           "شكرا",      "شكرا لك",      "نعم شكرا",
        "ممتاز",         "تمام",      "ساعدني",       "شكرا جزيلا", // ar
        "بله",           "آره",       "ممنون",        "ممنونم",
        "مرسی",          "متشکرم",    "بله ممنون",    "عالی",
        "کمک کرد", // fa
    });
    return messages;
}

// Hebrew and Arabic write "to", "and", "the", "with" as letters glued to the word: "לנציג",
// "والموظف". A word matches when it is the listed one after up to two such letters (or Arabic ال).
bool is_glued_prefix(char32_t c) {
    switch (c) {
    case U'ו':
    case U'ה':
    case U'ב':
    case U'ל':
    case U'מ':
    case U'ש':
    case U'כ':
    case U'و':
    case U'ب':
    case U'ل':
    case U'ف':
    case U'ك':
    case U'ا':
        return true;
    default:
        return false;
    }
}

bool same_word(std::u32string_view word, std::u32string_view listed) {
    for (std::size_t glued = 0; glued <= 3 && glued < word.size(); ++glued) {
        if (word.substr(glued) == listed)
            return true;
        if (!is_glued_prefix(word[glued]))
            return false;
    }
    return false;
}

bool contains_any(const Words& words, const std::vector<Words>& listed) {
    return std::any_of(words.begin(), words.end(), [&](const std::u32string& word) {
        return std::any_of(listed.begin(), listed.end(),
                           [&](const Words& one) { return one.size() == 1 && same_word(word, one[0]); });
    });
}

bool is_one_of(const Words& words, const std::vector<Words>& messages) {
    return std::find(messages.begin(), messages.end(), words) != messages.end();
}

} // namespace

ShopperIntent read_intent(std::string_view text) {
    const Words words = folded_words(text);
    if (words.empty())
        return ShopperIntent::Question;
    if (is_one_of(words, declining_messages()))
        return ShopperIntent::Declines;
    if (is_one_of(words, thanking_messages()))
        return ShopperIntent::Thanks;
    if (words.size() <= k_max_words_asking_for_person) {
        if (contains_any(words, person_words()))
            return ShopperIntent::WantsPerson;
        if (contains_any(words, someone_words()) &&
            (words.size() <= k_max_words_bare_request || contains_any(words, reach_words())))
            return ShopperIntent::WantsPerson;
        if (contains_any(words, service_words()) && contains_any(words, reach_words()))
            return ShopperIntent::WantsPerson;
    }
    return ShopperIntent::Question;
}

} // namespace support::chat

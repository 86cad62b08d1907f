#pragma once
// The shopper's answers to "Was this helpful?", one per article, kept in the widget's key-value
// store (key "helpful-answers") so the article shows the answer on the next visit:
//
//   {"v":1,"answers":{"return-policy":{"answer":"yes","at":1700000000000,"locale":"en"}}}
//
// If storage is unavailable or full the answer still counts for this visit; it is just not kept.

#include "shared/core/persistence/key_value_store.h"
#include "shared/core/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace support::feedback {

enum class HelpfulAnswer : std::uint8_t { None, Yes, No };

class HelpfulAnswers {
  public:
    static constexpr std::size_t k_max_answers = 500;

    explicit HelpfulAnswers(persistence::KeyValueStore& store) : m_store(store) {}

    // Reads what earlier visits stored; unreadable data is ignored (and overwritten on the next
    // answer), never fatal.
    void load();
    HelpfulAnswer answer_for(std::string_view article_id) const;
    // Records (or changes) the answer and stores all answers. The error, if any, is why it could
    // not be stored; the answer is kept in memory regardless.
    Result<void> record(std::string_view article_id, HelpfulAnswer answer, std::string_view locale,
                        std::int64_t client_time_ms);

  private:
    struct Entry {
        HelpfulAnswer answer = HelpfulAnswer::None;
        std::int64_t at_ms = 0;
        std::string locale;
    };
    persistence::KeyValueStore& m_store;
    std::map<std::string, Entry, std::less<>> m_answers;
};

} // namespace support::feedback

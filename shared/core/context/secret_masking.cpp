#include "shared/core/context/secret_masking.h"

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

namespace support::context {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
    return is_digit(c) || is_ascii_letter(c);
}
char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// A word character for the "stands alone" rule: ASCII letters and digits, and any byte of a
// multi-byte UTF-8 letter (a number glued to Hebrew text is still glued).
bool joins(char c) {
    return is_alnum(c) || (static_cast<unsigned char>(c) & 0x80) != 0 || c == '_';
}

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0; // one past the last character of the secret
    std::string replacement;
};

// Digits from `at` with single spaces or dashes between them, read to the run's end: a card number
// if the whole run is one, standing alone (`replacement` set); else the run is left as written
// (a longer number holds no card number: reading inside it would find a different one each time).
struct DigitRun {
    std::size_t end = 0;
    std::string replacement; // empty: not a card number
};

// A length and leading digits a card network issues (Visa, Mastercard, Amex, Discover, JCB, Diners,
// UnionPay, Maestro): a timestamp, a barcode (EAN-13) or an order number that passes Luhn by chance
// (one in ten do) is not taken for a card.
bool plausible_card(std::string_view digits) {
    const std::size_t n = digits.size();
    const int two = (digits[0] - '0') * 10 + (digits[1] - '0');
    const int four = two * 100 + (digits[2] - '0') * 10 + (digits[3] - '0');
    switch (digits[0]) {
    case '4':
        return n == 16 || n == 19;
    case '5':
        return (two >= 51 && two <= 55) ? n == 16 : n >= 16; // Mastercard; Maestro 50, 56–59
    case '2':
        return four >= 2221 && four <= 2720 && n == 16;
    case '3':
        if (two == 34 || two == 37)
            return n == 15;
        return (two == 35 || two == 30 || two == 36 || two == 38 || two == 39) && n >= 14;
    case '6':
        return n >= 16;
    default:
        return false;
    }
}

DigitRun digit_run_at(std::string_view text, std::size_t at) {
    std::string digits;
    std::size_t i = at;
    std::size_t end = at;
    while (i < text.size()) {
        if (is_digit(text[i])) {
            digits += text[i++];
            end = i;
        } else if ((text[i] == ' ' || text[i] == '-') && i + 1 < text.size() && is_digit(text[i + 1])) {
            ++i;
        } else {
            break;
        }
    }
    DigitRun run{end, {}};
    if (digits.size() >= 14 && digits.size() <= 19 && (end == text.size() || !joins(text[end])) &&
        plausible_card(digits) && passes_luhn(digits))
        run.replacement = "[card …" + digits.substr(digits.size() - 4) + "]";
    return run;
}

// A country code and check digits from `at`, then groups of letters and digits with single spaces
// between them: the longest run of whole groups (or the run up to a group's end) that is an IBAN.
std::optional<Span> iban_at(std::string_view text, std::size_t at) {
    if (at + 4 > text.size() || !is_ascii_letter(text[at]) || !is_ascii_letter(text[at + 1]) ||
        !is_digit(text[at + 2]) || !is_digit(text[at + 3]))
        return std::nullopt;
    std::string compact;
    std::vector<std::pair<std::size_t, std::size_t>> cuts; // (compact length, text end) at group ends
    std::size_t i = at;
    while (i < text.size() && compact.size() < 34) {
        if (is_alnum(text[i])) {
            compact += upper(text[i++]);
            if (i == text.size() || !is_alnum(text[i]))
                cuts.emplace_back(compact.size(), i);
        } else if (text[i] == ' ' && i + 1 < text.size() && is_alnum(text[i + 1]) && i > at) {
            ++i;
        } else {
            break;
        }
    }
    if (i < text.size() && is_alnum(text[i]))
        cuts.emplace_back(compact.size(), i); // ran past 34: the run so far may still be one
    for (auto cut = cuts.rbegin(); cut != cuts.rend(); ++cut) {
        const auto [length, end] = *cut;
        if (length < 15 || length > 34 || (end < text.size() && joins(text[end])))
            continue;
        const std::string iban = compact.substr(0, length);
        if (passes_iban_mod97(iban))
            return Span{at, end, "[IBAN " + iban.substr(0, 2) + "…" + iban.substr(iban.size() - 4) + "]"};
    }
    return std::nullopt;
}

// Where text shaped like an IBAN that failed its check ends: its first word, then each following
// group (after one space) that has a digit. Left whole: its digit groups are not a card number.
std::size_t failed_iban_end(std::string_view text, std::size_t at) {
    std::size_t i = at;
    while (i < text.size() && is_alnum(text[i]))
        ++i;
    while (i + 1 < text.size() && text[i] == ' ') {
        std::size_t end = i + 1;
        bool digit = false;
        while (end < text.size() && is_alnum(text[end]))
            digit = is_digit(text[end++]) || digit;
        if (!digit || end == i + 1)
            break;
        i = end;
    }
    return i;
}

// Labels, lower-case where case applies; matched at a word start.
constexpr std::array<std::string_view, 14> k_secret_labels = {
    "password", "passcode",      "passwd", "pwd",   "pin code",    "pin",       "cvv",
    "cvc",      "security code", "סיסמה",  "סיסמא", "كلمة المرور", "كلمة السر", "رمز عبور"};

bool starts_with_folded(std::string_view text, std::size_t at, std::string_view label) {
    if (at + label.size() > text.size())
        return false;
    for (std::size_t k = 0; k < label.size(); ++k) {
        const char c = text[at + k];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != label[k])
            return false;
    }
    return true;
}

// "password: hunter2", "PIN 1234", "סיסמה=abc": the word after the label is the secret.
std::optional<Span> labelled_at(std::string_view text, std::size_t at) {
    for (const std::string_view label : k_secret_labels) {
        if (!starts_with_folded(text, at, label))
            continue;
        std::size_t i = at + label.size();
        if (i < text.size() && is_alnum(text[i]) && is_ascii_letter(label.back()))
            continue; // "pinned", "passwords are…"
        std::size_t value = i;
        while (value < text.size() &&
               (text[value] == ' ' || text[value] == ':' || text[value] == '=' || text[value] == '\t'))
            ++value;
        if (value == i || value >= text.size())
            continue; // no separator, or nothing after it
        std::size_t end = value;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t' &&
               text[end] != ',' && text[end] != ';')
            ++end;
        if (end > value && text[end - 1] == '.')
            --end; // the sentence's full stop
        const std::string_view secret = text.substr(value, end - value);
        if (secret.empty() || secret == "[hidden]")
            continue;
        // "PIN is wrong", "my password was reset": common words after a label are not the secret.
        static constexpr std::array<std::string_view, 12> k_not_secrets = {
            "is", "was", "has", "and", "or", "not", "reset", "for", "to", "it", "that", "the"};
        bool ordinary = false;
        for (const std::string_view word : k_not_secrets)
            ordinary = ordinary || (secret.size() == word.size() && starts_with_folded(secret, 0, word));
        if (ordinary)
            continue;
        return Span{value, end, "[hidden]"};
    }
    return std::nullopt;
}

} // namespace

bool passes_luhn(std::string_view digits) {
    if (digits.empty())
        return false;
    int sum = 0;
    bool twice = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (!is_digit(*it))
            return false;
        int d = *it - '0';
        if (twice && (d *= 2) > 9)
            d -= 9;
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

bool passes_iban_mod97(std::string_view iban) {
    if (iban.size() < 5)
        return false;
    // The first four characters move to the end; letters count as 10..35; the number mod 97 is 1.
    int remainder = 0;
    const auto add = [&](char c) {
        if (is_digit(c)) {
            remainder = (remainder * 10 + (c - '0')) % 97;
        } else {
            const int value = upper(c) - 'A' + 10;
            remainder = (remainder * 100 + value) % 97;
        }
    };
    for (std::size_t k = 4; k < iban.size(); ++k) {
        if (!is_alnum(iban[k]))
            return false;
        add(iban[k]);
    }
    for (std::size_t k = 0; k < 4; ++k) {
        if (!is_alnum(iban[k]))
            return false;
        add(iban[k]);
    }
    return remainder == 1;
}

MaskedText mask_secrets(std::string_view text) {
    MaskedText out;
    out.text.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const bool word_start = i == 0 || !joins(text[i - 1]);
        if (word_start) {
            if (is_digit(text[i])) {
                const DigitRun run = digit_run_at(text, i);
                if (run.replacement.empty()) {
                    out.text.append(text.substr(i, run.end - i));
                } else {
                    out.text += run.replacement;
                    out.card = true;
                }
                i = run.end;
                continue;
            } else if (auto iban = iban_at(text, i)) {
                out.text += iban->replacement;
                out.bank_account = true;
                i = iban->end;
                continue;
            } else if (i + 4 <= text.size() && is_ascii_letter(text[i]) && is_ascii_letter(text[i + 1]) &&
                       is_digit(text[i + 2]) && is_digit(text[i + 3])) {
                const std::size_t end = failed_iban_end(text, i);
                out.text.append(text.substr(i, end - i));
                i = end;
                continue;
            } else if (auto secret = labelled_at(text, i)) {
                out.text.append(text.substr(i, secret->begin - i));
                out.text += secret->replacement;
                out.password = true;
                i = secret->end;
                continue;
            }
        }
        out.text += text[i++];
    }
    return out;
}

} // namespace support::context

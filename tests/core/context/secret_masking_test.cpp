// What a shopper pastes into a chat or a comment: card numbers, IBANs and passwords never reach
// storage or staff; everything else — order numbers, phone numbers, prices, dates — stays as written.
#include "catch_amalgamated.hpp"
#include "shared/core/context/secret_masking.h"

using namespace support::context;

TEST_CASE("A card number is replaced by its last four digits, however it is grouped") {
    CHECK(mask_secrets("4111111111111111").text == "[card …1111]");
    CHECK(mask_secrets("my card 4111 1111 1111 1111 was charged twice").text ==
          "my card [card …1111] was charged twice");
    CHECK(mask_secrets("5500-0000-0000-0004.").text == "[card …0004].");
    CHECK(mask_secrets("Amex 3782 822463 10005").text == "Amex [card …0005]");
    const MaskedText hebrew = mask_secrets("הכרטיס שלי 4012 8888 8888 1881 חויב פעמיים");
    CHECK(hebrew.text == "הכרטיס שלי [card …1881] חויב פעמיים");
    CHECK(hebrew.card);
    CHECK_FALSE(hebrew.bank_account);
}

TEST_CASE("Numbers that are not cards stay: wrong check digit, too short, too long, glued to a word, no "
          "card network's prefix (a timestamp, a barcode)") {
    for (const char* kept :
         {"4111 1111 1111 1112", "order 100234", "call +972 52 123 4567", "tracking 123456789012345678901234",
          "SKU4111111111111111", "2024-03-15", "total 1,299.00 EUR"}) {
        const MaskedText m = mask_secrets(kept);
        CHECK(m.text == kept);
        CHECK_FALSE(m.any());
    }
}

TEST_CASE("An IBAN keeps its country and last four, spaced or not, in any case") {
    CHECK(mask_secrets("DE89 3704 0044 0532 0130 00").text == "[IBAN DE…3000]");
    CHECK(mask_secrets("refund to GB82WEST12345698765432 please").text == "refund to [IBAN GB…5432] please");
    CHECK(mask_secrets("il62 0108 0000 0009 9999 999 thanks").text == "[IBAN IL…9999] thanks");
    const MaskedText m = mask_secrets("IBAN: DE89 3704 0044 0532 0130 00, Bank X");
    CHECK(m.text == "IBAN: [IBAN DE…3000], Bank X");
    CHECK(m.bank_account);
}

TEST_CASE("Text shaped like an IBAN that fails its check stays") {
    CHECK(mask_secrets("DE89 3704 0044 0532 0130 01").text == "DE89 3704 0044 0532 0130 01");
    CHECK(mask_secrets("AB12 tracking").text == "AB12 tracking");
    // The words after it are read as usual.
    CHECK(mask_secrets("ref XY12 3 then card 4111 1111 1111 1111").text ==
          "ref XY12 3 then card [card …1111]");
}

TEST_CASE("The word after a password's label is hidden, in English, Hebrew, Arabic and Persian") {
    CHECK(mask_secrets("my password: hunter2, can you check").text == "my password: [hidden], can you check");
    CHECK(mask_secrets("PIN 4321").text == "PIN [hidden]");
    CHECK(mask_secrets("cvv=123").text == "cvv=[hidden]");
    CHECK(mask_secrets("הסיסמה שלי היא סיסמה: Aa123456").text == "הסיסמה שלי היא סיסמה: [hidden]");
    CHECK(mask_secrets("كلمة المرور: qwerty").text == "كلمة المرور: [hidden]");
    CHECK(mask_secrets("رمز عبور 1q2w3e").text == "رمز عبور [hidden]");
    CHECK(mask_secrets("password: hunter2.").password);
}

TEST_CASE("A label in an ordinary sentence hides nothing") {
    for (const char* kept : {"my password was reset", "the PIN is wrong", "pinned order",
                             "passwords and logins", "I forgot my password", "password"}) {
        const MaskedText m = mask_secrets(kept);
        CHECK(m.text == kept);
        CHECK_FALSE(m.any());
    }
}

TEST_CASE("Masking what is masked changes nothing") {
    const std::string once =
        mask_secrets("card 4111 1111 1111 1111, IBAN DE89370400440532013000, password: x1").text;
    CHECK(mask_secrets(once).text == once);
    CHECK_FALSE(mask_secrets(once).any());
}

TEST_CASE("The checks themselves") {
    CHECK(passes_luhn("79927398713"));
    CHECK_FALSE(passes_luhn("79927398710"));
    CHECK_FALSE(passes_luhn(""));
    CHECK(passes_iban_mod97("GB82WEST12345698765432"));
    CHECK_FALSE(passes_iban_mod97("GB82WEST12345698765433"));
}

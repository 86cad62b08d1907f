#pragma once
// Secrets a shopper may type or paste into free text — a card number, an IBAN, a password or code
// after its label — replaced before the text is kept or sent, so neither the browser's storage, the
// server's database nor support staff hold them. What was replaced is reported, so the shopper can
// be told. Applied by the widget before it stores or sends (chat messages, comments, searches in the
// journey) and again by the server before it stores (a client that skipped it).
//
//   MaskedText m = mask_secrets("card 4111 1111 1111 1111 charged twice");
//   m.text == "card [card …1111] charged twice", m.card == true
//
// A card number is 14 to 19 digits (spaces or dashes between groups) with a card network's leading
// digits and length, that pass the Luhn check and stand alone (not part of a longer number); its
// last four stay, as receipts show them. (A 13-digit timestamp or an EAN-13 barcode is not one.) An IBAN is a
// country code, two check digits and 11 to 30 letters or digits (spaces between groups) whose
// ISO 7064 mod-97 check holds; its country and last four stay. A labelled secret is the word after
// "password", "PIN", "CVV", "CVC", "security code" (and the Hebrew, Arabic and Persian words for
// password), with or without ':' or '='. Masking what is masked changes nothing.

#include <string>
#include <string_view>

namespace support::context {

struct MaskedText {
    std::string text;
    bool card = false;
    bool bank_account = false;
    bool password = false;
    bool any() const { return card || bank_account || password; }
};

MaskedText mask_secrets(std::string_view text);

// The checks, for tests and callers that validate a field.
bool passes_luhn(std::string_view digits);     // digits only
bool passes_iban_mod97(std::string_view iban); // letters and digits only, no spaces

} // namespace support::context

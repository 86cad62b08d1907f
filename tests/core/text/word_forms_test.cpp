#include "shared/core/text/word_forms.h"

#include "shared/core/text/fold_for_search.h"

#include "catch_amalgamated.hpp"

#include <vector>

using namespace support::text;

namespace {

std::vector<std::string> forms_of(Language language, std::string_view word) {
    WordForms forms;
    append_word_forms(language, fold_for_search(word), forms);
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < forms.size(); ++i)
        texts.push_back(to_utf8(forms.text(i)));
    return texts;
}

} // namespace

TEST_CASE("English words index as their stems") {
    CHECK(forms_of(Language::English, "Returns") == std::vector<std::string>{"return"});
    CHECK(forms_of(Language::English, "shipping") == std::vector<std::string>{"ship"});
    CHECK(forms_of(Language::English, "policies") == forms_of(Language::English, "policy"));
}

TEST_CASE("Hebrew prefix letters are stripped while two letters remain") {
    CHECK(forms_of(Language::Hebrew, "והמקפיא") ==
          std::vector<std::string>{"והמקפיא", "המקפיא", "מקפיא", "קפיא"});
    CHECK(forms_of(Language::Hebrew, "בטלפון") == std::vector<std::string>{"בטלפונ", "טלפונ"});
    CHECK(forms_of(Language::Hebrew, "לב") == std::vector<std::string>{"לב"}); // one letter would remain
    CHECK(forms_of(Language::Hebrew, "טלפון") == std::vector<std::string>{"טלפונ"}); // ט is no prefix letter
}

TEST_CASE("Arabic loses a leading waw, the article and one suffix") {
    const auto forms = forms_of(Language::Arabic, "والضمان");
    REQUIRE(forms.size() >= 2);
    CHECK(forms[0] == "والضمان");
    CHECK(forms[1] == "ضمان");
    CHECK(forms_of(Language::Arabic, "بالتقسيط")[1] == "تقسيط");
    const auto plural = forms_of(Language::Arabic, "المنتجات");
    CHECK(plural.back() == "منتج");
}

TEST_CASE("Persian loses the verb prefix mi and plural suffixes") {
    const auto verb = forms_of(Language::Persian, "میتوانید");
    REQUIRE(verb.size() >= 2);
    CHECK(verb[1] == to_utf8(fold_for_search("توانید")));
    const auto plural = forms_of(Language::Persian, "دستگاهها");
    CHECK(plural.back() == to_utf8(fold_for_search("دستگاه")));
}

TEST_CASE("Latin words inside Hebrew text are left as they are") {
    CHECK(forms_of(Language::Hebrew, "bluetooth") == std::vector<std::string>{"bluetooth"});
}

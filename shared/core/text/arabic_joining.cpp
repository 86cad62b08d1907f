#include "shared/core/text/arabic_joining.h"

#include "shared/core/text/unicode_properties.h"

#include <cstddef>

namespace support::text {
namespace {

constexpr char32_t k_lam = 0x0644;

enum class Form { Isolated, Final, Initial, Medial };

bool joins_on_its_left(JoiningType type) { // in logical order: joins the next letter
    return type == JoiningType::DualJoining || type == JoiningType::LeftJoining ||
           type == JoiningType::JoinCausing;
}

bool joins_on_its_right(JoiningType type) { // in logical order: joins the previous letter
    return type == JoiningType::DualJoining || type == JoiningType::RightJoining ||
           type == JoiningType::JoinCausing;
}

// The nearest position before/after `i` that is not Transparent, or npos.
std::size_t previous_joining(std::u32string_view text, std::size_t i) {
    while (i-- > 0) {
        if (joining_type(text[i]) != JoiningType::Transparent) {
            return i;
        }
    }
    return std::u32string_view::npos;
}

std::size_t next_joining(std::u32string_view text, std::size_t i) {
    for (++i; i < text.size(); ++i) {
        if (joining_type(text[i]) != JoiningType::Transparent) {
            return i;
        }
    }
    return std::u32string_view::npos;
}

char32_t presentation_form(const ArabicForms& forms, Form form) {
    // A form a letter lacks falls back to the nearest one it has: medial to final, then isolated.
    const char32_t wanted[] = {
        form == Form::Medial ? forms.medial : 0,
        form == Form::Medial || form == Form::Final ? forms.final_form : 0,
        form == Form::Initial ? forms.initial : 0,
        forms.isolated,
    };
    for (const char32_t candidate : wanted) {
        if (candidate != 0) {
            return candidate;
        }
    }
    return forms.base;
}

} // namespace

bool needs_arabic_shaping(std::u32string_view text) {
    for (const char32_t c : text) {
        if (c >= 0x0600 && arabic_forms(c)) {
            return true;
        }
    }
    return false;
}

std::u32string shape_arabic(std::u32string_view logical) {
    std::u32string shaped(logical);
    for (std::size_t i = 0; i < logical.size(); ++i) {
        const char32_t letter = logical[i];
        const std::optional<ArabicForms> forms = arabic_forms(letter);
        if (!forms) {
            continue;
        }
        const JoiningType type = joining_type(letter);
        const std::size_t previous = previous_joining(logical, i);
        const std::size_t next = next_joining(logical, i);
        const bool joins_previous = joins_on_its_right(type) && previous != std::u32string_view::npos &&
                                    joins_on_its_left(joining_type(logical[previous]));
        if (letter == k_lam && i + 1 < logical.size()) {
            if (const char32_t ligature = lam_alef_ligature(logical[i + 1], joins_previous); ligature != 0) {
                shaped[i] = ligature;
                shaped[i + 1] = k_ligature_continuation;
                ++i;
                continue;
            }
        }
        const bool joins_next = joins_on_its_left(type) && next != std::u32string_view::npos &&
                                joins_on_its_right(joining_type(logical[next]));
        const Form form = joins_previous ? (joins_next ? Form::Medial : Form::Final)
                                         : (joins_next ? Form::Initial : Form::Isolated);
        shaped[i] = presentation_form(*forms, form);
    }
    return shaped;
}

} // namespace support::text

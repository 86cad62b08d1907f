#pragma once
// The syntax of the CSS selectors site owners write as guide step targets
// ("target": ["#coupon-code", "form.coupon input[name=coupon]"]), checked on the server before a
// guide is served, so that a step never hands the browser a selector its querySelector() rejects.
//
// The grammar is CSS Syntax Level 3 tokenization and Selectors Level 4, narrowed to what is safe
// everywhere: a selector this accepts does not throw in Chromium's document.querySelector(). Where
// the browser is lenient about a mistake (an unclosed "[a=b" or "/* comment", a trailing "\", an
// unknown pseudo-class inside the forgiving :is()/:where(), :dir(up)) the checker reports it,
// because such a selector is almost always a typo that would silently match nothing.
// Namespaces ("svg|rect"), the nesting selector "&" and shadow-DOM pseudo-classes are not accepted.

#include "shared/core/result.h"

#include <cstddef>
#include <string_view>

namespace support::guide {

inline constexpr std::size_t k_max_selector_bytes = 512;

// How deep functional pseudo-classes (:not(), :is(), :where(), :has(), :nth-child() …) may nest.
inline constexpr int k_max_selector_nesting = 8;

// Checks that `selectors` is a selector list a browser's querySelector accepts and that can match
// an element. Runs in time linear in the input with bounded recursion, whatever the input.
// Errors (field empty; the message says what and where, with a 1-based character column, and
// quotes at most ~60 bytes of the selector with control characters escaped):
//   guide.selector.empty                 nothing but whitespace or comments
//   guide.selector.too_long              more than k_max_selector_bytes (reported only when the
//                                        selector has no other problem)
//   guide.selector.syntax                an unexpected character or token, unbalanced brackets or
//                                        parentheses, a bad or unterminated string or comment
//   guide.selector.unknown_pseudo_class  a pseudo-class this checker does not know
//   guide.selector.pseudo_element        "::before", ":after" …: valid CSS, but never an element
//   guide.selector.too_deep              functional pseudo-classes nested deeper than
//                                        k_max_selector_nesting
Result<void> check_css_selector(std::string_view selectors);

} // namespace support::guide

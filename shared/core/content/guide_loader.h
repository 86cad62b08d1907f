#pragma once
// Validates a site's guides (shared/core/guide/guide.h has the format) from the texts of their
// files, help/<locale>/guides/<name>.json, reporting every problem at once like the article
// loader: a file holds one guide or an array of them; a guide with an error is left out, warnings
// keep it. Bad input of any shape becomes a problem, never a crash.
//
// Problem ids (besides the content.file.* ones every content file can have):
//   content.guide.not_an_object, content.guide.missing_id, content.guide.bad_id,
//   content.guide.duplicate_id (every file that uses the id in that locale), content.guide.missing_title,
//   content.guide.title_too_long, content.guide.wrong_type, content.guide.locale_mismatch,
//   content.guide.bad_page_pattern, content.guide.too_many_items, content.guide.string_too_long,
//   content.guide.unknown_field (warning), content.guide.no_steps, content.guide.too_many_steps,
//   content.guide.step_not_an_object, content.guide.bad_step_id, content.guide.step_without_text,
//   content.guide.step_title_too_long, content.guide.step_body_too_long, content.guide.bad_selector,
//   content.guide.bad_placement, content.guide.bad_advance, content.guide.advance_needs_target,
//   content.guide.advance_needs_page, content.guide.advance_needs_selector,
//   content.guide.question_with_advance, content.guide.branch_count, content.guide.branch_without_label,
//   content.guide.next_ignored (warning), content.guide.bad_wait,
// and those of guide::validate_guide_steps(): content.guide.duplicate_step_id,
//   content.guide.reserved_step_id, content.guide.unknown_step, content.guide.cycle_without_exit,
//   content.guide.unreachable_step (warning).

#include "shared/core/content/article_loader.h"
#include "shared/core/guide/guide.h"

#include <span>
#include <string_view>
#include <vector>

namespace support::content {

inline constexpr std::size_t k_max_guide_steps = 50;
inline constexpr std::size_t k_max_step_title_characters = 120;
inline constexpr std::size_t k_max_step_body_bytes = 2000;
inline constexpr std::size_t k_max_guide_summary_characters = 300;
inline constexpr std::size_t k_max_step_selectors = 8;
inline constexpr std::size_t k_max_branch_label_characters = 80;
inline constexpr std::size_t k_max_branches = 6;

struct LoadedGuides {
    std::vector<guide::Guide> guides; // valid, in file order
    std::vector<ContentProblem> problems;
};

// Files are guide files: "en/guides/apply-coupon.json" (the locale is the first folder).
LoadedGuides load_guides(std::span<const ContentFile> files);

// A guide file's path: "<locale>/guides/<name>.json".
bool is_guide_file_path(std::string_view path);

} // namespace support::content

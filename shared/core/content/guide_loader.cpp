#include "shared/core/content/guide_loader.h"

#include "shared/core/content/content_item_fields.h"
#include "shared/core/content/content_json.h"
#include "shared/core/content/content_problem_log.h"
#include "shared/core/content/locale_tag.h"
#include "shared/core/content/utf8_validation.h"
#include "shared/core/guide/css_selector.h"
#include "shared/core/guide/guide_validation.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>

namespace support::content {

namespace {

using guide::Guide;
using guide::GuideStep;
using nlohmann::json;

constexpr std::array<std::string_view, 6> k_guide_fields{"id",      "locale", "title",
                                                         "summary", "pages",  "steps"};
constexpr std::array<std::string_view, 10> k_step_fields{
    "id", "title", "body", "target", "page", "placement", "advance", "branches", "next", "wait_ms"};
constexpr std::array<std::string_view, 3> k_advance_fields{"when", "selector", "page"};
constexpr std::array<std::string_view, 2> k_branch_fields{"label", "next"};

template <std::size_t N> bool is_known(const std::array<std::string_view, N>& fields, std::string_view key) {
    return std::find(fields.begin(), fields.end(), key) != fields.end();
}

std::string join_fields(std::span<const std::string_view> fields) {
    std::string out;
    for (std::string_view field : fields)
        out += (out.empty() ? "" : ", ") + std::string(field);
    return out;
}

class GuideValidator {
  public:
    explicit GuideValidator(std::vector<ContentProblem>& problems) : m_problems(problems), m_log(problems) {}

    void validate_file(const ContentFile& file) {
        m_log.begin_file(file);
        check_file(file);
        m_log.end_file();
    }

    std::vector<Guide> finish() {
        std::vector<bool> keep(m_candidates.size(), true);
        m_ids.report(m_problems, "content.guide.duplicate_id", "guide id", keep);
        std::vector<Guide> guides;
        for (std::size_t i = 0; i < m_candidates.size(); ++i)
            if (keep[i])
                guides.push_back(std::move(m_candidates[i]));
        return guides;
    }

  private:
    void report(Severity severity, std::string code, std::string pointer, std::string message) {
        m_log.report(severity, std::move(code), std::move(pointer), std::move(message));
    }
    void error(std::string code, std::string pointer, std::string message) {
        m_log.error(std::move(code), std::move(pointer), std::move(message));
    }
    void wrong_type(const std::string& pointer, std::string_view what, std::string_view expected,
                    const json& value) {
        error("content.guide.wrong_type", pointer,
              std::string(what) + " must be " + std::string(expected) + ", got " +
                  std::string(json_type_name(value)));
    }
    template <std::size_t N>
    void warn_unknown_fields(const json& object, const std::string& base,
                             const std::array<std::string_view, N>& fields, std::string_view of) {
        for (const auto& [key, value] : object.items()) {
            if (is_known(fields, key))
                continue;
            report(Severity::Warning, "content.guide.unknown_field", base + "/" + json_pointer_token(key),
                   "unknown field " + quote_for_message(key) + " is ignored (the fields of " +
                       std::string(of) + " are " + join_fields(fields) + ")");
        }
    }

    void check_file(const ContentFile& file) {
        ContentFileJson parsed = parse_content_file(file, "guide");
        if (parsed.problem) {
            report(Severity::Error, std::move(parsed.problem->code), "", std::move(parsed.problem->message));
            return;
        }
        const std::string folder = file.path.substr(0, file.path.find('/'));
        std::optional<std::string> locale;
        if (is_locale_tag(folder))
            locale = folder;
        else
            error("content.locale.bad_name", "",
                  "folder " + quote_for_message(folder) +
                      " is not a language tag; name locale folders like en, he, ar or pt-BR");
        const bool file_failed = m_log.failed();
        if (parsed.document.is_array()) {
            for (std::size_t i = 0; i < parsed.document.size(); ++i)
                check_guide(parsed.document[i], "/" + std::to_string(i), locale, file_failed);
        } else {
            check_guide(parsed.document, "", locale, file_failed);
        }
    }

    void check_guide(const json& value, const std::string& base, const std::optional<std::string>& locale,
                     bool file_failed) {
        m_log.set_failed(file_failed);
        if (!value.is_object()) {
            error("content.guide.not_an_object", base,
                  "a guide must be a JSON object {\"id\": …, \"title\": …, \"steps\": […]}, got " +
                      std::string(json_type_name(value)));
            return;
        }
        warn_unknown_fields(value, base, k_guide_fields, "a guide");
        Guide guide;
        guide.locale = locale.value_or(std::string());
        const std::optional<std::string> id = check_item_id(value, base, k_guide_kind, m_log);
        if (id)
            guide.id = *id;
        check_item_locale(value, base, locale, k_guide_kind, m_log);
        guide.title = text_field(value, base, "title", k_max_title_characters, "content.guide.missing_title",
                                 "content.guide.title_too_long");
        guide.summary = text_field(value, base, "summary", k_max_guide_summary_characters, nullptr,
                                   "content.guide.string_too_long");
        check_pages(value, base, guide.pages);
        check_steps(value, base, guide);

        const bool valid = !m_log.failed();
        if (id && locale)
            m_ids.add(*locale, guide.id, m_log.file_path(), base + "/id",
                      valid ? std::optional<std::size_t>(m_candidates.size()) : std::nullopt);
        if (valid)
            m_candidates.push_back(std::move(guide));
    }

    // A string field of at most `limit` characters; "" when absent. With a `missing_code` it is
    // required (absent or blank is that problem); without one it is optional.
    std::string text_field(const json& object, const std::string& base, const char* name, std::size_t limit,
                           const char* missing_code, const char* too_long_code) {
        const bool required = missing_code != nullptr;
        const std::string pointer = base + "/" + name;
        const auto it = object.find(name);
        if (it == object.end()) {
            if (required)
                error(missing_code, pointer, std::string("a \"") + name + "\" is required here");
            return {};
        }
        if (!it->is_string()) {
            wrong_type(pointer, name, "a string", *it);
            return {};
        }
        const std::string& text = it->get_ref<const std::string&>();
        if (required && is_blank_text(text)) {
            error(missing_code, pointer, std::string("the ") + name + " is empty");
            return {};
        }
        if (const std::size_t length = count_code_points(text); length > limit) {
            error(too_long_code, pointer,
                  std::string(name) + " has " + std::to_string(length) + " characters; at most " +
                      std::to_string(limit) + " fit the widget");
            return {};
        }
        return text;
    }

    void check_pages(const json& object, const std::string& base, std::vector<std::string>& out) {
        const auto it = object.find("pages");
        if (it == object.end())
            return;
        const std::string pointer = base + "/pages";
        if (!it->is_array()) {
            wrong_type(pointer, "pages", "an array of URL path patterns", *it);
            return;
        }
        if (it->size() > k_max_list_items) {
            error("content.guide.too_many_items", pointer,
                  "pages has " + std::to_string(it->size()) + " items; at most " +
                      std::to_string(k_max_list_items) + " are allowed");
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i)
            if (auto page = page_pattern((*it)[i], pointer + "/" + std::to_string(i), "pages"))
                out.push_back(std::move(*page));
    }

    std::optional<std::string> page_pattern(const json& value, const std::string& pointer,
                                            std::string_view what) {
        if (!value.is_string()) {
            wrong_type(pointer, what, "a URL path pattern (a string)", value);
            return std::nullopt;
        }
        const std::string& text = value.get_ref<const std::string&>();
        if (!is_page_pattern(text)) {
            error("content.guide.bad_page_pattern", pointer,
                  "page pattern " + quote_for_message(text) +
                      " must be a URL path starting with '/', without spaces, '?' or '#' ('*' matches any "
                      "run), such as \"/order-status.html\"");
            return std::nullopt;
        }
        return text;
    }

    // One selector or a list of them, each checked as the browser would parse it.
    std::vector<std::string> selectors(const json& value, const std::string& pointer, std::string_view what) {
        std::vector<std::string> out;
        auto check_one = [&](const json& item, const std::string& item_pointer) {
            if (!item.is_string()) {
                wrong_type(item_pointer, what, "a CSS selector (a string) or a list of them", item);
                return;
            }
            const std::string& selector = item.get_ref<const std::string&>();
            if (auto checked = guide::check_css_selector(selector); !checked) {
                error("content.guide.bad_selector", item_pointer,
                      "the browser cannot use this selector: " + checked.error().message + " (" +
                          checked.error().code + ")");
                return;
            }
            out.push_back(selector);
        };
        if (value.is_array()) {
            if (value.empty() || value.size() > k_max_step_selectors) {
                error("content.guide.too_many_items", pointer,
                      std::string(what) + " lists " + std::to_string(value.size()) +
                          " selectors; give 1 to " + std::to_string(k_max_step_selectors) +
                          " (the first that matches is used)");
                return out;
            }
            for (std::size_t i = 0; i < value.size(); ++i)
                check_one(value[i], pointer + "/" + std::to_string(i));
        } else {
            check_one(value, pointer);
        }
        return out;
    }

    void check_steps(const json& object, const std::string& base, Guide& guide) {
        const std::string pointer = base + "/steps";
        const auto it = object.find("steps");
        if (it == object.end()) {
            error("content.guide.no_steps", pointer, "a guide needs \"steps\": a list of at least one step");
            return;
        }
        if (!it->is_array()) {
            wrong_type(pointer, "steps", "an array of steps", *it);
            return;
        }
        if (it->size() > k_max_guide_steps) {
            error("content.guide.too_many_steps", pointer,
                  "the guide has " + std::to_string(it->size()) + " steps; at most " +
                      std::to_string(k_max_guide_steps) + " are allowed (split it into several guides)");
            return;
        }
        bool steps_failed = false;
        for (std::size_t i = 0; i < it->size(); ++i) {
            const bool failed_before = m_log.failed();
            m_log.set_failed(false);
            GuideStep step = check_step((*it)[i], pointer + "/" + std::to_string(i), i);
            steps_failed = steps_failed || m_log.failed();
            m_log.set_failed(failed_before || m_log.failed());
            guide.steps.push_back(std::move(step));
        }
        // Links between steps mean something only once every step could be read.
        if (steps_failed)
            return;
        for (guide::GuideProblem& problem : guide::validate_guide_steps(guide))
            report(problem.warning ? Severity::Warning : Severity::Error, std::move(problem.code),
                   base + problem.pointer, std::move(problem.message));
    }

    GuideStep check_step(const json& value, const std::string& base, std::size_t index) {
        GuideStep step;
        if (!value.is_object()) {
            error("content.guide.step_not_an_object", base,
                  "a step must be a JSON object {\"title\": …, \"target\": …}, got " +
                      std::string(json_type_name(value)));
            return step;
        }
        warn_unknown_fields(value, base, k_step_fields, "a step");
        step.id = std::to_string(index + 1); // steps without an id are saved by their position
        if (const auto it = value.find("id"); it != value.end()) {
            if (!it->is_string())
                wrong_type(base + "/id", "id", "a string", *it);
            else if (!is_article_id(it->get_ref<const std::string&>()))
                error("content.guide.bad_step_id", base + "/id",
                      "step id " + quote_for_message(it->get_ref<const std::string&>()) +
                          " must be lowercase letters, digits and '-', at most " +
                          std::to_string(k_max_id_bytes) + " bytes");
            else
                step.id = it->get<std::string>();
        }
        step.title = text_field(value, base, "title", k_max_step_title_characters,
                                "content.guide.step_without_text", "content.guide.step_title_too_long");
        if (const auto it = value.find("body"); it != value.end()) {
            if (!it->is_string())
                wrong_type(base + "/body", "body", "a string", *it);
            else if (it->get_ref<const std::string&>().size() > k_max_step_body_bytes)
                error("content.guide.step_body_too_long", base + "/body",
                      "the body has " + std::to_string(it->get_ref<const std::string&>().size()) +
                          " bytes; a step's body fits in " + std::to_string(k_max_step_body_bytes) +
                          " (link to an article for more)");
            else
                step.body = it->get<std::string>();
        }
        if (const auto it = value.find("target"); it != value.end())
            step.target = selectors(*it, base + "/target", "target");
        if (const auto it = value.find("page"); it != value.end())
            step.page = page_pattern(*it, base + "/page", "page").value_or(std::string());
        if (const auto it = value.find("placement"); it != value.end()) {
            if (!it->is_string() ||
                !guide::parse_placement(it->get_ref<const std::string&>(), step.placement))
                error("content.guide.bad_placement", base + "/placement",
                      "placement must be one of auto, top, bottom, left, right");
        }
        if (const auto it = value.find("next"); it != value.end()) {
            if (!it->is_string())
                wrong_type(base + "/next", "next", "a step id or \"end\"", *it);
            else
                step.next = it->get<std::string>();
        }
        if (const auto it = value.find("wait_ms"); it != value.end()) {
            if (!it->is_number_unsigned() || it->get<std::uint64_t>() > guide::k_max_wait_ms)
                error("content.guide.bad_wait", base + "/wait_ms",
                      "wait_ms must be a whole number of milliseconds from 0 to " +
                          std::to_string(guide::k_max_wait_ms));
            else
                step.wait_ms = it->get<std::uint32_t>();
        }
        check_advance(value, base, step);
        check_branches(value, base, step);
        return step;
    }

    void check_advance(const json& object, const std::string& base, GuideStep& step) {
        const auto it = object.find("advance");
        if (it == object.end())
            return;
        const std::string pointer = base + "/advance";
        const json* when = &*it;
        if (it->is_object()) {
            warn_unknown_fields(*it, pointer, k_advance_fields, "advance");
            const auto found = it->find("when");
            if (found == it->end()) {
                error("content.guide.bad_advance", pointer + "/when",
                      "advance needs \"when\": manual, target_clicked, field_filled, url_reached or "
                      "element_visible");
                return;
            }
            when = &*found;
            if (const auto selector = it->find("selector"); selector != it->end())
                step.advance.selectors = selectors(*selector, pointer + "/selector", "selector");
            if (const auto page = it->find("page"); page != it->end())
                step.advance.page = page_pattern(*page, pointer + "/page", "page").value_or(std::string());
        }
        const std::string when_pointer = it->is_object() ? pointer + "/when" : pointer;
        if (!when->is_string() ||
            !guide::parse_advance_kind(when->get_ref<const std::string&>(), step.advance.kind)) {
            error("content.guide.bad_advance", when_pointer,
                  "advance must be manual, target_clicked, field_filled, url_reached or element_visible "
                  "(a string, or {\"when\": …} with a selector or page)");
            return;
        }
        using guide::AdvanceKind;
        switch (step.advance.kind) {
        case AdvanceKind::TargetClicked:
            if (step.target.empty())
                error("content.guide.advance_needs_target", when_pointer,
                      "target_clicked needs the step to have a \"target\" to click");
            break;
        case AdvanceKind::FieldFilled:
            if (step.target.empty() && step.advance.selectors.empty())
                error("content.guide.advance_needs_target", when_pointer,
                      "field_filled needs a \"target\" field, or a \"selector\" in advance");
            break;
        case AdvanceKind::UrlReached:
            if (step.advance.page.empty())
                error(
                    "content.guide.advance_needs_page", when_pointer,
                    "url_reached needs the page to wait for: {\"when\": \"url_reached\", \"page\": \"/…\"}");
            break;
        case AdvanceKind::ElementVisible:
            if (step.advance.selectors.empty())
                error("content.guide.advance_needs_selector", when_pointer,
                      "element_visible needs the element to wait for: {\"when\": \"element_visible\", "
                      "\"selector\": \"#…\"}");
            break;
        case AdvanceKind::Manual:
            break;
        }
    }

    void check_branches(const json& object, const std::string& base, GuideStep& step) {
        const auto it = object.find("branches");
        if (it == object.end())
            return;
        const std::string pointer = base + "/branches";
        if (!it->is_array()) {
            wrong_type(pointer, "branches", "an array of {\"label\": …, \"next\": …}", *it);
            return;
        }
        if (it->size() < 2 || it->size() > k_max_branches) {
            error("content.guide.branch_count", pointer,
                  "a question needs 2 to " + std::to_string(k_max_branches) + " answers, it has " +
                      std::to_string(it->size()));
            return;
        }
        if (step.advance.kind != guide::AdvanceKind::Manual)
            error("content.guide.question_with_advance", base + "/advance",
                  "a step with branches moves on when the shopper answers; remove its advance");
        if (!step.next.empty())
            report(Severity::Warning, "content.guide.next_ignored", base + "/next",
                   "a step with branches goes where the chosen answer says; its \"next\" is ignored");
        for (std::size_t i = 0; i < it->size(); ++i) {
            const json& item = (*it)[i];
            const std::string item_pointer = pointer + "/" + std::to_string(i);
            if (!item.is_object()) {
                wrong_type(item_pointer, "an answer", "an object {\"label\": …, \"next\": …}", item);
                continue;
            }
            warn_unknown_fields(item, item_pointer, k_branch_fields, "an answer");
            guide::Branch branch;
            branch.label = text_field(item, item_pointer, "label", k_max_branch_label_characters,
                                      "content.guide.branch_without_label", "content.guide.string_too_long");
            const auto next = item.find("next");
            if (next == item.end() || !next->is_string() || next->get_ref<const std::string&>().empty()) {
                error("content.guide.unknown_step", item_pointer + "/next",
                      "every answer needs \"next\": the id of the step it leads to, or \"end\"");
                continue;
            }
            branch.next = next->get<std::string>();
            step.branches.push_back(std::move(branch));
        }
    }

    std::vector<ContentProblem>& m_problems;
    ContentProblemLog m_log;
    std::vector<Guide> m_candidates;
    DuplicateIds m_ids;
};

} // namespace

LoadedGuides load_guides(std::span<const ContentFile> files) {
    LoadedGuides loaded;
    GuideValidator validator(loaded.problems);
    for (const ContentFile& file : files)
        validator.validate_file(file);
    loaded.guides = validator.finish();
    return loaded;
}

bool is_guide_file_path(std::string_view path) {
    const std::size_t slash = path.find('/');
    if (slash == std::string_view::npos)
        return false;
    path.remove_prefix(slash + 1);
    return path.starts_with("guides/") && path.find('/', 7) == std::string_view::npos &&
           path.ends_with(".json");
}

} // namespace support::content

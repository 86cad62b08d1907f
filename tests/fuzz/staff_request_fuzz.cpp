// libFuzzer target: what a staff request carries — the list's query string, a tag, a note — and
// the CSV cell encoder on arbitrary bytes. Beyond not crashing: a refused filter always has the
// stable id and names a parameter; an accepted tag is tidy (no edge spaces, no upper-case ASCII,
// at most 40 characters); a CSV cell never starts with a character a spreadsheet would run as a
// formula, and a quoted cell's quotes are all doubled.
#include "server/staff/feedback_csv.h"
#include "server/staff/feedback_filters.h"
#include "server/staff/triage_values.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace support::server;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);

    const auto list = parse_feedback_filters("/api/v1/staff/feedback?" + input);
    if (!list && list.error().code != "api.staff.bad_filter")
        std::abort();
    if (list && (list->limit < 1 || list->limit > k_max_list_limit))
        std::abort();
    const auto insights = parse_insights_filters("/api/v1/staff/insights?" + input);
    if (!insights && insights.error().code != "api.staff.bad_filter")
        std::abort();

    if (const auto tag = normalize_tag(input)) {
        if (tag->empty() || tag->front() == ' ' || tag->back() == ' ')
            std::abort();
        for (char c : *tag)
            if (c >= 'A' && c <= 'Z')
                std::abort();
    } else if (tag.error().code != "api.staff.bad_tag") {
        std::abort();
    }
    if (const auto note = check_note(input); !note && note.error().code != "api.staff.bad_note")
        std::abort();

    const std::string cell = csv_cell(input);
    const std::string_view shown =
        !cell.empty() && cell.front() == '"' ? std::string_view(cell).substr(1) : cell;
    if (!shown.empty() &&
        (shown.front() == '=' || shown.front() == '+' || shown.front() == '-' || shown.front() == '@'))
        std::abort();
    if (!cell.empty() && cell.front() == '"') {
        const std::string_view inner = std::string_view(cell).substr(1, cell.size() - 2);
        for (std::size_t i = 0; i < inner.size(); ++i) {
            if (inner[i] != '"')
                continue;
            if (i + 1 >= inner.size() || inner[i + 1] != '"')
                std::abort();
            ++i;
        }
    }
    return 0;
}

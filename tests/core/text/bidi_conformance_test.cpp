// The Unicode conformance files for the bidirectional algorithm, run in full: every line of
// BidiTest.txt (classes, each paragraph direction its bitset names) and BidiCharacterTest.txt (code
// points, brackets included). Each runner prints its pass count; a failure lists the first lines
// that fail with what was expected and what came out.
#include "shared/core/text/bidi_levels.h"
#include "shared/core/text/bidi_reorder.h"

#include "catch_amalgamated.hpp"

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace support::text;

namespace {

constexpr std::size_t k_failures_listed = 10;

struct Outcome {
    std::string levels; // "x 1 0", x for characters removed by X9
    std::string order;  // visual order of the characters that are not removed
};

Outcome run_algorithm(const std::vector<BidiClass>& classes, const std::u32string& code_points,
                      TextDirection direction, int* paragraph_level = nullptr) {
    const BidiParagraph paragraph = resolve_bidi_levels(classes, code_points, direction);
    if (paragraph_level != nullptr) {
        *paragraph_level = paragraph.paragraph_level;
    }
    const std::vector<std::uint8_t> line = line_levels(classes, paragraph, 0, classes.size());
    Outcome outcome;
    std::vector<std::uint8_t> kept_levels;
    std::vector<std::size_t> kept_positions;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        if (!outcome.levels.empty()) {
            outcome.levels += ' ';
        }
        if (is_removed_by_x9(classes[i])) {
            outcome.levels += 'x';
            continue;
        }
        outcome.levels += std::to_string(line[i]);
        kept_levels.push_back(line[i]);
        kept_positions.push_back(i);
    }
    for (const std::size_t visual : visual_order(kept_levels)) {
        if (!outcome.order.empty()) {
            outcome.order += ' ';
        }
        outcome.order += std::to_string(kept_positions[visual]);
    }
    return outcome;
}

std::string normalised(const std::string& list) {
    std::istringstream in(list);
    std::string item;
    std::string out;
    while (in >> item) {
        out += (out.empty() ? "" : " ") + item;
    }
    return out;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator)) {
        parts.push_back(part);
    }
    return parts;
}

const std::map<std::string, BidiClass>& class_names() {
    static const std::map<std::string, BidiClass> names = {
        {"L", BidiClass::L},     {"R", BidiClass::R},     {"AL", BidiClass::AL},   {"EN", BidiClass::EN},
        {"ES", BidiClass::ES},   {"ET", BidiClass::ET},   {"AN", BidiClass::AN},   {"CS", BidiClass::CS},
        {"NSM", BidiClass::NSM}, {"BN", BidiClass::BN},   {"B", BidiClass::B},     {"S", BidiClass::S},
        {"WS", BidiClass::WS},   {"ON", BidiClass::ON},   {"LRE", BidiClass::LRE}, {"LRO", BidiClass::LRO},
        {"RLE", BidiClass::RLE}, {"RLO", BidiClass::RLO}, {"PDF", BidiClass::PDF}, {"LRI", BidiClass::LRI},
        {"RLI", BidiClass::RLI}, {"FSI", BidiClass::FSI}, {"PDI", BidiClass::PDI},
    };
    return names;
}

struct Tally {
    std::size_t passed = 0;
    std::size_t failed = 0;
    std::vector<std::string> first_failures;

    void record(bool pass, const std::string& description) {
        if (pass) {
            ++passed;
            return;
        }
        ++failed;
        if (first_failures.size() < k_failures_listed) {
            first_failures.push_back(description);
        }
    }

    std::string report(const char* file) const {
        std::string text = std::string(file) + ": " + std::to_string(passed) + " of " +
                           std::to_string(passed + failed) + " cases pass";
        for (const auto& failure : first_failures) {
            text += "\n  " + failure;
        }
        return text;
    }
};

std::ifstream open_unicode_file(const char* name) {
    std::ifstream file(std::string(SW_UNICODE_DIR) + "/" + name);
    if (!file) {
        FAIL(std::string(SW_UNICODE_DIR) + "/" + name + " cannot be read (Debian package unicode-data)");
    }
    return file;
}

} // namespace

TEST_CASE("Every case of BidiTest.txt resolves to the expected levels and order") {
    std::ifstream file = open_unicode_file("BidiTest.txt");
    Tally tally;
    std::string expected_levels;
    std::string expected_order;
    std::string line;
    std::size_t line_number = 0;
    while (std::getline(file, line)) {
        ++line_number;
        line = trimmed(line.substr(0, line.find('#')));
        if (line.empty()) {
            continue;
        }
        if (line.rfind("@Levels:", 0) == 0) {
            expected_levels = normalised(line.substr(8));
            continue;
        }
        if (line.rfind("@Reorder:", 0) == 0) {
            expected_order = normalised(line.substr(9));
            continue;
        }
        if (line[0] == '@') {
            continue;
        }
        const auto fields = split(line, ';');
        REQUIRE(fields.size() == 2);
        std::vector<BidiClass> classes;
        std::istringstream names(fields[0]);
        std::string name;
        while (names >> name) {
            const auto found = class_names().find(name);
            REQUIRE(found != class_names().end());
            classes.push_back(found->second);
        }
        const int bitset = std::stoi(trimmed(fields[1]), nullptr, 16);
        const std::pair<int, TextDirection> directions[] = {
            {1, TextDirection::Auto}, {2, TextDirection::LeftToRight}, {4, TextDirection::RightToLeft}};
        for (const auto& [bit, direction] : directions) {
            if ((bitset & bit) == 0) {
                continue;
            }
            const Outcome outcome = run_algorithm(classes, {}, direction);
            const bool pass = outcome.levels == expected_levels && outcome.order == expected_order;
            tally.record(pass, "line " + std::to_string(line_number) + " (" + line + ", direction bit " +
                                   std::to_string(bit) + "): levels " + outcome.levels + " (expected " +
                                   expected_levels + "), order " + outcome.order + " (expected " +
                                   expected_order + ")");
        }
    }
    std::printf("%s\n", tally.report("BidiTest.txt").c_str());
    INFO(tally.report("BidiTest.txt"));
    CHECK(tally.passed > 400000);
    CHECK(tally.failed == 0);
}

TEST_CASE("Every case of BidiCharacterTest.txt resolves to the expected paragraph level, levels and order") {
    std::ifstream file = open_unicode_file("BidiCharacterTest.txt");
    Tally tally;
    std::string line;
    std::size_t line_number = 0;
    while (std::getline(file, line)) {
        ++line_number;
        line = trimmed(line.substr(0, line.find('#')));
        if (line.empty()) {
            continue;
        }
        const auto fields = split(line, ';');
        REQUIRE(fields.size() == 5);
        std::u32string code_points;
        std::istringstream hex(fields[0]);
        std::string value;
        while (hex >> value) {
            code_points.push_back(static_cast<char32_t>(std::stoul(value, nullptr, 16)));
        }
        std::vector<BidiClass> classes;
        for (const char32_t c : code_points) {
            classes.push_back(bidi_class(c));
        }
        const int direction_field = std::stoi(fields[1]);
        const TextDirection direction = direction_field == 0   ? TextDirection::LeftToRight
                                        : direction_field == 1 ? TextDirection::RightToLeft
                                                               : TextDirection::Auto;
        int paragraph_level = -1;
        const Outcome outcome = run_algorithm(classes, code_points, direction, &paragraph_level);
        const std::string expected_levels = normalised(fields[3]);
        const std::string expected_order = normalised(fields[4]);
        const bool pass = paragraph_level == std::stoi(fields[2]) && outcome.levels == expected_levels &&
                          outcome.order == expected_order;
        tally.record(pass, "line " + std::to_string(line_number) + " (" + normalised(fields[0]) +
                               "): paragraph level " + std::to_string(paragraph_level) + " (expected " +
                               trimmed(fields[2]) + "), levels " + outcome.levels + " (expected " +
                               expected_levels + "), order " + outcome.order + " (expected " +
                               expected_order + ")");
    }
    std::printf("%s\n", tally.report("BidiCharacterTest.txt").c_str());
    INFO(tally.report("BidiCharacterTest.txt"));
    CHECK(tally.passed > 90000);
    CHECK(tally.failed == 0);
}

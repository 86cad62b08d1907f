#include "shared/core/text/bidi_levels.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>

namespace support::text {
namespace {

using C = BidiClass;
constexpr std::size_t k_none = static_cast<std::size_t>(-1);

bool is_isolate_initiator(C c) {
    return c == C::LRI || c == C::RLI || c == C::FSI;
}
bool is_isolate_control(C c) {
    return is_isolate_initiator(c) || c == C::PDI;
}
bool is_neutral_or_isolate(C c) {
    return c == C::B || c == C::S || c == C::WS || c == C::ON || is_isolate_control(c);
}
C direction_of_level(unsigned level) {
    return (level & 1U) != 0 ? C::R : C::L;
}
// For N0 and N1, numbers count as right-to-left.
C strong_direction(C c) {
    switch (c) {
    case C::L:
        return C::L;
    case C::R:
    case C::AL:
    case C::EN:
    case C::AN:
        return C::R;
    default:
        return C::ON;
    }
}

// The stretch of characters one paragraph-level resolution works on, with the lookups every rule
// shares: the original classes, the classes as the rules change them, and the levels.
class ParagraphResolver {
  public:
    ParagraphResolver(std::span<const C> classes, std::span<const char32_t> code_points,
                      TextDirection direction, std::uint8_t auto_fallback = 0)
        : original_(classes), code_points_(code_points), types_(classes.begin(), classes.end()),
          levels_(classes.size(), 0), matching_pdi_(classes.size(), k_none),
          matching_initiator_(classes.size(), k_none) {
        match_isolates();
        if (direction == TextDirection::Auto) {
            paragraph_level_ = first_strong_level_in(0, original_.size(), auto_fallback);
        } else {
            paragraph_level_ = direction == TextDirection::RightToLeft ? 1 : 0;
        }
    }

    BidiParagraph resolve() {
        resolve_explicit_levels();
        for (std::size_t i = 0; i < types_.size(); ++i) {
            if (is_removed_by_x9(original_[i])) {
                types_[i] = C::BN; // X9
            }
        }
        for (auto& sequence : isolating_run_sequences()) {
            resolve_sequence(sequence);
        }
        // Removed characters take the level of the character before them (section 5.2).
        for (std::size_t i = 0; i < levels_.size(); ++i) {
            if (is_removed_by_x9(original_[i])) {
                levels_[i] = i == 0 ? paragraph_level_ : levels_[i - 1];
            }
        }
        return {paragraph_level_, std::move(levels_)};
    }

    // P2–P3 over [begin, end), skipping isolated text.
    std::uint8_t first_strong_level_in(std::size_t begin, std::size_t end, std::uint8_t fallback) const {
        for (std::size_t i = begin; i < end; ++i) {
            const C c = original_[i];
            if (c == C::L) {
                return 0;
            }
            if (c == C::R || c == C::AL) {
                return 1;
            }
            if (is_isolate_initiator(c)) {
                if (matching_pdi_[i] == k_none) {
                    break;
                }
                i = matching_pdi_[i];
            }
        }
        return fallback;
    }

  private:
    // BD9: each isolate initiator's matching PDI.
    void match_isolates() {
        std::vector<std::size_t> open;
        for (std::size_t i = 0; i < original_.size(); ++i) {
            const C c = original_[i];
            if (is_isolate_initiator(c)) {
                open.push_back(i);
            } else if (c == C::PDI && !open.empty()) {
                matching_pdi_[open.back()] = i;
                matching_initiator_[i] = open.back();
                open.pop_back();
            } else if (c == C::B) {
                open.clear();
            }
        }
    }

    struct StatusEntry {
        std::uint8_t level;
        C override_class; // ON when there is no override
        bool isolate;
    };

    // X1–X8.
    void resolve_explicit_levels() {
        std::vector<StatusEntry> stack;
        stack.reserve(k_max_bidi_depth + 2);
        stack.push_back({paragraph_level_, C::ON, false});
        int overflow_isolates = 0;
        int overflow_embeddings = 0;
        int valid_isolates = 0;

        for (std::size_t i = 0; i < original_.size(); ++i) {
            const C c = original_[i];
            switch (c) {
            case C::RLE:
            case C::LRE:
            case C::RLO:
            case C::LRO: {
                const bool rtl = c == C::RLE || c == C::RLO;
                const unsigned top = stack.back().level;
                const unsigned next = rtl ? ((top + 1U) | 1U) : ((top + 2U) & ~1U);
                if (next <= k_max_bidi_depth && overflow_isolates == 0 && overflow_embeddings == 0) {
                    const C override_class = c == C::RLO ? C::R : (c == C::LRO ? C::L : C::ON);
                    stack.push_back({static_cast<std::uint8_t>(next), override_class, false});
                } else if (overflow_isolates == 0) {
                    ++overflow_embeddings;
                }
                levels_[i] = stack.back().level;
                break;
            }
            case C::RLI:
            case C::LRI:
            case C::FSI: {
                levels_[i] = stack.back().level;
                if (stack.back().override_class != C::ON) {
                    types_[i] = stack.back().override_class;
                }
                bool rtl = c == C::RLI;
                if (c == C::FSI) {
                    const std::size_t end = matching_pdi_[i] == k_none ? original_.size() : matching_pdi_[i];
                    rtl = first_strong_level_in(i + 1, end, 0) == 1;
                }
                const unsigned top = stack.back().level;
                const unsigned next = rtl ? ((top + 1U) | 1U) : ((top + 2U) & ~1U);
                if (next <= k_max_bidi_depth && overflow_isolates == 0 && overflow_embeddings == 0) {
                    ++valid_isolates;
                    stack.push_back({static_cast<std::uint8_t>(next), C::ON, true});
                } else {
                    ++overflow_isolates;
                }
                break;
            }
            case C::PDI:
                if (overflow_isolates > 0) {
                    --overflow_isolates;
                } else if (valid_isolates > 0) {
                    overflow_embeddings = 0;
                    while (!stack.back().isolate) {
                        stack.pop_back();
                    }
                    stack.pop_back();
                    --valid_isolates;
                }
                levels_[i] = stack.back().level;
                if (stack.back().override_class != C::ON) {
                    types_[i] = stack.back().override_class;
                }
                break;
            case C::PDF:
                if (overflow_isolates > 0) {
                    // nothing
                } else if (overflow_embeddings > 0) {
                    --overflow_embeddings;
                } else if (!stack.back().isolate && stack.size() >= 2) {
                    stack.pop_back();
                }
                levels_[i] = stack.back().level;
                break;
            case C::B:
                levels_[i] = paragraph_level_;
                break;
            case C::BN:
                levels_[i] = stack.back().level;
                break;
            default:
                levels_[i] = stack.back().level;
                if (stack.back().override_class != C::ON) {
                    types_[i] = stack.back().override_class;
                }
                break;
            }
        }
    }

    struct Sequence {
        std::vector<std::size_t> indexes;
        std::vector<C> types;
        unsigned level = 0;
        C sos = C::L;
        C eos = C::L;
    };

    // X10 (BD13): level runs chained through matching isolate initiators and PDIs.
    std::vector<Sequence> isolating_run_sequences() const {
        std::vector<std::vector<std::size_t>> runs;
        std::vector<std::size_t> run_of(original_.size(), k_none);
        int current_level = -1;
        for (std::size_t i = 0; i < original_.size(); ++i) {
            if (types_[i] == C::BN) {
                continue;
            }
            if (levels_[i] != current_level || runs.empty()) {
                runs.emplace_back();
                current_level = levels_[i];
            }
            runs.back().push_back(i);
            run_of[i] = runs.size() - 1;
        }

        std::vector<Sequence> sequences;
        for (const auto& run : runs) {
            const std::size_t first = run.front();
            if (original_[first] == C::PDI && matching_initiator_[first] != k_none) {
                continue; // continues the sequence its initiator started
            }
            Sequence sequence;
            const std::vector<std::size_t>* current = &run;
            while (true) {
                sequence.indexes.insert(sequence.indexes.end(), current->begin(), current->end());
                const std::size_t last = current->back();
                if (!is_isolate_initiator(original_[last]) || matching_pdi_[last] == k_none) {
                    break;
                }
                const std::size_t next_run = run_of[matching_pdi_[last]];
                if (next_run == k_none) {
                    break;
                }
                current = &runs[next_run];
            }
            sequences.push_back(std::move(sequence));
        }

        for (auto& sequence : sequences) {
            sequence.types.reserve(sequence.indexes.size());
            for (const std::size_t index : sequence.indexes) {
                sequence.types.push_back(types_[index]);
            }
            sequence.level = levels_[sequence.indexes.front()];

            std::size_t before = sequence.indexes.front();
            while (before > 0 && is_removed_by_x9(original_[before - 1])) {
                --before;
            }
            const unsigned level_before = before > 0 ? levels_[before - 1] : paragraph_level_;
            sequence.sos = direction_of_level(std::max(level_before, sequence.level));

            const std::size_t last = sequence.indexes.back();
            unsigned level_after = paragraph_level_;
            if (!is_isolate_initiator(original_[last])) {
                std::size_t after = last + 1;
                while (after < original_.size() && is_removed_by_x9(original_[after])) {
                    ++after;
                }
                if (after < original_.size()) {
                    level_after = levels_[after];
                }
            }
            sequence.eos = direction_of_level(std::max(level_after, sequence.level));
        }
        return sequences;
    }

    void resolve_sequence(Sequence& s) {
        const std::vector<C> before_weak_rules = s.types;
        resolve_weak_types(s);
        resolve_paired_brackets(s, before_weak_rules);
        resolve_neutral_types(s);
        // I1–I2.
        for (std::size_t k = 0; k < s.indexes.size(); ++k) {
            const C t = s.types[k];
            unsigned level = s.level;
            if ((level & 1U) == 0) {
                if (t == C::R) {
                    level += 1;
                } else if (t == C::AN || t == C::EN) {
                    level += 2;
                }
            } else if (t == C::L || t == C::EN || t == C::AN) {
                level += 1;
            }
            levels_[s.indexes[k]] = static_cast<std::uint8_t>(level);
        }
    }

    // W1–W7.
    static void resolve_weak_types(Sequence& s) {
        auto& t = s.types;
        const std::size_t n = t.size();
        // W1
        C preceding = s.sos;
        for (std::size_t k = 0; k < n; ++k) {
            if (t[k] == C::NSM) {
                t[k] = preceding;
            } else {
                preceding = is_isolate_control(t[k]) ? C::ON : t[k];
            }
        }
        // W2, W3
        C last_strong = s.sos;
        for (std::size_t k = 0; k < n; ++k) {
            if (t[k] == C::L || t[k] == C::R || t[k] == C::AL) {
                last_strong = t[k];
            } else if (t[k] == C::EN && last_strong == C::AL) {
                t[k] = C::AN;
            }
        }
        for (auto& type : t) {
            if (type == C::AL) {
                type = C::R;
            }
        }
        // W4
        for (std::size_t k = 1; k + 1 < n; ++k) {
            if (t[k] == C::ES && t[k - 1] == C::EN && t[k + 1] == C::EN) {
                t[k] = C::EN;
            } else if (t[k] == C::CS && t[k - 1] == t[k + 1] && (t[k - 1] == C::EN || t[k - 1] == C::AN)) {
                t[k] = t[k - 1];
            }
        }
        // W5
        for (std::size_t k = 0; k < n; ++k) {
            if (t[k] != C::ET) {
                continue;
            }
            std::size_t end = k;
            while (end < n && t[end] == C::ET) {
                ++end;
            }
            const bool touches_number = (k > 0 && t[k - 1] == C::EN) || (end < n && t[end] == C::EN);
            if (touches_number) {
                std::fill(t.begin() + static_cast<std::ptrdiff_t>(k),
                          t.begin() + static_cast<std::ptrdiff_t>(end), C::EN);
            }
            k = end - 1;
        }
        // W6
        for (auto& type : t) {
            if (type == C::ES || type == C::ET || type == C::CS) {
                type = C::ON;
            }
        }
        // W7
        last_strong = s.sos;
        for (auto& type : t) {
            if (type == C::L || type == C::R) {
                last_strong = type;
            } else if (type == C::EN && last_strong == C::L) {
                type = C::L;
            }
        }
    }

    // N0, with BD16's bracket pairs.
    void resolve_paired_brackets(Sequence& s, const std::vector<C>& before_weak_rules) const {
        if (code_points_.empty()) {
            return;
        }
        struct Opener {
            char32_t closing;
            std::size_t position;
        };
        constexpr std::size_t k_max_openers = 63;
        std::vector<Opener> openers;
        std::vector<std::pair<std::size_t, std::size_t>> pairs;
        for (std::size_t k = 0; k < s.indexes.size(); ++k) {
            if (s.types[k] != C::ON) {
                continue;
            }
            const BidiBracket bracket = bidi_bracket(code_points_[s.indexes[k]]);
            if (bracket.type == BracketType::Open) {
                if (openers.size() == k_max_openers) {
                    break;
                }
                openers.push_back({bracket.paired_canonical, k});
            } else if (bracket.type == BracketType::Close) {
                for (std::size_t o = openers.size(); o-- > 0;) {
                    if (openers[o].closing == bracket.canonical) {
                        pairs.emplace_back(openers[o].position, k);
                        openers.resize(o);
                        break;
                    }
                }
            }
        }
        // In order of their opening brackets (found in order of closing ones). Few pairs: an
        // insertion sort, which also keeps std::sort's code out of the WebAssembly module.
        for (std::size_t k = 1; k < pairs.size(); ++k)
            for (std::size_t j = k; j > 0 && pairs[j].first < pairs[j - 1].first; --j)
                std::swap(pairs[j], pairs[j - 1]);

        const C embedding = direction_of_level(s.level);
        for (const auto& [open, close] : pairs) {
            bool found_embedding = false;
            bool found_opposite = false;
            for (std::size_t k = open + 1; k < close; ++k) {
                const C d = strong_direction(s.types[k]);
                if (d == embedding) {
                    found_embedding = true;
                    break;
                }
                if (d != C::ON) {
                    found_opposite = true;
                }
            }
            C resolved = C::ON;
            if (found_embedding) {
                resolved = embedding;
            } else if (found_opposite) {
                C context = s.sos;
                for (std::size_t k = open; k-- > 0;) {
                    const C d = strong_direction(s.types[k]);
                    if (d != C::ON) {
                        context = d;
                        break;
                    }
                }
                resolved = context != embedding ? context : embedding;
            }
            if (resolved == C::ON) {
                continue;
            }
            for (const std::size_t bracket : {open, close}) {
                s.types[bracket] = resolved;
                for (std::size_t k = bracket + 1; k < s.types.size() && before_weak_rules[k] == C::NSM; ++k) {
                    s.types[k] = resolved;
                }
            }
        }
    }

    // N1–N2.
    static void resolve_neutral_types(Sequence& s) {
        auto& t = s.types;
        const std::size_t n = t.size();
        const C embedding = direction_of_level(s.level);
        for (std::size_t k = 0; k < n; ++k) {
            if (!is_neutral_or_isolate(t[k])) {
                continue;
            }
            std::size_t end = k;
            while (end < n && is_neutral_or_isolate(t[end])) {
                ++end;
            }
            const C before = k == 0 ? s.sos : strong_direction(t[k - 1]);
            const C after = end == n ? s.eos : strong_direction(t[end]);
            const C resolved = before == after ? before : embedding;
            std::fill(t.begin() + static_cast<std::ptrdiff_t>(k),
                      t.begin() + static_cast<std::ptrdiff_t>(end), resolved);
            k = end - 1;
        }
    }

    std::span<const C> original_;
    std::span<const char32_t> code_points_;
    std::vector<C> types_;
    std::vector<std::uint8_t> levels_;
    std::vector<std::size_t> matching_pdi_;
    std::vector<std::size_t> matching_initiator_;
    std::uint8_t paragraph_level_ = 0;
};

std::vector<C> classes_of(std::u32string_view text) {
    std::vector<C> classes;
    classes.reserve(text.size());
    for (const char32_t c : text) {
        classes.push_back(bidi_class(c));
    }
    return classes;
}

} // namespace

bool is_removed_by_x9(BidiClass c) {
    return c == C::RLE || c == C::LRE || c == C::RLO || c == C::LRO || c == C::PDF || c == C::BN;
}

BidiParagraph resolve_bidi_levels(std::span<const BidiClass> classes, std::span<const char32_t> code_points,
                                  TextDirection direction, std::uint8_t auto_fallback) {
    assert(code_points.empty() || code_points.size() == classes.size());
    return ParagraphResolver(classes, code_points, direction, auto_fallback).resolve();
}

BidiParagraph resolve_bidi_levels(std::u32string_view text, TextDirection direction) {
    const std::vector<C> classes = classes_of(text);
    return resolve_bidi_levels(classes, std::span<const char32_t>(text.data(), text.size()), direction);
}

std::uint8_t first_strong_level(std::u32string_view text, std::uint8_t fallback) {
    const std::vector<C> classes = classes_of(text);
    return ParagraphResolver(classes, {}, TextDirection::LeftToRight)
        .first_strong_level_in(0, classes.size(), fallback);
}

} // namespace support::text

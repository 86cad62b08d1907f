#pragma once
// BM25F (Robertson & Zaragoza, "The Probabilistic Relevance Framework", §3.5): field term
// frequencies are length-normalised per field, weighted, summed, then saturated once:
//
//   tf~ = Σ_f  w_f · tf_f / (1 − b_f + b_f · len_f / avglen_f)
//   score = idf · tf~ · (k1 + 1) / (k1 + tf~),   idf = ln(1 + (N − df + 0.5) / (df + 0.5))

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace support::search {

enum class Field : std::uint8_t { Title, Tags, Synonyms, Body };
inline constexpr std::size_t k_field_count = 4;

struct Bm25fParameters {
    float k1 = 1.2f;
    std::array<float, k_field_count> weight{5.0f, 2.0f, 2.0f, 1.0f};
    std::array<float, k_field_count> b{0.4f, 0.3f, 0.3f, 0.75f};
};

inline float bm25_idf(std::size_t documents, std::size_t document_frequency) {
    const double n = static_cast<double>(documents), df = static_cast<double>(document_frequency);
    return static_cast<float>(std::log(1.0 + (n - df + 0.5) / (df + 0.5)));
}

// The weighted, length-normalised term frequency of one term in one document.
inline float bm25f_term_frequency(const Bm25fParameters& parameters,
                                  const std::array<float, k_field_count>& frequency,
                                  const std::array<float, k_field_count>& length,
                                  const std::array<float, k_field_count>& average_length) {
    float total = 0;
    for (std::size_t f = 0; f < k_field_count; ++f) {
        if (frequency[f] == 0)
            continue;
        const float relative = average_length[f] > 0 ? length[f] / average_length[f] : 1.0f;
        total += parameters.weight[f] * frequency[f] / (1.0f - parameters.b[f] + parameters.b[f] * relative);
    }
    return total;
}

inline float bm25f_score(const Bm25fParameters& parameters, float idf, float term_frequency) {
    return idf * term_frequency * (parameters.k1 + 1.0f) / (parameters.k1 + term_frequency);
}

} // namespace support::search

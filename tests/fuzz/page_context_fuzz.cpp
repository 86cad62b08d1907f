// libFuzzer target: what a page or a shopper hands the widget as text — a page's JSON-LD (any site's
// markup) and free text to mask. Beyond not crashing: a product's values are valid UTF-8 within
// their bound, and masking is idempotent (masking masked text changes nothing and finds nothing).
#include "shared/core/context/product_json_ld.h"
#include "shared/core/context/secret_masking.h"
#include "shared/core/text/utf8.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (const auto found = context::product_from_json_ld({text})) {
        for (const std::string* value : {&found->product.name, &found->product.sku, &found->product.price,
                                         &found->product.currency, &found->product.availability})
            if (value->size() > protocol::k_max_context_value_bytes || !text::is_valid_utf8(*value))
                std::abort();
    }
    const context::MaskedText once = context::mask_secrets(text);
    const context::MaskedText twice = context::mask_secrets(once.text);
    if (twice.text != once.text || twice.any())
        std::abort();
    return 0;
}

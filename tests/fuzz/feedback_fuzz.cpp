// libFuzzer target: feedback bodies from the network (POST /api/v1/sites/{site}/feedback, and the
// forget request beside it) and the site's settings file. Neither may crash or throw; every refusal carries
// an api.feedback.* id; a submission the decoder accepts encodes to a body that decodes to the same
// submission, and that encoding is stable (the store compares encodings to tell a repeat from a conflict).
#include "server/content/site_settings.h"
#include "shared/core/protocol/feedback_receipt.h"
#include "shared/core/protocol/feedback_submission.h"
#include "shared/core/protocol/shopper_key.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    auto decoded = protocol::decode_feedback_submission(text);
    if (!decoded) {
        if (decoded.error().code.rfind("api.feedback.", 0) != 0 || decoded.error().message.empty())
            std::abort();
    } else {
        const std::string encoded = protocol::encode_feedback_submission(*decoded);
        auto again = protocol::decode_feedback_submission(encoded);
        if (!again || !(*again == *decoded) || protocol::encode_feedback_submission(*again) != encoded)
            std::abort();
    }

    auto receipt = protocol::decode_feedback_receipt(text);
    if (receipt &&
        protocol::decode_feedback_receipt(protocol::encode_feedback_receipt(*receipt)).value() != *receipt)
        std::abort();

    auto forget = protocol::decode_forget_request(text);
    if (forget
            ? forget->size() != 36 ||
                  protocol::decode_forget_request(protocol::encode_forget_request(*forget)).value() != *forget
            : forget.error().code.rfind("api.forget.", 0) != 0)
        std::abort();

    const auto settings = server::parse_site_settings(text);
    for (const auto& problem : settings.problems) {
        if (problem.code.rfind("site.settings.", 0) != 0)
            std::abort();
    }
    for (const auto& origin : settings.settings.allowed_origins) {
        if (origin.scheme != "http" && origin.scheme != "https")
            std::abort();
    }
    (void)settings.settings.allows_origin(text);
    return 0;
}

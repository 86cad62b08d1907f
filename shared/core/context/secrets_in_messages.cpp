#include "shared/core/context/secrets_in_messages.h"

#include "shared/core/context/secret_masking.h"

namespace support::context {

bool mask_secrets_in(std::string& text) {
    MaskedText masked = mask_secrets(text);
    if (!masked.any())
        return false;
    text = std::move(masked.text);
    return true;
}

bool mask_secrets_in(protocol::FeedbackSubmission& submission) {
    const bool comment = mask_secrets_in(submission.comment);
    const bool subject = mask_secrets_in(submission.subject);
    return comment || subject;
}

bool mask_secrets_in(std::vector<protocol::JourneyStep>& journey) {
    bool any = false;
    for (protocol::JourneyStep& step : journey) {
        any = mask_secrets_in(step.subject) || any;
        any = mask_secrets_in(step.detail) || any;
    }
    return any;
}

} // namespace support::context

#pragma once
// mask_secrets (secret_masking.h) over what a shopper writes that travels as a protocol message:
// a feedback event's comment and subject (a search's words), a journey's steps, a chat message.
// The widget applies it before it stores or sends; support-server again before it stores. Each
// says whether anything was masked, so the widget can tell the shopper.

#include "shared/core/protocol/feedback_submission.h"
#include "shared/core/protocol/journey_wire.h"

#include <string>
#include <vector>

namespace support::context {

bool mask_secrets_in(protocol::FeedbackSubmission& submission);
bool mask_secrets_in(std::vector<protocol::JourneyStep>& journey);
bool mask_secrets_in(std::string& text);

} // namespace support::context

#include "widget/views/masked_notice.h"

#include "widget/widget_words.h"

namespace support::widget {

std::string_view masked_secrets_notice() {
    return tr("We removed a card number, bank account or password from your message, to keep it safe.");
}

} // namespace support::widget

#pragma once
// "Other ways to contact us", from the chat: the site's own contact article (phone, email, hours).
// Without such an article it says so. Below: "Report a problem with this page".

#include "widget/views/view_action.h"

namespace support::widget {

class HelpContent;

ViewAction draw_contact_view(const HelpContent& content);

} // namespace support::widget

#pragma once
// Where "Chat with us" leads until chat exists (a later issue): it says plainly that chat is not
// available here yet and shows the site's own contact article — real content, never a pretend
// conversation. Without such an article it says that too. Below: "Report a problem with this page".

#include "widget/views/view_action.h"

namespace support::widget {

class HelpContent;

ViewAction draw_contact_view(const HelpContent& content);

} // namespace support::widget

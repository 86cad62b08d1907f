#include "console/views/sign_in_view.h"

#include "shared/core/text/white_space.h"
#include "shared/ui/controls.h"

#include <imgui.h>

#include <algorithm>

namespace support::console {

void draw_sign_in_view(StaffSession& session, SignInForm& form) {
    // A narrow column in the middle, however wide the window.
    const float width = std::min(ImGui::GetContentRegionAvail().x, 420.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - width) * 0.5f);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(width);
    ImGui::BeginChild("##sign-in", ImVec2(width, 0), ImGuiChildFlags_AutoResizeY,
                      ImGuiWindowFlags_NoScrollbar);
    ui::heading("Sign in to the support console", 1);
    ui::text_field("E-mail address", form.email, {.kind = ui::TextFieldKind::Email, .show_label = true});
    ui::text_field("Password", form.password, {.kind = ui::TextFieldKind::Password, .show_label = true});
    const bool busy = session.state() == SessionState::SigningIn;
    ImGui::Dummy(ImVec2(0, 4));
    if (ui::button(busy ? "Signing in###sign-in" : "Sign in###sign-in", {.width = width}) && !busy) {
        const std::string email(text::trim_white_space(form.email));
        if (!email.empty() && !form.password.empty()) {
            session.sign_in(email, form.password);
            form.password.clear();
        }
    }
    ui::error_text("sign-in-error", session.message());
    ImGui::EndChild();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
}

} // namespace support::console

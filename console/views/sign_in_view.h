#pragma once
// The sign-in form: e-mail address, password, Sign in, and why the last attempt failed.

#include "console/model/staff_session.h"

#include <string>

namespace support::console {

struct SignInForm {
    std::string email;
    std::string password;
};

void draw_sign_in_view(StaffSession& session, SignInForm& form);

} // namespace support::console

#include "catch_amalgamated.hpp"

#include "server/staff/triage_values.h"

using namespace support::server;

TEST_CASE("triage values: tags are tidied so the same tag is always spelled the same", "[staff][triage]") {
    CHECK(normalize_tag("Shipping").value() == "shipping");
    CHECK(normalize_tag("  VIP   customer \t").value() == "vip customer");
    CHECK(normalize_tag("משלוחים").value() == "משלוחים");
    CHECK(normalize_tag("شحن\u00A0سريع").value() == "شحن سريع"); // a no-break space is a space
    CHECK(normalize_tag(std::string(40, 'x')).has_value());
    CHECK(
        normalize_tag(std::string(20, ' ') + std::string(40, 'x')).has_value()); // spaces around do not count
    CHECK(normalize_tag(std::string(41, 'x')).error().code == "api.staff.bad_tag");
    CHECK(normalize_tag("").error().field == "/tag");
    CHECK(normalize_tag("\t ").error().code == "api.staff.bad_tag");
    CHECK(normalize_tag("bell\a").error().code == "api.staff.bad_tag");
    CHECK(normalize_tag("\xC3\x28").error().code == "api.staff.bad_tag");
}

TEST_CASE("triage values: notes are kept as written, trimmed, at most 4000 bytes", "[staff][triage]") {
    CHECK(check_note("  Called the customer back.\nAll good.  ").value() ==
          "Called the customer back.\nAll good.");
    CHECK(check_note(" \n ").error().code == "api.staff.bad_note");
    CHECK(check_note(std::string(4000, 'x')).has_value());
    CHECK(check_note(std::string(4001, 'x')).error().field == "/text");
    CHECK(check_note("\xFF").error().code == "api.staff.bad_note");
}

TEST_CASE("triage values: a status is one of three", "[staff][triage]") {
    CHECK(check_status("new").value() == FeedbackStatus::New);
    CHECK(check_status("in_progress").value() == FeedbackStatus::InProgress);
    CHECK(check_status("resolved").value() == FeedbackStatus::Resolved);
    CHECK(check_status("Resolved").error().code == "api.staff.bad_status");
    CHECK(check_status("").error().field == "/status");
}

#include "catch_amalgamated.hpp"

#include "server/staff/feedback_csv.h"

using namespace support::server;

TEST_CASE("feedback CSV: cells are quoted only when they must be, quotes doubled", "[staff][csv]") {
    CHECK(csv_cell("plain") == "plain");
    CHECK(csv_cell("") == "");
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
    CHECK(csv_cell("cr\rlf") == "\"cr\rlf\"");
    CHECK(csv_cell("שלום, עולם") == "\"שלום, עולם\"");
}

TEST_CASE("feedback CSV: a cell a spreadsheet would run as a formula is made text", "[staff][csv]") {
    CHECK(csv_cell("=1+1") == "'=1+1");
    CHECK(csv_cell("+31 20 555") == "'+31 20 555");
    CHECK(csv_cell("-2") == "'-2");
    CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_cell("\t=cmd") == "'\t=cmd");
    CHECK(csv_cell("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    CHECK(csv_cell("a=b") == "a=b"); // only a leading sign matters
}

TEST_CASE("feedback CSV: a row holds the item's fields in the header's order", "[staff][csv]") {
    StoredFeedback item;
    item.id = 7;
    item.site = "demo";
    item.received_at_ms = 1'764'825'000'000;
    item.status = FeedbackStatus::Resolved;
    item.tags = {"shipping", "vip"};
    item.submission.kind = support::protocol::FeedbackKind::ArticleHelpful;
    item.submission.subject = "shipping-policy";
    item.submission.helpful = false;
    item.submission.locale = "he";
    item.submission.comment = "לא";
    item.submission.context.page_url = "https://shop.example/cart";
    CHECK(feedback_csv_header() == "\xEF\xBB\xBFid,received_at,site,kind,subject,helpful,guide_outcome,guide_"
                                   "step,status,tags,locale,page,"
                                   "page_title,product,sku,comment,reply_email,viewport\r\n");
    CHECK(feedback_csv_row(item) ==
          "7,2025-12-04T05:10:00Z,demo,article_helpful,shipping-policy,no,,,resolved,"
          "shipping; vip,he,https://shop.example/cart,,,,לא,,\r\n");
}

#include "console/model/feedback_detail.h"

#include "shared/core/protocol/url_encoding.h"

#include <nlohmann/json.hpp>

namespace support::console {

namespace {

std::string item_url(std::int64_t id) {
    return "/api/v1/staff/feedback/" + std::to_string(id);
}

std::string json_body(const char* field, const std::string& value) {
    return nlohmann::json{{field, value}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

FeedbackDetail::FeedbackDetail(StaffTransport transport, std::function<std::string()> csrf_token,
                               std::function<void(const FeedbackItem&)> on_changed,
                               std::function<void()> on_signed_out)
    : m_transport(std::move(transport)), m_csrf_token(std::move(csrf_token)),
      m_on_changed(std::move(on_changed)), m_on_signed_out(std::move(on_signed_out)) {}

void FeedbackDetail::open(const FeedbackItem& preview) {
    m_item = preview;
    m_status_message.clear();
    m_error.clear();
    m_loading = true;
    m_changing = false;
    const std::int64_t id = preview.id;
    const std::uint64_t serial = ++m_serial;
    m_transport({"GET", item_url(id), {}, {}},
                [this, id, serial](StaffAnswer answer) { take_answer(answer, id, serial, ""); });
}

void FeedbackDetail::close() {
    m_item.reset();
    m_loading = false;
    m_changing = false;
}

void FeedbackDetail::take_answer(const StaffAnswer& answer, std::int64_t id, std::uint64_t serial,
                                 const std::string& done_message) {
    if (!m_item || m_item->id != id)
        return; // another item was opened meanwhile
    const bool is_change = !done_message.empty();
    (is_change ? m_changing : m_loading) = false;
    if (!is_change && serial < m_last_change_serial)
        return; // fetched before a change was sent: the change's answer is newer
    if (answer.status == 401) {
        m_on_signed_out();
        return;
    }
    auto item = answer.status == 200 ? parse_feedback_item(answer.body) : std::nullopt;
    if (!item) {
        m_error = failure_message(answer);
        return;
    }
    m_error.clear();
    m_item = std::move(*item);
    if (is_change) {
        const auto body = nlohmann::json::parse(answer.body, nullptr, false);
        const bool changed = body.is_object() && body.contains("changed") && body["changed"].is_boolean() &&
                             body["changed"].get<bool>();
        m_status_message = changed ? done_message : "Nothing to change.";
        m_on_changed(*m_item);
    }
}

void FeedbackDetail::change(const std::string& method, const std::string& path, const std::string& body,
                            std::string done_message) {
    if (!m_item || m_changing)
        return;
    m_changing = true;
    m_status_message.clear();
    const std::int64_t id = m_item->id;
    const std::uint64_t serial = ++m_serial;
    m_last_change_serial = serial;
    m_transport({method, item_url(id) + path, body, m_csrf_token()},
                [this, id, serial, done = std::move(done_message)](StaffAnswer answer) {
                    take_answer(answer, id, serial, done);
                });
}

void FeedbackDetail::set_status(const std::string& status) {
    change("POST", "/status", json_body("status", status), "Marked " + status_label(status) + ".");
}

void FeedbackDetail::add_tag(const std::string& tag) {
    change("POST", "/tags", json_body("tag", tag), "Tag added.");
}

void FeedbackDetail::remove_tag(const std::string& tag) {
    change("DELETE", "/tags/" + protocol::encode_url_component(tag), {}, "Tag removed.");
}

void FeedbackDetail::add_note(const std::string& text) {
    change("POST", "/notes", json_body("text", text), "Note added.");
}

} // namespace support::console

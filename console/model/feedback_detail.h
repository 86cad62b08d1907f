#pragma once
// The item open in the detail pane: everything the shopper's page sent and its activity, and the
// triage staff do on it — set the status, add or remove a tag, add a note. Each change is sent with
// the session's CSRF token; the answer (the item as it now is) replaces what is shown and is handed
// to `on_changed` so the table's row shows it too.

#include "console/model/feedback_item.h"
#include "console/model/staff_transport.h"

#include <functional>
#include <optional>
#include <string>

namespace support::console {

class FeedbackDetail {
  public:
    FeedbackDetail(StaffTransport transport, std::function<std::string()> csrf_token,
                   std::function<void(const FeedbackItem&)> on_changed, std::function<void()> on_signed_out);

    // Shows `preview` (the table's row) at once and fetches the item with its activity.
    void open(const FeedbackItem& preview);
    void close();

    const std::optional<FeedbackItem>& item() const { return m_item; }
    // A change is on its way (further changes wait for it); the item itself may still be loading.
    bool busy() const { return m_changing; }
    bool loading() const { return m_loading; }
    // What the last change or fetch came to, for the pane's status line ("Marked resolved.").
    const std::string& status_message() const { return m_status_message; }
    const std::string& error() const { return m_error; }

    void set_status(const std::string& status);
    void add_tag(const std::string& tag);
    void remove_tag(const std::string& tag);
    void add_note(const std::string& text);

  private:
    void change(const std::string& method, const std::string& path, const std::string& json_body,
                std::string done_message);
    void take_answer(const StaffAnswer& answer, std::int64_t id, std::uint64_t serial,
                     const std::string& done_message);

    StaffTransport m_transport;
    std::function<std::string()> m_csrf_token;
    std::function<void(const FeedbackItem&)> m_on_changed;
    std::function<void()> m_on_signed_out;
    std::optional<FeedbackItem> m_item;
    bool m_loading = false;
    bool m_changing = false;
    // Each request's number: an item fetched before the last change was sent is older than what
    // that change answers, and is not shown over it.
    std::uint64_t m_serial = 0;
    std::uint64_t m_last_change_serial = 0;
    std::string m_status_message;
    std::string m_error;
};

} // namespace support::console

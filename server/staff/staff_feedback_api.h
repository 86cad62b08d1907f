#pragma once
// The staff API over feedback: same-origin, signed-in staff only (StaffSessionApi::require_session:
// 401 without a session, 403 from another origin or without the session's X-CSRF-Token on a change),
// never cached. Every request runs on the worker pool, not on a connection thread, and its answer
// says how long it took (Server-Timing: app;dur=MS).
//
//   GET    /api/v1/staff/feedback?filters            → {"items":[…],"next":"…"|null}   (feedback_filters.h)
//          with count=yes also "total" (rows matching) and "newest_id" (for offset=&up_to=)
//   GET    /api/v1/staff/feedback.csv?filters        → text/csv download of every match (at most 200,000)
//   GET    /api/v1/staff/feedback/{id}               → the item with its activity
//   POST   /api/v1/staff/feedback/{id}/status  {"status":"resolved"}
//   POST   /api/v1/staff/feedback/{id}/tags    {"tag":"shipping"}
//   DELETE /api/v1/staff/feedback/{id}/tags/{tag}
//   POST   /api/v1/staff/feedback/{id}/notes   {"text":"Called the warehouse"}
//   GET    /api/v1/staff/insights?site&from&to&top   → insights_json()
//
// A change answers 200 with the item as it now is and "changed": false when there was nothing to
// do (the status was already that, the tag already there or gone). Errors: 404
// api.staff.feedback_not_found, 400 api.staff.bad_filter / bad_request / bad_tag / bad_note /
// bad_status (with the field), 405 api.staff.method_not_allowed, 413 api.staff.too_large, 415
// api.staff.not_json, 503 storage.read_failed / storage.write_failed (Retry-After).

#include "server/http/reply.h"
#include "server/http/worker_pool.h"
#include "server/staff/staff_session_api.h"
#include "server/storage/storage.h"

#include <functional>
#include <memory>

namespace support::server {

inline constexpr std::string_view k_staff_feedback_route = "/api/v1/staff/feedback";
inline constexpr std::string_view k_staff_feedback_csv_route = "/api/v1/staff/feedback.csv";
inline constexpr std::string_view k_staff_insights_route = "/api/v1/staff/insights";
inline constexpr std::size_t k_max_export_rows = 200'000;

class StaffFeedbackApi : public std::enable_shared_from_this<StaffFeedbackApi> {
  public:
    StaffFeedbackApi(std::shared_ptr<Storage> storage, std::shared_ptr<const StaffSessionApi> sessions,
                     std::shared_ptr<WorkerPool> workers, std::function<std::int64_t()> wall_ms);

    // Any path under k_staff_feedback_route, the CSV route and the insights route. Create the API
    // with make_shared: each request keeps it alive until answered.
    Reply serve(const HttpRequest& request) const;

  private:
    HttpResponse answer(const HttpRequest& request) const;
    HttpResponse list(const HttpRequest& request) const;
    HttpResponse export_csv(const HttpRequest& request) const;
    HttpResponse insights(const HttpRequest& request) const;
    HttpResponse item(const HttpRequest& request, std::int64_t id, std::string_view rest,
                      const StaffSession& session) const;
    HttpResponse triage(std::int64_t id, TriageAction action, std::string value,
                        const StaffSession& session) const;

    std::shared_ptr<Storage> m_storage;
    std::shared_ptr<const StaffSessionApi> m_sessions;
    std::shared_ptr<WorkerPool> m_workers;
    std::function<std::int64_t()> m_wall_ms;
};

} // namespace support::server

#pragma once
// Threads for handler work that blocks: hashing a password (argon2id, tens of milliseconds), reading
// a page of the staff list or the Insights aggregates, writing a CSV export. The connection threads
// hand it over and go on serving other connections; the answer arrives as a pending Reply.
//
//   WorkerPool workers(2);
//   router.add("/api/v1/staff/insights", [&](const HttpRequest& request) {
//       return workers.run([request] { return compute_insights(request); });
//   });
//
// The queue is bounded: past `max_queued` waiting jobs, run() answers 503 (server.busy, with
// Retry-After) at once instead of letting waits grow without limit. stop() finishes what is queued
// and joins the threads; call it before the HttpServer goes away (as for every pending reply).

#include "server/http/reply.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace support::server {

class WorkerPool {
  public:
    explicit WorkerPool(unsigned threads, std::size_t max_queued = 256);
    ~WorkerPool(); // stop()
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // Runs `work` on a worker thread; its response answers the returned reply. A `work` that
    // throws answers 500 (server.internal), like a handler that throws.
    Reply run(std::function<HttpResponse()> work);

    // Finishes queued work, then joins the threads; later run() calls answer 503. Idempotent.
    void stop();

  private:
    // Shared with the threads, so that a pool whose last owner is its own work (a handler that
    // holds the pool, finishing on a worker) can go away without a thread joining itself.
    struct Queue;

    static void work_loop(const std::shared_ptr<Queue>& queue);

    std::shared_ptr<Queue> m_queue;
    std::vector<std::thread> m_threads;
};

} // namespace support::server

#include "server/http/worker_pool.h"

#include "server/http/json_error.h"

namespace support::server {

namespace {

HttpResponse busy() {
    auto response = error_response(
        503, make_error("server.busy", "the server is busy with other work; try again shortly"));
    response.set_header("Retry-After", "1");
    return response;
}

} // namespace

WorkerPool::WorkerPool(unsigned threads, std::size_t max_queued) : m_max_queued(max_queued) {
    m_threads.reserve(std::max(1u, threads));
    for (unsigned i = 0; i < std::max(1u, threads); ++i)
        m_threads.emplace_back([this] { work_loop(); });
}

WorkerPool::~WorkerPool() {
    stop();
}

Reply WorkerPool::run(std::function<HttpResponse()> work) {
    ResponsePromise promise;
    Reply reply = promise.reply();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_queue.size() >= m_max_queued)
            return busy();
        m_queue.push_back(Job{std::move(work), std::move(promise)});
    }
    m_wake.notify_one();
    return reply;
}

void WorkerPool::stop() {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping && m_threads.empty())
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& thread : m_threads) {
        if (thread.joinable())
            thread.join();
    }
    std::lock_guard lock(m_mutex);
    m_threads.clear();
}

void WorkerPool::work_loop() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and nothing left to finish
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        try {
            job.promise.fulfil(job.work());
        } catch (const std::exception&) {
            job.promise.fulfil(
                error_response(500, make_error("server.internal", "the request could not be answered")));
        }
    }
}

} // namespace support::server

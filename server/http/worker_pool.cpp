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

struct WorkerPool::Queue {
    struct Job {
        std::function<HttpResponse()> work;
        ResponsePromise promise;
    };

    std::size_t max_queued = 0;
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Job> jobs;
    bool stopping = false;
};

WorkerPool::WorkerPool(unsigned threads, std::size_t max_queued) : m_queue(std::make_shared<Queue>()) {
    m_queue->max_queued = max_queued;
    m_threads.reserve(std::max(1u, threads));
    for (unsigned i = 0; i < std::max(1u, threads); ++i)
        m_threads.emplace_back([queue = m_queue] { work_loop(queue); });
}

WorkerPool::~WorkerPool() {
    stop();
}

Reply WorkerPool::run(std::function<HttpResponse()> work) {
    ResponsePromise promise;
    Reply reply = promise.reply();
    {
        std::lock_guard lock(m_queue->mutex);
        if (m_queue->stopping || m_queue->jobs.size() >= m_queue->max_queued)
            return busy();
        m_queue->jobs.push_back(Queue::Job{std::move(work), std::move(promise)});
    }
    m_queue->wake.notify_one();
    return reply;
}

void WorkerPool::stop() {
    {
        std::lock_guard lock(m_queue->mutex);
        m_queue->stopping = true;
    }
    m_queue->wake.notify_all();
    for (auto& thread : m_threads) {
        if (!thread.joinable())
            continue;
        if (thread.get_id() == std::this_thread::get_id())
            thread.detach(); // the pool's last owner was this worker's own job: it ends by itself
        else
            thread.join();
    }
    m_threads.clear();
}

void WorkerPool::work_loop(const std::shared_ptr<Queue>& queue) {
    for (;;) {
        Queue::Job job;
        {
            std::unique_lock lock(queue->mutex);
            queue->wake.wait(lock, [&] { return queue->stopping || !queue->jobs.empty(); });
            if (queue->jobs.empty())
                return; // stopping, and nothing left to finish
            job = std::move(queue->jobs.front());
            queue->jobs.pop_front();
        }
        HttpResponse response;
        try {
            response = job.work();
        } catch (const std::exception&) {
            response =
                error_response(500, make_error("server.internal", "the request could not be answered"));
        }
        // What the work holds (a handler may own this pool) goes before the caller hears back.
        job.work = nullptr;
        job.promise.fulfil(std::move(response));
    }
}

} // namespace support::server

#pragma once
// Group commit: one writer thread takes every job queued since its last commit and hands them to
// `commit_batch` together, which writes them in one transaction and completes each. Under load a
// batch grows to whatever arrived during the previous commit, so one disk sync serves many
// requests; when idle a lone job is committed at once.
//
//   WriteBatcher<PendingInsert> batcher([this](std::vector<PendingInsert>& batch) { … });
//   batcher.submit(std::move(job));   // false once closed: the caller fails the job itself
//
// The destructor (or close()) commits what is queued, then joins the thread.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace support::server {

template <typename Job> class WriteBatcher {
  public:
    using CommitBatch = std::function<void(std::vector<Job>& batch)>;

    explicit WriteBatcher(CommitBatch commit_batch, std::size_t max_batch = 512)
        : m_commit_batch(std::move(commit_batch)), m_max_batch(max_batch), m_thread([this] { run(); }) {}

    ~WriteBatcher() { close(); }
    WriteBatcher(const WriteBatcher&) = delete;
    WriteBatcher& operator=(const WriteBatcher&) = delete;

    bool submit(Job job) {
        {
            std::lock_guard lock(m_mutex);
            if (m_closing)
                return false;
            m_queue.push_back(std::move(job));
        }
        m_wake.notify_one();
        return true;
    }

    void close() {
        {
            std::lock_guard lock(m_mutex);
            m_closing = true;
        }
        m_wake.notify_one();
        if (m_thread.joinable())
            m_thread.join();
    }

  private:
    void run() {
        std::vector<Job> batch;
        for (;;) {
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_closing || !m_queue.empty(); });
                if (m_queue.empty())
                    return; // closing, and everything queued has been committed
                const std::size_t take = std::min(m_queue.size(), m_max_batch);
                batch.assign(std::make_move_iterator(m_queue.begin()),
                             std::make_move_iterator(m_queue.begin() + static_cast<std::ptrdiff_t>(take)));
                m_queue.erase(m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(take));
            }
            m_commit_batch(batch);
            batch.clear();
        }
    }

    CommitBatch m_commit_batch;
    std::size_t m_max_batch;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Job> m_queue;
    bool m_closing = false;
    std::thread m_thread; // last: starts after everything it uses exists
};

} // namespace support::server

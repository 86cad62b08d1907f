#include "child_process.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace support::server::test {

namespace {

using Clock = std::chrono::steady_clock;

int remaining_ms(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

// Reads whatever is available on fd into `out`, waiting up to the deadline for something.
// Returns false at end of file or on error.
bool read_some(int fd, std::string& out, Clock::time_point deadline) {
    pollfd poll_fd{fd, POLLIN, 0};
    const int ready = ::poll(&poll_fd, 1, remaining_ms(deadline));
    if (ready <= 0)
        return ready == 0 || errno == EINTR; // timeout: still open
    char chunk[4096];
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0)
        return false;
    out.append(chunk, static_cast<std::size_t>(n));
    return true;
}

std::string drain(int fd, std::chrono::milliseconds timeout) {
    std::string out;
    if (fd < 0)
        return out;
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline && read_some(fd, out, deadline)) {
    }
    return out;
}

} // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& args) {
    int out_pipe[2];
    int err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0)
        return;
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        return;
    }
    std::vector<char*> argv;
    for (const std::string& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);

    m_pid = ::fork();
    if (m_pid == 0) {
        ::dup2(out_pipe[1], STDOUT_FILENO);
        ::dup2(err_pipe[1], STDERR_FILENO);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    m_stdout = out_pipe[0];
    m_stderr = err_pipe[0];
}

ChildProcess::~ChildProcess() {
    if (m_pid > 0 && !m_exit_code) {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }
    if (m_stdout >= 0)
        ::close(m_stdout);
    if (m_stderr >= 0)
        ::close(m_stderr);
}

std::optional<std::string> ChildProcess::read_stdout_line(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        const auto newline = m_stdout_buffer.find('\n');
        if (newline != std::string::npos) {
            std::string line = m_stdout_buffer.substr(0, newline);
            m_stdout_buffer.erase(0, newline + 1);
            return line;
        }
        if (Clock::now() >= deadline || !read_some(m_stdout, m_stdout_buffer, deadline))
            return std::nullopt;
    }
}

void ChildProcess::send_signal(int signal_number) {
    if (m_pid > 0 && !m_exit_code)
        ::kill(m_pid, signal_number);
}

std::optional<int> ChildProcess::wait_for_exit(std::chrono::milliseconds timeout) {
    if (m_exit_code || m_pid <= 0)
        return m_exit_code;
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        int status = 0;
        const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
        if (done == m_pid) {
            m_exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            return m_exit_code;
        }
        if (Clock::now() >= deadline)
            return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

std::string ChildProcess::rest_of_stdout(std::chrono::milliseconds timeout) {
    std::string out = std::move(m_stdout_buffer);
    m_stdout_buffer.clear();
    return out + drain(m_stdout, timeout);
}

std::string ChildProcess::rest_of_stderr(std::chrono::milliseconds timeout) {
    return drain(m_stderr, timeout);
}

CompletedProcess run_to_completion(const std::vector<std::string>& args, std::chrono::milliseconds timeout) {
    ChildProcess child(args);
    CompletedProcess result;
    // Read before waiting so a chatty child never blocks on a full pipe.
    result.out = child.rest_of_stdout(timeout);
    result.err = child.rest_of_stderr(timeout);
    result.exit_code = child.wait_for_exit(timeout).value_or(-1);
    return result;
}

} // namespace support::server::test

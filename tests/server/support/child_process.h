#pragma once
// Runs a program as a child process with its stdout and stderr on pipes, for tests that check the
// support-server binary as scripts use it. POSIX only; every wait is bounded, and a child still
// running when the object goes away is killed.

#include <chrono>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace support::server::test {

class ChildProcess {
  public:
    // args[0] is the program's path.
    explicit ChildProcess(const std::vector<std::string>& args);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    bool started() const { return m_pid > 0; }

    // The next line of stdout without its newline, or nothing on timeout or end of output.
    std::optional<std::string> read_stdout_line(std::chrono::milliseconds timeout);

    void send_signal(int signal_number);

    // The exit code (128 + signal when killed by one), or nothing when still running at timeout.
    std::optional<int> wait_for_exit(std::chrono::milliseconds timeout);

    // Everything the child wrote (after it exited), up to `timeout` of waiting for the pipes to close.
    std::string rest_of_stdout(std::chrono::milliseconds timeout = std::chrono::seconds(2));
    std::string rest_of_stderr(std::chrono::milliseconds timeout = std::chrono::seconds(2));

  private:
    pid_t m_pid = -1;
    int m_stdout = -1;
    int m_stderr = -1;
    std::string m_stdout_buffer;
    std::optional<int> m_exit_code;
};

struct CompletedProcess {
    int exit_code = -1; // -1 when it did not finish in time
    std::string out;
    std::string err;
};

CompletedProcess run_to_completion(const std::vector<std::string>& args,
                                   std::chrono::milliseconds timeout = std::chrono::seconds(10));

} // namespace support::server::test

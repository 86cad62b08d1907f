#pragma once
// Frames on demand. Nothing is drawn while nothing changes; an event asks for a few frames (Dear
// ImGui settles layout over two frames and hands queued input over one event per frame), and the
// budget says whether another frame is wanted after each one drawn.

#include <algorithm>
#include <cstdint>

namespace support::ui {

class FrameBudget {
  public:
    static constexpr int k_frames_per_event = 3;

    // An input, network or timer event that may change what is drawn.
    void request(int frames = k_frames_per_event) { m_remaining = std::max(m_remaining, frames); }

    bool wants_frame() const { return m_remaining > 0; }

    // Called after each frame; `changed` says whether that frame's output differed from the one
    // before (new semantic nodes, queued input left over), which earns one more frame.
    void frame_drawn(bool changed) {
        ++m_frames_drawn;
        m_remaining = std::max(m_remaining - 1, changed ? 1 : 0);
    }

    std::uint64_t frames_drawn() const { return m_frames_drawn; }

  private:
    int m_remaining = 0;
    std::uint64_t m_frames_drawn = 0;
};

} // namespace support::ui

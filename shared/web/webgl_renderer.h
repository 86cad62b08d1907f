#pragma once
// Dear ImGui's OpenGL ES 3 backend on a WebGL2 context of the "!widget" canvas.

namespace support::web {

class WebGlRenderer {
  public:
    // False when the browser gives no WebGL2 context.
    bool init();
    void new_frame();
    void render(int framebuffer_width, int framebuffer_height);
    void shutdown();

  private:
    int m_context = 0;
};

} // namespace support::web

#include "shared/web/webgl_renderer.h"

#include <GLES3/gl3.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace support::web {

bool WebGlRenderer::init() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = true;
    attrs.antialias = false; // ImGui anti-aliases its own shapes
    attrs.depth = false;
    attrs.stencil = false;
    attrs.premultipliedAlpha = true;
    attrs.preserveDrawingBuffer = false;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context("!widget", &attrs);
    if (context <= 0)
        return false;
    m_context = static_cast<int>(context);
    emscripten_webgl_make_context_current(context);
    return ImGui_ImplOpenGL3_Init("#version 300 es");
}

void WebGlRenderer::new_frame() {
    ImGui_ImplOpenGL3_NewFrame();
}

void WebGlRenderer::render(int framebuffer_width, int framebuffer_height) {
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void WebGlRenderer::shutdown() {
    if (m_context > 0) {
        ImGui_ImplOpenGL3_Shutdown();
        emscripten_webgl_destroy_context(static_cast<EMSCRIPTEN_WEBGL_CONTEXT_HANDLE>(m_context));
        m_context = 0;
    }
}

} // namespace support::web

# Dear ImGui from the sources scripts/setup unpacked into .deps/imgui (Debian source package).
set(SW_IMGUI_DIR "${SW_DEPS_DIR}/imgui")
if(NOT EXISTS "${SW_IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui sources not found in ${SW_IMGUI_DIR}: run ./scripts/setup")
endif()

add_library(imgui STATIC
    ${SW_IMGUI_DIR}/imgui.cpp
    ${SW_IMGUI_DIR}/imgui_draw.cpp
    ${SW_IMGUI_DIR}/imgui_tables.cpp
    ${SW_IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${SW_IMGUI_DIR})
# No demo window, no .ini files on disk, no default OS functions (clipboard and IME come from the page).
target_compile_definitions(imgui PUBLIC
    IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS
    IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS IMGUI_DISABLE_WIN32_FUNCTIONS
    IMGUI_DISABLE_FILE_FUNCTIONS)

if(EMSCRIPTEN)
    # The web apps draw with the Noto subsets they fetch; ImGui's built-in pixel font is 9.4 KB of
    # compressed data that gzip cannot shrink, downloaded with every core. (Native tests keep it.)
    target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEFAULT_FONT)
    # Nor the functions kept for older applications' sake.
    target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
    add_library(imgui_opengl3 STATIC ${SW_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
    target_include_directories(imgui_opengl3 SYSTEM PUBLIC ${SW_IMGUI_DIR}/backends)
    target_compile_definitions(imgui_opengl3 PUBLIC IMGUI_IMPL_OPENGL_ES3)
    target_link_libraries(imgui_opengl3 PUBLIC imgui)
endif()

# Dear ImGui from the sources scripts/setup unpacked into .deps/imgui (Debian source package).
set(SW_IMGUI_DIR "${SW_DEPS_DIR}/imgui")
if(NOT EXISTS "${SW_IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui sources not found in ${SW_IMGUI_DIR}: run ./scripts/setup")
endif()

# Dear ImGui's error recovery (io.ConfigErrorRecovery: End() and EndFrame() unwinding whatever a
# faulty caller left pushed — tables, tab bars, menus, trees, groups, styles) is a run-time switch,
# so all of that code is linked even though our frames never need it: 13.6 KB gzip of the widget
# core. The two calls are taken out of a copy of imgui.cpp made here (the sources in .deps stay as
# Debian ships them); shared/ui/panel_frame.cpp checks every frame's stacks instead and names what
# was left pushed. Another ImGui version whose text differs is compiled unchanged, with a warning.
file(READ "${SW_IMGUI_DIR}/imgui.cpp" sw_imgui_source)
set(sw_imgui_recover_window
    "    if (g.IO.ConfigErrorRecovery)\n        ErrorRecoveryTryToRecoverWindowState(&window_stack_data.StackSizesInBegin);\n")
set(sw_imgui_recover_frame
    "    if (g.IO.ConfigErrorRecovery)\n        ErrorRecoveryTryToRecoverState(&g.StackSizesInNewFrame);\n")
string(FIND "${sw_imgui_source}" "${sw_imgui_recover_window}" sw_window_at)
string(FIND "${sw_imgui_source}" "${sw_imgui_recover_frame}" sw_frame_at)
set(SW_IMGUI_CPP "${SW_IMGUI_DIR}/imgui.cpp")
if(sw_window_at GREATER -1 AND sw_frame_at GREATER -1)
    string(REPLACE "${sw_imgui_recover_window}" "" sw_imgui_source "${sw_imgui_source}")
    string(REPLACE "${sw_imgui_recover_frame}" "" sw_imgui_source "${sw_imgui_source}")
    file(WRITE "${CMAKE_BINARY_DIR}/imgui/imgui.cpp.new" "${sw_imgui_source}")
    configure_file("${CMAKE_BINARY_DIR}/imgui/imgui.cpp.new" "${CMAKE_BINARY_DIR}/imgui/imgui.cpp" COPYONLY)
    set(SW_IMGUI_CPP "${CMAKE_BINARY_DIR}/imgui/imgui.cpp")
else()
    message(WARNING "Dear ImGui's imgui.cpp does not have the error-recovery calls this build takes out; "
                    "compiling it unchanged (the cores are about 14 KB gzip larger)")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${SW_IMGUI_DIR}/imgui.cpp")

add_library(imgui STATIC
    ${SW_IMGUI_CPP}
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

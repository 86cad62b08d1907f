# Dear ImGui from the sources scripts/setup unpacked into .deps/imgui (Debian source package).
set(SW_IMGUI_DIR "${SW_DEPS_DIR}/imgui")
if(NOT EXISTS "${SW_IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui sources not found in ${SW_IMGUI_DIR}: run ./scripts/setup")
endif()

# Dear ImGui keeps code for features we never use reachable behind run-time switches, so it is all
# linked; a copy of imgui.cpp made here leaves out the calls that reach it (the sources in .deps stay
# as Debian ships them). Each cut is a piece of text taken out where found; another ImGui version
# whose text differs keeps that piece, with a warning.
# - error recovery (io.ConfigErrorRecovery: End() and EndFrame() unwinding whatever a faulty caller
#   left pushed — tables, tab bars, menus, trees, groups, styles): 13.6 KB gzip of the widget core;
#   shared/ui/panel_frame.cpp checks every frame's stacks instead and names what was left pushed;
# - the .ini settings handlers for windows and tables (no .ini is read or written: IniFilename is
#   null and file functions are disabled) and the tooltips of keyboard shortcuts and of a drag-and-
#   drop source (neither is ever used): together 3.9 KB gzip of the widget core, 4.7 KB of the
#   console's (./scripts/build before and after).
file(READ "${SW_IMGUI_DIR}/imgui.cpp" sw_imgui_source)
# Each cut is a variable (its text holds semicolons, so it cannot be a list item) and what replaces it.
set(sw_cut_recover_window
    "    if (g.IO.ConfigErrorRecovery)\n        ErrorRecoveryTryToRecoverWindowState(&window_stack_data.StackSizesInBegin);\n")
set(sw_cut_recover_frame "    if (g.IO.ConfigErrorRecovery)\n        ErrorRecoveryTryToRecoverState(&g.StackSizesInNewFrame);\n")
set(sw_cut_settings_handlers
    "        AddSettingsHandler(&ini_handler);\n    }\n    TableSettingsAddSettingsHandler();\n")
set(sw_keep_settings_handlers "    }\n")
set(sw_cut_shortcut_tooltip
    "        if (id == g.LastItemData.ID && (g.LastItemData.StatusFlags & ImGuiItemStatusFlags_HasShortcut) && g.ActiveId != id)\n            if (IsItemHovered(ImGuiHoveredFlags_ForTooltip | ImGuiHoveredFlags_DelayNormal))\n                SetTooltip(\"%s\", GetKeyChordName(g.LastItemData.Shortcut));\n")
set(sw_cut_drag_drop_tooltip
    "        g.DragDropWithinSource = true;\n        SetTooltip(\"...\");\n        g.DragDropWithinSource = false;\n")
foreach(name recover_window recover_frame settings_handlers shortcut_tooltip drag_drop_tooltip)
    string(FIND "${sw_imgui_source}" "${sw_cut_${name}}" sw_cut_at)
    if(sw_cut_at GREATER -1)
        string(REPLACE "${sw_cut_${name}}" "${sw_keep_${name}}" sw_imgui_source "${sw_imgui_source}")
    else()
        message(WARNING "Dear ImGui's imgui.cpp does not have the text this build takes out (${name}); it stays")
    endif()
endforeach()
file(WRITE "${CMAKE_BINARY_DIR}/imgui/imgui.cpp.new" "${sw_imgui_source}")
configure_file("${CMAKE_BINARY_DIR}/imgui/imgui.cpp.new" "${CMAKE_BINARY_DIR}/imgui/imgui.cpp" COPYONLY)
set(SW_IMGUI_CPP "${CMAKE_BINARY_DIR}/imgui/imgui.cpp")
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

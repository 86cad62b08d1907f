# nlohmann/json (Debian's nlohmann-json3-dev, header-only) as target sw_json. The Emscripten tree must
# not see the host's /usr/include (glibc headers would shadow the WASM sysroot), so its one folder is
# exposed through a symlink inside the build tree.
find_path(SW_NLOHMANN_JSON_INCLUDE nlohmann/json.hpp PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH)
if(NOT SW_NLOHMANN_JSON_INCLUDE)
    message(FATAL_ERROR "nlohmann/json.hpp not found: run ./scripts/setup (package nlohmann-json3-dev)")
endif()
set(SW_JSON_SHIM "${CMAKE_BINARY_DIR}/include-shims/json")
file(MAKE_DIRECTORY "${SW_JSON_SHIM}")
file(CREATE_LINK "${SW_NLOHMANN_JSON_INCLUDE}/nlohmann" "${SW_JSON_SHIM}/nlohmann" SYMBOLIC)
add_library(sw_json INTERFACE)
target_include_directories(sw_json SYSTEM INTERFACE "${SW_JSON_SHIM}")
# The WASM side has no exceptions: nlohmann's throwing paths become aborts, and callers use the
# non-throwing parse (parse(text, nullptr, false) + is_discarded()).
if(EMSCRIPTEN)
    target_compile_definitions(sw_json INTERFACE JSON_NOEXCEPTION)
endif()

# Catch2 v3 from the sources scripts/setup unpacked into .deps/catch2, compiled once from its
# amalgamated files as a static library with its own main.
set(SW_CATCH2_DIR "${SW_DEPS_DIR}/catch2/extras")
if(NOT EXISTS "${SW_CATCH2_DIR}/catch_amalgamated.cpp")
    message(FATAL_ERROR "Catch2 v3 sources not found in ${SW_CATCH2_DIR}: run ./scripts/setup")
endif()
add_library(catch2_main STATIC ${SW_CATCH2_DIR}/catch_amalgamated.cpp)
target_include_directories(catch2_main SYSTEM PUBLIC ${SW_CATCH2_DIR})

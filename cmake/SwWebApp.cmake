# sw_add_web_app(TARGET OUTPUT_NAME SOURCES …): an Emscripten ES module (<OUTPUT_NAME>.mjs + .wasm)
# that the loader or a page imports on demand. No exceptions, no filesystem, no eval (strict CSP:
# a host page needs only 'wasm-unsafe-eval').
function(sw_add_web_app target output_name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${target} ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE sw_web ${ARG_LIBS})
    sw_warnings(${target})
    set_target_properties(${target} PROPERTIES OUTPUT_NAME ${output_name} SUFFIX ".mjs")
    target_link_options(${target} PRIVATE
        -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createSupportCore -sENVIRONMENT=web
        -sALLOW_MEMORY_GROWTH=1 -sFILESYSTEM=0 -sDYNAMIC_EXECUTION=0
        -sEXPORTED_FUNCTIONS=_main,_malloc,_free
        -sEXPORTED_RUNTIME_METHODS=UTF8ToString)
endfunction()

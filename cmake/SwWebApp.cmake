# sw_add_web_app(TARGET OUTPUT_NAME SOURCES …): an Emscripten ES module (<OUTPUT_NAME>.mjs + .wasm)
# that the loader or a page imports on demand. No exceptions, no filesystem, no eval (strict CSP:
# a host page needs only 'wasm-unsafe-eval'). emmalloc instead of dlmalloc: 3 KB less gzip, and
# the apps allocate little after start (the search bench module uses it too, so its timings hold).
function(sw_add_web_app target output_name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${target} ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE sw_web ${ARG_LIBS})
    sw_warnings(${target})
    set_target_properties(${target} PROPERTIES OUTPUT_NAME ${output_name} SUFFIX ".mjs")
    target_link_options(${target} PRIVATE
        -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createSupportCore -sENVIRONMENT=web
        -sALLOW_MEMORY_GROWTH=1 -sFILESYSTEM=0 -sDYNAMIC_EXECUTION=0 -sMALLOC=emmalloc
        -sEXPORTED_FUNCTIONS=_main,_malloc,_free
        -sEXPORTED_RUNTIME_METHODS=UTF8ToString
        # Less JS glue: WebGL2 core is all Dear ImGui's renderer uses, nothing longjmps, every
        # supported browser has TextDecoder, and no request waits for a user gesture.
        -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0 -sGL_TRACK_ERRORS=0
        -sSUPPORT_LONGJMP=0 -sTEXTDECODER=2 -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0
        # The runtime reads only locateFile from the options the loader passes; our own sw* options
        # are read by web_library.js.
        -sINCOMING_MODULE_JS_API=locateFile)
endfunction()

# Generates shared/core/text's Unicode property tables (bidi classes, mirroring, brackets, joining
# types, Arabic presentation forms) at build time from Debian's unicode-data files, with
# cmake/generate_unicode_tables.py. Sets SW_UNICODE_TABLES_SOURCE; SW_UNICODE_DIR is where the
# Unicode Character Database files are (the conformance tests read BidiTest.txt there too).
set(SW_UNICODE_DIR "/usr/share/unicode" CACHE PATH "Unicode Character Database (Debian package unicode-data)")
set(_sw_unicode_inputs
    UnicodeData.txt
    PropertyValueAliases.txt
    DerivedCoreProperties.txt
    BidiMirroring.txt
    BidiBrackets.txt
    extracted/DerivedBidiClass.txt
    extracted/DerivedJoiningType.txt)
set(_sw_unicode_paths "")
foreach(_file IN LISTS _sw_unicode_inputs)
    if(NOT EXISTS "${SW_UNICODE_DIR}/${_file}")
        message(FATAL_ERROR "${SW_UNICODE_DIR}/${_file} is missing: install Debian's unicode-data (./scripts/setup does)")
    endif()
    list(APPEND _sw_unicode_paths "${SW_UNICODE_DIR}/${_file}")
endforeach()
find_program(SW_PYTHON3 NAMES python3 REQUIRED)
set(SW_UNICODE_TABLES_SOURCE "${CMAKE_BINARY_DIR}/generated/unicode_tables.cpp")
add_custom_command(
    OUTPUT "${SW_UNICODE_TABLES_SOURCE}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${CMAKE_BINARY_DIR}/generated"
    COMMAND "${SW_PYTHON3}" "${CMAKE_SOURCE_DIR}/cmake/generate_unicode_tables.py" "${SW_UNICODE_DIR}"
            "${SW_UNICODE_TABLES_SOURCE}"
    DEPENDS "${CMAKE_SOURCE_DIR}/cmake/generate_unicode_tables.py" ${_sw_unicode_paths}
    COMMENT "Generating Unicode property tables from ${SW_UNICODE_DIR}"
    VERBATIM)

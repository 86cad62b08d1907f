# sw_warnings(TARGET): the project's warning set, applied to our own targets only
# (third-party sources such as Dear ImGui keep their own flags).
function(sw_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual)
endfunction()

# What the scripts that run the example programs share (include()d by
# example_summary.cmake, example_compare.cmake, example_synth_waves.cmake
# after they set EXAMPLE_NAME, the program's name in failure messages):
# a fresh WORK_DIR, the LAUNCHER list (ECOSYS_TEST_LAUNCHER, valgrind, with
# ';' written as '|'), run() and expect().

string(REPLACE "|" ";" launcher "${LAUNCHER}")
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# run(<expected exit status> args...): runs the program, sets out and err.
macro(run expected)
  execute_process(COMMAND ${launcher} ${PROGRAM} ${ARGN}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT "${rc}" STREQUAL "${expected}")
    message(FATAL_ERROR "${EXAMPLE_NAME} ${ARGN}: exit status ${rc}, expected ${expected}\n"
                        "stdout:\n${out}\nstderr:\n${err}")
  endif()
endmacro()

# expect(<variable> <regex> [<what>]): a function, so the regex is not
# re-escaped as a macro argument would be.
function(expect variable regex)
  if(NOT "${${variable}}" MATCHES "${regex}")
    message(FATAL_ERROR "${variable} does not match \"${regex}\" ${ARGN}:\n${${variable}}")
  endif()
endfunction()

# What the scripts that run the example programs share (include()d by
# example_summary.cmake, example_compare.cmake, example_synth_waves.cmake,
# example_resilience.cmake after they set EXAMPLE_NAME, the program's name
# in failure messages): a fresh WORK_DIR, the LAUNCHER list
# (ECOSYS_TEST_LAUNCHER, valgrind, with ';' written as '|'), run(),
# expect() and read_json_report().

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

# read_json_report(<file> <kind>): the file is strict JSON (no NaN or
# Infinity), checked by Debian's python3 where it exists and by CMake's
# parser, and its "kind" member is <kind>; sets `json` to its text (a
# macro, so that the caller reads it).
macro(read_json_report file expected_kind)
  if(PYTHON AND EXISTS ${PYTHON})
    execute_process(COMMAND ${PYTHON} -c
      "import json,sys\njson.load(open(sys.argv[1],encoding='utf-8'),parse_constant=lambda c: sys.exit('non-standard constant '+c))"
      ${file} RESULT_VARIABLE json_rc ERROR_VARIABLE json_err)
    if(NOT json_rc EQUAL 0)
      message(FATAL_ERROR "${file}: ${json_err}")
    endif()
  endif()
  file(READ ${file} json)
  string(JSON json_kind ERROR_VARIABLE json_error GET "${json}" kind)
  if(json_error OR NOT json_kind STREQUAL "${expected_kind}")
    message(FATAL_ERROR "${file}: not a ${expected_kind} report: ${json_error}")
  endif()
endmacro()

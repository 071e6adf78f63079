# Generates the API reference from the public headers with doxygen; any
# warning (an undocumented public name, a bad parameter name) fails.
set(out ${BINARY_DIR}/api_reference)
file(MAKE_DIRECTORY ${out})
configure_file(${SOURCE_DIR}/docs/Doxyfile.in ${out}/Doxyfile @ONLY)
execute_process(COMMAND ${DOXYGEN} ${out}/Doxyfile WORKING_DIRECTORY ${out}
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
  message(FATAL_ERROR "doxygen failed or warned (undocumented public API?):\n${err}")
endif()
message(STATUS "API reference in ${out}/html/index.html")

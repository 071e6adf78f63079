# Included at the end of tests/CMakeLists.txt: what needs both the test
# targets and the example programs (examples/ is added before tests/).

# test_report parses the JSON summary back with json-glib (a test-only
# dependency: the library writes JSON itself, lib/core/json_out.c).
if(TARGET test_report)
  pkg_check_modules(JSONGLIB REQUIRED IMPORTED_TARGET json-glib-1.0)
  target_link_libraries(test_report PRIVATE PkgConfig::JSONGLIB)
endif()

# ---- example programs run as tests ---------------------------------------
# Each case of tests/cmake/example_summary.cmake is one test. The program
# runs under ECOSYS_TEST_LAUNCHER (valgrind with ECOSYS_VALGRIND), passed
# with '|' for ';' so that the list survives the command line.
string(REPLACE ";" "|" ecosys_example_launcher "${ECOSYS_TEST_LAUNCHER}")
set(ecosys_example_python "")
if(EXISTS /usr/bin/python3)
  set(ecosys_example_python /usr/bin/python3)
endif()

set(ecosys_summary_cases text markdown json no_paths options across help usage_errors
    bad_dataset)
# The installed program is checked from a scratch prefix, as
# install_consumer does; not under the sanitizers, like install_consumer.
if(NOT ECOSYS_SANITIZE)
  list(APPEND ecosys_summary_cases installed)
endif()
foreach(case ${ecosys_summary_cases})
  add_test(NAME example_summary_${case}
    COMMAND ${CMAKE_COMMAND}
      -DPROGRAM=$<TARGET_FILE:ecosys-summary>
      -DCASE=${case}
      "-DLAUNCHER=${ecosys_example_launcher}"
      -DPYTHON=${ecosys_example_python}
      -DCLERMONT=${PROJECT_SOURCE_DIR}/examples/data/clermont
      -DBINARY_DIR=${PROJECT_BINARY_DIR}
      -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/example_summary/${case}
      -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/example_summary.cmake)
  set_tests_properties(example_summary_${case} PROPERTIES LABELS example)
endforeach()

# ---- ecosys-compare (tests/cmake/example_compare.cmake) ----------------------
foreach(case text markdown json dates two_datasets help usage_errors bad_dataset)
  add_test(NAME example_compare_${case}
    COMMAND ${CMAKE_COMMAND}
      -DPROGRAM=$<TARGET_FILE:ecosys-compare>
      -DCASE=${case}
      "-DLAUNCHER=${ecosys_example_launcher}"
      -DPYTHON=${ecosys_example_python}
      -DCLERMONT=${PROJECT_SOURCE_DIR}/examples/data/clermont
      -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/example_compare/${case}
      -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/example_compare.cmake)
  set_tests_properties(example_compare_${case} PROPERTIES LABELS example)
endforeach()

# ---- ecosys-synth-waves ---------------------------------------------------
foreach(case default effect help usage_errors)
  add_test(NAME example_synth_waves_${case}
    COMMAND ${CMAKE_COMMAND}
      -DPROGRAM=$<TARGET_FILE:ecosys-synth-waves>
      -DCASE=${case}
      "-DLAUNCHER=${ecosys_example_launcher}"
      -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/example_synth_waves/${case}
      -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/example_synth_waves.cmake)
  set_tests_properties(example_synth_waves_${case} PROPERTIES LABELS example)
endforeach()

# ---- ecosys-resilience (tests/cmake/example_resilience.cmake) ----------------
foreach(case text markdown json help usage_errors bad_dataset)
  add_test(NAME example_resilience_${case}
    COMMAND ${CMAKE_COMMAND}
      -DPROGRAM=$<TARGET_FILE:ecosys-resilience>
      -DCASE=${case}
      "-DLAUNCHER=${ecosys_example_launcher}"
      -DPYTHON=${ecosys_example_python}
      -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/example_resilience/${case}
      -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/example_resilience.cmake)
  set_tests_properties(example_resilience_${case} PROPERTIES LABELS example)
endforeach()

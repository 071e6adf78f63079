# Runs examples/ecosys-synth-waves the way a user would and checks its exit
# status, output and files. One case per test (see tests/examples.cmake):
#   cmake -DPROGRAM=... -DCASE=... -DWORK_DIR=... [-DLAUNCHER=a|b|c]
#         -P example_synth_waves.cmake
# LAUNCHER is ECOSYS_TEST_LAUNCHER (valgrind) with ';' written as '|'.

set(EXAMPLE_NAME ecosys-synth-waves)
include(${CMAKE_CURRENT_LIST_DIR}/example_common.cmake)

# count_lines(<file> <regex> <expected>): lines of the file matching regex.
function(count_lines file regex expected)
  file(STRINGS ${file} lines REGEX "${regex}")
  list(LENGTH lines n)
  if(NOT n EQUAL expected)
    message(FATAL_ERROR "${file}: ${n} lines match \"${regex}\", expected ${expected}")
  endif()
endfunction()

if(CASE STREQUAL "default")
  # 200 actors, 600 before ties (180 dissolve), 300 formed: 900 rows.
  run(0 ${WORK_DIR}/out)
  expect(out "200 actors, 900 ties written to")
  expect(out "before \\(2018-12-31\\): 600 ties, 180 of them dissolve")
  expect(err "^$" "nothing on stderr")
  count_lines(${WORK_DIR}/out/actors.csv "." 201)
  count_lines(${WORK_DIR}/out/actors.csv "^coordinator,Coordinator,intermediary,T1," 1)
  count_lines(${WORK_DIR}/out/collaborations.csv "." 901)
  count_lines(${WORK_DIR}/out/collaborations.csv "^source,target,weight,kind,axis,start,end,origin$" 1)
  count_lines(${WORK_DIR}/out/collaborations.csv ",dissolved$" 180)
  count_lines(${WORK_DIR}/out/collaborations.csv ",2019-[0-9-]+,dissolved$" 180)
  count_lines(${WORK_DIR}/out/collaborations.csv ",2020-[0-9-]+,,random$" 300)

elseif(CASE STREQUAL "effect")
  # The effect and the background closure, on a smaller ecosystem; the same
  # seed gives the same files, another seed others.
  run(0 --actors 100 --mean-degree 4 --coordinator-degree 20 --formed 50 --closure 0.4
        --effect 12 --sectors 3 --territories 2 --seed 9 ${WORK_DIR}/a)
  expect(out "100 actors, 262 ties written")
  expect(out "12 introductions by \"coordinator\", 20 ties closing a triad, 30 at random")
  count_lines(${WORK_DIR}/a/collaborations.csv ",introduction$" 12)
  count_lines(${WORK_DIR}/a/collaborations.csv "^(coordinator|[^,]+,coordinator),.*introduction$" 0)
  count_lines(${WORK_DIR}/a/actors.csv ",T[12],$" 100)
  run(0 --actors 100 --mean-degree 4 --coordinator-degree 20 --formed 50 --closure 0.4
        --effect 12 --sectors 3 --territories 2 --seed 9 ${WORK_DIR}/b)
  run(0 --actors 100 --mean-degree 4 --coordinator-degree 20 --formed 50 --closure 0.4
        --effect 12 --sectors 3 --territories 2 --seed 10 ${WORK_DIR}/c)
  foreach(f actors.csv collaborations.csv)
    file(SHA256 ${WORK_DIR}/a/${f} ha)
    file(SHA256 ${WORK_DIR}/b/${f} hb)
    if(NOT ha STREQUAL hb)
      message(FATAL_ERROR "${f}: the same seed gave different files")
    endif()
  endforeach()
  file(SHA256 ${WORK_DIR}/a/collaborations.csv ha)
  file(SHA256 ${WORK_DIR}/c/collaborations.csv hc)
  if(ha STREQUAL hc)
    message(FATAL_ERROR "another seed gave the same ties")
  endif()

elseif(CASE STREQUAL "help")
  run(0 --help)
  expect(out "OUTDIR")
  expect(out "--effect")
  expect(out "--closure")
  expect(out "--seed")
  run(0 --version)
  expect(out "^ecosys-synth-waves \\(libecosys\\) [0-9]+\\.[0-9]+\\.[0-9]+")

elseif(CASE STREQUAL "usage_errors")
  run(2)
  expect(err "missing OUTDIR")
  run(2 --actors 3 ${WORK_DIR}/x)
  expect(err "--actors must be")
  run(2 --closure 1.5 ${WORK_DIR}/x)
  expect(err "--closure must be")
  run(2 --effect many ${WORK_DIR}/x)
  expect(err "--effect must be")
  run(2 --formed 100000 ${WORK_DIR}/x)
  expect(err "more ties than the model can place")
  run(2 --no-such-option ${WORK_DIR}/x)
  run(2 ${WORK_DIR}/x ${WORK_DIR}/y)
  expect(err "one OUTDIR only")
  if(EXISTS ${WORK_DIR}/x)
    message(FATAL_ERROR "a usage error wrote files")
  endif()

else()
  message(FATAL_ERROR "unknown CASE ${CASE}")
endif()

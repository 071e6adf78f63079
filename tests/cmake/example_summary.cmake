# Runs examples/ecosys-summary the way a user would and checks its exit
# status, output and messages. One case per test (see tests/examples.cmake):
#   cmake -DPROGRAM=... -DCASE=... -DWORK_DIR=... [-DLAUNCHER=a|b|c]
#         [-DPYTHON=/usr/bin/python3] [-DCLERMONT=...] [-DBINARY_DIR=...]
#         -P example_summary.cmake
# LAUNCHER is ECOSYS_TEST_LAUNCHER (valgrind) with ';' written as '|'.

string(REPLACE "|" ";" launcher "${LAUNCHER}")
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# run(<expected exit status> args...): runs the program, sets out and err.
macro(run expected)
  execute_process(COMMAND ${launcher} ${PROGRAM} ${ARGN}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT "${rc}" STREQUAL "${expected}")
    message(FATAL_ERROR "ecosys-summary ${ARGN}: exit status ${rc}, expected ${expected}\n"
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

# check_json(<file> <expected actor count>): the file is strict JSON (no NaN)
# with graph.actor_count as expected; checked by CMake's own parser and,
# where Debian's python3 exists, by Python's json module.
function(check_json file actors)
  file(READ ${file} json)
  string(JSON count ERROR_VARIABLE json_error GET "${json}" graph actor_count)
  if(json_error)
    message(FATAL_ERROR "${file}: not the expected JSON: ${json_error}")
  endif()
  if(NOT count EQUAL actors)
    message(FATAL_ERROR "${file}: graph.actor_count is ${count}, expected ${actors}")
  endif()
  string(JSON length LENGTH "${json}" actors)
  if(NOT length EQUAL actors)
    message(FATAL_ERROR "${file}: ${length} actors listed, expected ${actors}")
  endif()
  if(PYTHON AND EXISTS ${PYTHON})
    execute_process(COMMAND ${PYTHON} -c
      "import json,sys\nd=json.load(open(sys.argv[1],encoding='utf-8'),parse_constant=lambda c: sys.exit('non-standard constant '+c))\nassert d['graph']['actor_count']==int(sys.argv[2]), d['graph']\nassert len(d['actors'])==int(sys.argv[2])\nassert all(k in d['actors'][0] for k in ('id','name','degree','strength','betweenness','closeness','harmonic','eigenvector','pagerank','local_clustering','core_number'))"
      ${file} ${actors}
      RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${file}: python3 json check failed: ${err}")
    endif()
  endif()
endfunction()

if(CASE STREQUAL "text")
  # No DATASET: the bundled Clermont dataset.
  run(0)
  expect(out "Clermont \\(bundled illustrative dataset\\)")
  expect(out "Network: 25 actors, 71 ties, undirected")
  expect(out "Most central actors \\(top 5\\)")
  expect(out "Groups by sector")
  expect(err "^$" "nothing on stderr")

elseif(CASE STREQUAL "markdown")
  run(0 --format markdown --top 3 --group territory)
  expect(out "^# Clermont")
  expect(out "## The whole network")
  expect(out "\\| measure \\| value \\| what it means \\|")
  expect(out "## Groups by territory")

elseif(CASE STREQUAL "json")
  run(0 --format json --output ${WORK_DIR}/summary.json)
  expect(out "^$" "the report went to --output")
  check_json(${WORK_DIR}/summary.json 25)

elseif(CASE STREQUAL "options")
  # An explicit dataset, weights and a snapshot.
  run(0 --format=json --weighted --at 2019-04-12 --group territory ${CLERMONT})
  file(WRITE ${WORK_DIR}/snapshot.json "${out}")
  check_json(${WORK_DIR}/snapshot.json 25)
  string(JSON weighted GET "${out}" options weighted)
  string(JSON at GET "${out}" options snapshot at)
  string(JSON uses GET "${out}" uses_weights closeness)
  string(JSON filtered GET "${out}" graph ties_filtered_out)
  if(NOT weighted OR NOT uses OR NOT at STREQUAL "2019-04-12" OR filtered EQUAL 0)
    message(FATAL_ERROR "options not applied: weighted=${weighted} at=${at} uses=${uses} "
                        "filtered=${filtered}")
  endif()
  run(0 --from 2019-05 --to 2019-12 --axis food --kind axis_partnership --drop-isolates
      --undirected --title "Food partners" ${CLERMONT})
  expect(out "^Food partners\n")
  expect(out "ties active at some time from 2019-05 to 2019-12")
  expect(out "tie axis = \"food\", tie kind = \"axis_partnership\"")

elseif(CASE STREQUAL "help")
  run(0 --help)
  expect(out "Usage:")
  expect(out "--format")
  expect(out "--weighted")
  expect(out "DATASET")
  run(0 --version)
  expect(out "^ecosys-summary \\(libecosys\\) [0-9]+\\.[0-9]+\\.[0-9]+\n$")

elseif(CASE STREQUAL "usage_errors")
  run(2 --no-such-option)
  expect(err "^ecosys-summary: .*no-such-option")
  run(2 --format xml)
  expect(err "^ecosys-summary: unknown format \"xml\"")
  run(2 --top 0)
  expect(err "--top must be a positive number")
  run(2 --top many)
  expect(err "^ecosys-summary: .*many")
  run(2 --group colour)
  expect(err "^ecosys-summary: no actor attribute \"colour\"; available: id, name, sector, territory, axes, scope, evidence\n")
  run(2 --at 2019-13-01)
  expect(err "^ecosys-summary: .*2019-13-01")
  run(2 --at 2019 --from 2018)
  expect(err "either at or from/to")
  run(2 --directed --undirected)
  run(2 ${CLERMONT} ${CLERMONT})
  expect(err "one DATASET at most")

elseif(CASE STREQUAL "bad_dataset")
  run(1 ${WORK_DIR}/no-such-dataset)
  expect(err "^ecosys-summary: [^\n]*no-such-dataset")
  expect(out "^$")
  # A parse error carries FILE:LINE:COLUMN.
  file(WRITE ${WORK_DIR}/bad/actors.csv "id,name\na,A\nb,B\n")
  file(WRITE ${WORK_DIR}/bad/collaborations.csv "source,target,weight\na,b,-1\n")
  run(1 ${WORK_DIR}/bad)
  expect(err "^ecosys-summary: [^\n]*collaborations\\.csv:2:[0-9]+: ")
  # Unwritable output.
  run(1 --output ${WORK_DIR}/no/such/dir/out.txt)
  expect(err "^ecosys-summary: [^\n]*out\\.txt: ")

elseif(CASE STREQUAL "installed")
  # Install into a scratch prefix, mark the installed copy of the dataset,
  # and check the installed program (no DATASET) reads that copy.
  set(prefix ${WORK_DIR}/prefix)
  execute_process(COMMAND ${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix}
    RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed")
  endif()
  file(GLOB_RECURSE installed_actors ${prefix}/*/ecosys/clermont/actors.csv)
  if(NOT installed_actors)
    message(FATAL_ERROR "the Clermont dataset was not installed under ${prefix}")
  endif()
  file(READ ${installed_actors} actors)
  string(REPLACE "SCIC Epicentre" "SCIC Epicentre INSTALLED COPY" actors "${actors}")
  file(WRITE ${installed_actors} "${actors}")
  set(PROGRAM ${prefix}/bin/ecosys-summary)
  unset(ENV{ECOSYS_DATA_DIR})
  run(0 --top 25)
  expect(out "INSTALLED COPY")
  # ECOSYS_DATA_DIR overrides the search.
  set(ENV{ECOSYS_DATA_DIR} ${WORK_DIR}/empty)
  run(1)
  expect(err "ECOSYS_DATA_DIR")

else()
  message(FATAL_ERROR "unknown CASE \"${CASE}\"")
endif()

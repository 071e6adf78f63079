# Runs examples/ecosys-resilience the way a user would and checks its exit
# status, output and messages. One case per test (see tests/examples.cmake):
#   cmake -DPROGRAM=... -DCASE=... -DWORK_DIR=... [-DLAUNCHER=a|b|c]
#         [-DPYTHON=/usr/bin/python3] [-DCLERMONT=...] -P example_resilience.cmake
# Standard error is a pipe here: no progress bar may appear on it.
#
# Expected Clermont values (25 actors, 71 ties) from NetworkX 2.8, degree
# attack with ties by dataset order, largest component after each removal:
#   G = nx.Graph(ties of collaborations.csv, weight > 0, no self-tie)
#   o = sorted(G, key=lambda v: (-G.degree(v), v)); remove one by one
#   -> first three cisca, uca, clermont_metropole; sizes after 1, 3, 5, 10
#      removals 24, 20, 18, 8 (96%, 80%, 72%, 32%); sum 198, R = 198/625 = 0.3168.

set(EXAMPLE_NAME ecosys-resilience)
include(${CMAKE_CURRENT_LIST_DIR}/example_common.cmake)

if(CASE STREQUAL "text")
  run(0 --replicates 50)
  expect(out "^Clermont \\(bundled illustrative dataset\\): resilience")
  expect(out "25 actors, 71 ties")
  expect(out "most connected first \\(degree\\) +R = 0\\.317 ")
  expect(out "After the 1 most central leave \\(cisca\\): the largest group holds 96%")
  expect(out "\\(cisca, uca, clermont_metropole\\): the largest group holds 80%")
  expect(out "After the 5 most central leave: the largest group holds 72%")
  expect(out "After the 10 most central leave: the largest group holds 32%")
  expect(out "Which sector's departure hurts most")
  expect(err "^$" "nothing on stderr (no progress bar in a pipe)")
  run(0 --strategy betweenness --adaptive --remove-group business --replicates 20)
  expect(out "brokers first \\(recomputed\\)")
  expect(out "If the 2 actors whose sector is \"business\" leave")

elseif(CASE STREQUAL "markdown")
  run(0 --format markdown --replicates 20 --threads 2)
  expect(out "^# Clermont")
  expect(out "\n## How fragile is the network\\?\n")
  expect(out "\\| who leaves first \\| R \\| critical fraction \\|")
  expect(out "`cisca`")
  expect(err "^$")

elseif(CASE STREQUAL "json")
  run(0 --format json --replicates 60 --seed 7 --output ${WORK_DIR}/r.json)
  expect(out "^$" "the report went to --output")
  read_json_report(${WORK_DIR}/r.json ecosys_resilience)
  string(JSON n GET "${json}" actors)
  string(JSON strategy GET "${json}" scenarios 1 strategy)
  string(JSON r GET "${json}" scenarios 1 robustness)
  string(JSON first GET "${json}" scenarios 1 order 0)
  string(JSON reps GET "${json}" scenarios 0 replicates)
  string(JSON groups LENGTH "${json}" group_departures)
  if(NOT n EQUAL 25 OR NOT strategy STREQUAL "degree" OR NOT r MATCHES "^0\\.3168(0+[0-9])?$"
     OR NOT first STREQUAL "cisca" OR NOT reps EQUAL 60 OR groups LESS 2)
    message(FATAL_ERROR "unexpected: n=${n} strategy=${strategy} R=${r} first=${first} "
                        "replicates=${reps} groups=${groups}")
  endif()
  # Same seed, another thread count: the same report.
  run(0 --format json --replicates 60 --seed 7 --threads 1)
  file(READ ${WORK_DIR}/r.json many)
  if(NOT out STREQUAL many)
    message(FATAL_ERROR "--threads 1 changed the report")
  endif()

elseif(CASE STREQUAL "help")
  run(0 --help)
  expect(out "Usage:")
  expect(out "--strategy")
  expect(out "--adaptive")
  expect(out "--remove-group")
  run(0 --version)
  expect(out "^ecosys-resilience \\(libecosys\\) [0-9]+\\.[0-9]+\\.[0-9]+\n$")

elseif(CASE STREQUAL "usage_errors")
  run(2 --no-such-option)
  expect(err "^ecosys-resilience: .*no-such-option")
  run(2 --format xml)
  expect(err "^ecosys-resilience: unknown format \"xml\"")
  run(2 --strategy alphabetical)
  expect(err "unknown strategy \"alphabetical\"")
  run(2 --replicates 0)
  expect(err "--replicates must be a positive whole number")
  run(2 --threshold 2)
  expect(err "--threshold must be a number from 0 to 1")
  run(2 --group colour)
  expect(err "^ecosys-resilience: [^\n]*colour")
  run(2 --remove-group pirates)
  expect(err "no sector is \"pirates\"")
  run(2 a b)
  expect(err "one DATASET at most")

elseif(CASE STREQUAL "bad_dataset")
  run(1 ${WORK_DIR}/no-such-dataset)
  expect(err "^ecosys-resilience: [^\n]*no-such-dataset")
  expect(out "^$")

else()
  message(FATAL_ERROR "unknown CASE \"${CASE}\"")
endif()

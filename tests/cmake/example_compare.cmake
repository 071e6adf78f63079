# Runs examples/ecosys-compare the way a user would and checks its exit
# status, output and messages. One case per test (see tests/examples.cmake):
#   cmake -DPROGRAM=... -DCASE=... -DWORK_DIR=... [-DLAUNCHER=a|b|c]
#         [-DPYTHON=/usr/bin/python3] [-DCLERMONT=...] -P example_compare.cmake
# LAUNCHER is ECOSYS_TEST_LAUNCHER (valgrind) with ';' written as '|'.
# Standard error is a pipe here: no progress bar may appear on it.

set(EXAMPLE_NAME ecosys-compare)
include(${CMAKE_CURRENT_LIST_DIR}/example_common.cmake)

# Two small datasets with the same actors, for the two-dataset mode.
function(write_waves dir)
  file(WRITE ${dir}/before/actors.csv
    "id,name,sector\nhub,Hub,intermediary\na,A,academia\nb,B,business\nc,C,civil_society\nd,D,public\ne,E,business\n")
  file(WRITE ${dir}/before/collaborations.csv
    "source,target,weight\nhub,a,1\nhub,b,1\nhub,c,1\nhub,d,1\nd,e,1\n")
  file(WRITE ${dir}/after/actors.csv
    "id,name,sector\nhub,Hub,intermediary\na,A,academia\nb,B,business\nc,C,civil_society\nd,D,public\ne,E,business\n")
  file(WRITE ${dir}/after/collaborations.csv
    "source,target,weight\nhub,a,1\nhub,b,1\nhub,c,1\nhub,d,1\na,b,1\nb,c,1\na,c,1\na,d,1\n")
  # other actors: same count, one id differs
  file(WRITE ${dir}/other/actors.csv
    "id,name,sector\nhub,Hub,intermediary\na,A,academia\nb,B,business\nc,C,civil_society\nd,D,public\nz,Z,business\n")
  file(WRITE ${dir}/other/collaborations.csv "source,target,weight\nhub,a,1\n")
endfunction()

if(CASE STREQUAL "text")
  # No DATASET: Clermont before and after the April 2019 label, coordinator cisca.
  run(0 --replicates 200)
  expect(out "^Clermont \\(bundled illustrative dataset\\): before and after")
  expect(out "before \\(up to 2019-04-11\\)")
  expect(out "after \\(from 2019-04-12\\)")
  expect(out "18 ties formed, 6 dissolved and 47 persisted")
  expect(out "\nSignificance\n-+\n\nIs it more than chance\\? ")
  expect(out "Read first: of the 10 new ties that closed a triad")
  expect(out "New ties between cisca's contacts: 4, expected 5\\.538 if new ties had formed at")
  expect(out "New ties between groups: 11, expected 13\\.77")
  expect(out "200 random placements of the same change")
  expect(out "degree centralization +\\+0\\.2283")
  expect(err "^$" "nothing on stderr (no progress bar in a pipe)")

elseif(CASE STREQUAL "markdown")
  run(0 --format markdown --replicates 100 --threads 2)
  expect(out "^# Clermont")
  expect(out "\n## Significance\n\nIs it more than chance\\? ")
  expect(out "\n- Read first: ")
  expect(out "`cisca`'s contacts")
  expect(out "\\| measure \\| observed change \\| random change \\| z \\| p \\|")
  expect(err "^$")

elseif(CASE STREQUAL "json")
  run(0 --format json --replicates 100 --seed 7 --output ${WORK_DIR}/compare.json)
  expect(out "^$" "the report went to --output")
  read_json_report(${WORK_DIR}/compare.json ecosys_waves)
  string(JSON formed GET "${json}" significance formed)
  string(JSON x GET "${json}" significance exact formed_via_coordinator observed)
  string(JSON p GET "${json}" significance exact closure_via_coordinator p_less)
  string(JSON reps GET "${json}" significance changes replicates)
  string(JSON seed GET "${json}" significance changes seed)
  string(JSON ei GET "${json}" significance changes ei_index valid)
  if(NOT formed EQUAL 18 OR NOT x EQUAL 4 OR NOT reps EQUAL 100 OR NOT seed EQUAL 7
     OR NOT ei EQUAL 100 OR NOT p MATCHES "^0\\.11")
    message(FATAL_ERROR "unexpected significance: formed=${formed} x=${x} p=${p} "
                        "replicates=${reps} seed=${seed} valid=${ei}")
  endif()
  # Same seed, another thread count: the same report.
  run(0 --format json --replicates 100 --seed 7 --threads 1)
  file(WRITE ${WORK_DIR}/one_thread.json "${out}")
  file(READ ${WORK_DIR}/compare.json many)
  if(NOT out STREQUAL many)
    message(FATAL_ERROR "--threads 1 changed the report")
  endif()
  # --null exact: no ensemble; --null none: significance null.
  run(0 --format json --null exact)
  string(JSON type TYPE "${out}" significance changes)
  if(NOT type STREQUAL "NULL")
    message(FATAL_ERROR "--null exact: significance.changes is ${type}")
  endif()
  run(0 --format json --null none)
  string(JSON type TYPE "${out}" significance)
  if(NOT type STREQUAL "NULL")
    message(FATAL_ERROR "--null none: significance is ${type}")
  endif()
  run(0 --null none)
  expect(out "Not computed")

elseif(CASE STREQUAL "dates")
  # One DATASET with explicit waves (dates and intervals).
  run(0 --before 2019-03-01 --after-from 2019-05 --after-to 2019-12 --coordinator cisca
      --group territory --replicates 50 ${CLERMONT})
  expect(out "before \\(on 2019-03-01\\)")
  expect(out "after \\(from 2019-05 to 2019-12\\)")
  expect(out "New ties between groups: ")

elseif(CASE STREQUAL "two_datasets")
  write_waves(${WORK_DIR})
  run(0 --coordinator hub --replicates 100 ${WORK_DIR}/before ${WORK_DIR}/after)
  expect(out "First wave: before \\(in")
  # formed a-b b-c a-c a-d (4), dissolved d-e; all four between hub's contacts
  # (paths make the lines wrap anywhere)
  expect(out "4[ \n]ties[ \n]formed,[ \n]1[ \n]dissolved[ \n]and[ \n]4[ \n]persisted")
  expect(out "New[ \n]ties[ \n]between[ \n]hub's[ \n]contacts:[ \n]4,[ \n]expected[ \n]2\\.400")
  run(0 --format json --coordinator hub ${WORK_DIR}/before ${WORK_DIR}/after)
  file(WRITE ${WORK_DIR}/two.json "${out}")
  read_json_report(${WORK_DIR}/two.json ecosys_waves)
  string(JSON k GET "${json}" significance coordinator_candidates)
  if(NOT k EQUAL 6)
    message(FATAL_ERROR "coordinator_candidates is ${k}, expected 6 (the 4 contacts' pairs)")
  endif()
  # Actors that do not match one for one: a clear error, status 1.
  run(1 ${WORK_DIR}/before ${WORK_DIR}/other)
  expect(err "^ecosys-compare: [^\n]*same actors in the same order[^\n]*\"e\" before and \"z\" after")
  expect(err "--null none")
  run(0 --null none ${WORK_DIR}/before ${WORK_DIR}/other)

elseif(CASE STREQUAL "help")
  run(0 --help)
  expect(out "Usage:")
  expect(out "--format")
  expect(out "--coordinator")
  expect(out "--before-from")
  expect(out "--null")
  expect(out "DATASET2")
  expect(out "April|2019-04-12")
  run(0 --version)
  expect(out "^ecosys-compare \\(libecosys\\) [0-9]+\\.[0-9]+\\.[0-9]+\n$")

elseif(CASE STREQUAL "usage_errors")
  run(2 --no-such-option)
  expect(err "^ecosys-compare: .*no-such-option")
  run(2 --format xml)
  expect(err "^ecosys-compare: unknown format \"xml\"")
  run(2 --null magic)
  expect(err "unknown --null \"magic\"")
  run(2 --replicates 0)
  expect(err "--replicates must be a positive whole number")
  run(2 --threads lots)
  expect(err "--threads must be")
  run(2 --before 2019 --before-to 2019)
  expect(err "give either --before or --before-from/--before-to, not both")
  run(2 ${CLERMONT})
  expect(err "one DATASET: give the two waves' dates")
  run(2 a b c)
  expect(err "two DATASETs at most")
  run(2 --coordinator nobody)
  expect(err "^ecosys-compare: [^\n]*nobody")
  run(2 --group colour)
  expect(err "^ecosys-compare: [^\n]*colour")
  run(2 --before 2019-13-01 --after 2020 ${CLERMONT})
  expect(err "^ecosys-compare: [^\n]*2019-13-01")

elseif(CASE STREQUAL "bad_dataset")
  run(1 --before 2019 --after 2020 ${WORK_DIR}/no-such-dataset)
  expect(err "^ecosys-compare: [^\n]*no-such-dataset")
  expect(out "^$")

else()
  message(FATAL_ERROR "unknown CASE \"${CASE}\"")
endif()

# `pip install` of bindings/python into a fresh virtual environment, offline
# (--no-index: nothing is downloaded; --no-build-isolation: the system's
# setuptools and wheel build it), then the venv's Python imports ecosys
# from the venv and runs a summary with ECOSYS_LIBRARY naming the library.
#
# Variables: PYTHON, SOURCE (bindings/python), LIBRARY, WORK_DIR, CLERMONT.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
# Build from a copy: an in-tree build would leave build/ and *.egg-info in
# the sources.
file(COPY ${SOURCE}/ DESTINATION ${WORK_DIR}/src
     PATTERN "__pycache__" EXCLUDE PATTERN "build" EXCLUDE PATTERN "*.egg-info" EXCLUDE)
unset(ENV{PYTHONPATH})
unset(ENV{PIP_INDEX_URL})
set(ENV{PIP_DISABLE_PIP_VERSION_CHECK} 1)
set(ENV{PYTHONDONTWRITEBYTECODE} 1)

set(venv ${WORK_DIR}/venv)
execute_process(COMMAND ${PYTHON} -m venv --system-site-packages ${venv}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "python3 -m venv failed (Debian: python3-venv):\n${out}\n${err}")
endif()
execute_process(COMMAND ${venv}/bin/python -m pip install --no-index --no-build-isolation
    ${WORK_DIR}/src
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pip install failed (Debian: python3-pip, python3-setuptools, "
                      "python3-wheel):\n${out}\n${err}")
endif()

set(ENV{ECOSYS_LIBRARY} ${LIBRARY})
execute_process(COMMAND ${venv}/bin/python -c "
import os, sys, ecosys
venv = os.path.realpath(sys.argv[1])
where = os.path.realpath(ecosys.__file__)
assert where.startswith(venv + os.sep), ('package imported from', where)
ds = ecosys.Dataset.read(sys.argv[2])
s = ecosys.summary_json(ecosys.Graph(ds))
assert s['graph']['actor_count'] == ds.actor_count
print('pip-installed ecosys', ecosys.__version__, 'from', os.path.dirname(where),
      ':', s['graph']['actor_count'], 'actors')
" ${venv} ${CLERMONT}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "importing the pip-installed package failed:\n${out}\n${err}")
endif()
message(STATUS "${out}")

# pip knows it, and can remove it.
execute_process(COMMAND ${venv}/bin/python -m pip show ecosys
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "Version: 0\\.1\\.0")
  message(FATAL_ERROR "pip show ecosys:\n${out}\n${err}")
endif()

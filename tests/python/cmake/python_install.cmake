# `cmake --install` into a scratch prefix, then the system Python imports
# the installed package (PYTHONPATH = the prefix's package directory, as
# /usr/local/lib/python3.X/dist-packages is for a default install) and runs
# a summary. No ECOSYS_LIBRARY and no LD_LIBRARY_PATH: the package must find
# the library installed beside it. Then the same with the library found by
# the system's lookup instead (LD_LIBRARY_PATH, package recorded path hidden).
#
# Variables: PYTHON, BINARY_DIR, WORK_DIR, PYTHON_DIR (relative to the
# prefix, or absolute), CLERMONT.
set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix}
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed:\n${err}")
endif()
if(IS_ABSOLUTE "${PYTHON_DIR}")
  message(FATAL_ERROR "python_install needs a relative ECOSYS_PYTHON_INSTALL_DIR")
endif()
set(site ${prefix}/${PYTHON_DIR})
foreach(file __init__.py _native.py _installed.py py.typed)
  if(NOT EXISTS ${site}/ecosys/${file})
    message(FATAL_ERROR "cmake --install did not install ${site}/ecosys/${file}")
  endif()
endforeach()

unset(ENV{ECOSYS_LIBRARY})
unset(ENV{LD_LIBRARY_PATH})
set(ENV{PYTHONPATH} ${site})
set(ENV{PYTHONDONTWRITEBYTECODE} 1)
set(check "
import os, sys, ecosys
prefix = os.path.realpath(sys.argv[1])
where = os.path.realpath(ecosys.__file__)
assert where.startswith(prefix + os.sep), ('package imported from', where)
lib = os.path.realpath(ecosys.library_path())
if sys.argv[3] == 'beside':
    assert lib.startswith(prefix + os.sep), ('library loaded from', lib)
ds = ecosys.Dataset.read(sys.argv[2])
g = ecosys.Graph(ds)
s = ecosys.summary_json(g)
assert s['graph']['actor_count'] == ds.actor_count, s['graph']
print('installed ecosys', ecosys.__version__, 'library', ecosys.library_version(),
      'from', ecosys.library_path(), ':', s['graph']['actor_count'], 'actors')
")
execute_process(COMMAND ${PYTHON} -c "${check}" ${prefix} ${CLERMONT} beside
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "importing the installed package failed:\n${out}\n${err}")
endif()
message(STATUS "${out}")

# The system lookup: without the recorded path, through LD_LIBRARY_PATH
# (ctypes.util.find_library, then the SONAME).
file(REMOVE ${site}/ecosys/_installed.py)
file(GLOB_RECURSE libs ${prefix}/*/libecosys.so.*)
list(GET libs 0 lib)
get_filename_component(libdir ${lib} DIRECTORY)
set(ENV{LD_LIBRARY_PATH} ${libdir})
execute_process(COMMAND ${PYTHON} -c "${check}" ${prefix} ${CLERMONT} system
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "importing the installed package (system lookup) failed:\n${out}\n${err}")
endif()
message(STATUS "${out}")

# Installs libecosys into a scratch prefix, then builds tests/consumer/ as a
# user would: once through find_package(ecosys) and once through pkg-config,
# and runs both programs.
set(prefix ${BINARY_DIR}/install_consumer/prefix)
file(REMOVE_RECURSE ${BINARY_DIR}/install_consumer)
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix}
  RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed")
endif()

# 1. CMake package
set(build ${BINARY_DIR}/install_consumer/cmake-build)
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer -B ${build}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_C_COMPILER=${CC}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "consumer configure failed:\n${out}\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${build}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "consumer build (find_package) failed:\n${out}\n${err}")
endif()
execute_process(COMMAND ${build}/consumer RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "consumer (find_package) failed to run:\n${out}\n${err}")
endif()
message(STATUS "find_package consumer: ${out}")

# 2. pkg-config
find_program(PKG_CONFIG pkg-config REQUIRED)
set(libdir_candidates ${prefix}/lib/pkgconfig ${prefix}/lib/x86_64-linux-gnu/pkgconfig)
file(GLOB_RECURSE pcfile ${prefix}/*/ecosys.pc)
get_filename_component(pcdir ${pcfile} DIRECTORY)
set(ENV{PKG_CONFIG_PATH} ${pcdir})
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs ecosys
  OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config cannot find ecosys.pc in ${pcdir}")
endif()
separate_arguments(flag_list UNIX_COMMAND "${flags}")
set(exe ${BINARY_DIR}/install_consumer/consumer-pkgconfig)
execute_process(COMMAND ${CC} -std=c11 -Wall -Werror ${SOURCE_DIR}/tests/consumer/consumer.c
    ${flag_list} -o ${exe}
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "consumer build (pkg-config: ${flags}) failed:\n${err}")
endif()
get_filename_component(libdir ${pcdir} DIRECTORY)
set(ENV{LD_LIBRARY_PATH} ${libdir})
execute_process(COMMAND ${exe} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "consumer (pkg-config) failed to run:\n${out}\n${err}")
endif()
message(STATUS "pkg-config consumer: ${out}")

"""Loading the library: lookup order, version check, struct layouts."""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ecosys
from ecosys import _native
from conftest import BINARY_DIR, SOURCE_DIR

PACKAGE = Path(ecosys.__file__).resolve().parent


def run_python(code: str, env: dict, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Runs code in a fresh interpreter with exactly the given extra env."""
    base = {k: v for k, v in os.environ.items()
            if k not in ("ECOSYS_LIBRARY", "LD_LIBRARY_PATH", "PYTHONPATH")}
    base.update(env)
    base["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run([sys.executable, "-c", code], env=base, cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def copy_package(destination: Path) -> Path:
    """A copy of the package alone (no _installed.py), as pip would install it."""
    target = destination / "ecosys"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__",
                                                                   "_installed.py"))
    return destination


def library_file() -> Path:
    return Path(os.environ["ECOSYS_LIBRARY"]).resolve()


def test_version_and_path():
    assert ecosys.library_version() == "0.1.0"
    assert ecosys.__version__.split(".")[:2] == ecosys.library_version().split(".")[:2]
    assert _native.version_number() == 100
    assert Path(ecosys.library_path()).resolve() == library_file()


def test_error_names_and_texts():
    assert _native.error_name(-3) == "EINVAL"
    assert _native.strerror(-3) == "invalid argument"
    assert _native.error_name(-99) == "UNKNOWN"
    assert _native.strerror(-99) == "unknown error"


def test_environment_variable_is_authoritative(tmp_path):
    result = run_python("import ecosys", {"ECOSYS_LIBRARY": str(tmp_path / "nope.so"),
                                          "PYTHONPATH": str(PACKAGE.parent)})
    assert result.returncode != 0
    assert "ImportError" in result.stderr
    assert "$ECOSYS_LIBRARY" in result.stderr and "nope.so" in result.stderr
    # Given explicitly, a wrong path never falls back to another copy.
    assert "find_library" not in result.stderr


def test_library_beside_the_package(tmp_path):
    copy_package(tmp_path)
    shutil.copy(library_file(), tmp_path / "ecosys" / "libecosys.so.0.1")
    result = run_python("import ecosys; print(ecosys.library_path())",
                        {"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / "ecosys" / "libecosys.so.0.1")


def test_installed_relative_path(tmp_path):
    # cmake --install writes _installed.py pointing at the prefix's library.
    copy_package(tmp_path / "lib" / "python3" / "dist-packages")
    (tmp_path / "lib" / "x").mkdir(parents=True)
    shutil.copy(library_file(), tmp_path / "lib" / "x" / "libecosys.so.0.1")
    (tmp_path / "lib" / "python3" / "dist-packages" / "ecosys" / "_installed.py").write_text(
        'LIBRARY_RELATIVE = "../../../x/libecosys.so.0.1"\n')
    result = run_python("import ecosys; print(ecosys.library_path())",
                        {"PYTHONPATH": str(tmp_path / "lib" / "python3" / "dist-packages")})
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == tmp_path / "lib" / "x" / "libecosys.so.0.1"


def test_system_lookup_through_the_loader_path(tmp_path):
    copy_package(tmp_path / "site")
    libdir = tmp_path / "libdir"
    libdir.mkdir()
    shutil.copy(library_file(), libdir / "libecosys.so.0.1")
    os.symlink("libecosys.so.0.1", libdir / "libecosys.so")
    result = run_python(
        "import ecosys, os; print(os.path.realpath(ecosys.library_path())"
        " if os.sep in ecosys.library_path() else ecosys.library_path())",
        {"PYTHONPATH": str(tmp_path / "site"), "LD_LIBRARY_PATH": str(libdir)})
    assert result.returncode == 0, result.stderr
    found = result.stdout.strip()
    # find_library gives a name or a path; either way it came from the
    # system lookup (or the SONAME), not from beside the package.
    assert "libecosys.so" in found
    assert str(tmp_path / "site") not in found


def test_nothing_found_lists_every_step(tmp_path):
    if ctypes.util.find_library("ecosys"):
        pytest.skip("a libecosys is installed on this system: the lookup would find it")
    copy_package(tmp_path)
    result = run_python("import ecosys", {"PYTHONPATH": str(tmp_path)})
    assert result.returncode != 0
    for step in ("$ECOSYS_LIBRARY: not set", "beside the package",
                 "find_library('ecosys')", "the SONAME: libecosys.so.0.1"):
        assert step in result.stderr, result.stderr


def compiler() -> str:
    cc = os.environ.get("ECOSYS_C_COMPILER") or shutil.which("cc") or shutil.which("gcc")
    if not cc:
        pytest.skip("no C compiler to build the test's helper")
    return cc


def test_version_mismatch_is_an_import_error(tmp_path):
    source = tmp_path / "fake.c"
    source.write_text("int ecosys_version_number(void) { return 20304; }\n")
    library = tmp_path / "libfake.so"
    subprocess.run([compiler(), "-shared", "-fPIC", str(source), "-o", str(library)],
                   check=True)
    result = run_python("import ecosys", {"ECOSYS_LIBRARY": str(library),
                                          "PYTHONPATH": str(PACKAGE.parent)})
    assert result.returncode != 0
    assert "is libecosys 2.3.4, but this binding needs 0.1.x" in result.stderr


def test_missing_function_is_an_import_error(tmp_path):
    source = tmp_path / "fake.c"
    source.write_text("int ecosys_version_number(void) { return 100; }\n")
    library = tmp_path / "libfake.so"
    subprocess.run([compiler(), "-shared", "-fPIC", str(source), "-o", str(library)],
                   check=True)
    result = run_python("import ecosys", {"ECOSYS_LIBRARY": str(library),
                                          "PYTHONPATH": str(PACKAGE.parent)})
    assert result.returncode != 0
    assert "lacks" in result.stderr and "ecosys_dataset_read" in result.stderr


def test_struct_layouts_match_the_headers(tmp_path):
    """Every mirrored struct has the C size and field offsets."""
    lines = ["#include <ecosys.h>", "#include <stddef.h>", "#include <stdio.h>",
             "int main(void) {"]
    for name in _native.STRUCTS:
        size, fields = _native.struct_layout(name)
        lines.append(f'printf("{name} %zu\\n", sizeof({name}));')
        for field, _ in fields:
            c_field = "from" if field == "from_" else field
            lines.append(f'printf("{name}.{field} %zu\\n", offsetof({name}, {c_field}));')
    lines += ["return 0;", "}"]
    source = tmp_path / "layout.c"
    source.write_text("\n".join(lines) + "\n")
    program = tmp_path / "layout"
    include = [f"-I{SOURCE_DIR / 'include'}", f"-I{BINARY_DIR / 'include'}"]
    if not (BINARY_DIR / "include" / "ecosys" / "version.h").exists():
        pytest.skip("no configured build tree with ecosys/version.h")
    subprocess.run([compiler(), "-std=c11", *include, str(source), "-o", str(program)],
                   check=True)
    c_layout = dict(line.rsplit(" ", 1) for line in
                    subprocess.run([str(program)], capture_output=True, text=True,
                                   check=True).stdout.splitlines())
    for name in _native.STRUCTS:
        size, fields = _native.struct_layout(name)
        assert int(c_layout[name]) == size, name
        for field, offset in fields:
            assert int(c_layout[f"{name}.{field}"]) == offset, f"{name}.{field}"


def test_every_declared_function_is_exported():
    declared = {name for table in _native.DECLARATIONS.values() for name in table}
    assert declared == set(_native.FUNCTIONS)
    header_text = "".join(p.read_text() for p in (SOURCE_DIR / "include").rglob("*.h"))
    for name in declared:
        assert f"{name}(" in header_text, name


def test_only_native_imports_ctypes():
    import ast
    for module in PACKAGE.glob("*.py"):
        imported = set()
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
        assert ("ctypes" in imported) == (module.name == "_native.py"), module.name


def test_every_public_name_has_a_docstring():
    import inspect
    missing = []
    for name in ecosys.__all__:
        if name.startswith("__") or name in ("ACTOR_FIELDS", "TIE_FIELDS"):
            continue
        obj = getattr(ecosys, name)
        if not inspect.getdoc(obj):
            missing.append(name)
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                if callable(member) or isinstance(member, property):
                    if not inspect.getdoc(member):
                        missing.append(f"{name}.{attr}")
    assert not missing, missing


def test_example_script_runs():
    script = SOURCE_DIR / "examples" / "python" / "clermont_tour.py"
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            timeout=300, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    assert result.returncode == 0, result.stderr
    assert "cisca" in result.stdout.lower()

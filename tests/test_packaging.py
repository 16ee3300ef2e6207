"""What a user's `pip install` gets: one top-level name (minutebook), every package and page of the
app, no test code, a working `python -m minutebook --version`, and every runtime import declared."""
from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("minutebook", "ingest", "assistant", "ui")

# The distribution that provides each module the code imports (where the two names differ), and
# the imports that are optional: each is imported inside a try that says what to install.
DISTRIBUTION = {"faiss": "faiss-cpu", "sentence_transformers": "sentence-transformers", "sqlite_utils": "sqlite-utils",
                "langchain_core": "langchain-core", "PIL": "pillow"}
OPTIONAL = {
    "qdrant_client": "the qdrant extra (MINUTEBOOK_STORE=qdrant://...)",
    "langchain_openai": "--llm openai: generative.py names the package",
    "langchain_ollama": "--llm ollama: generative.py names the package",
    "langchain_community": "--llm llamacpp: generative.py names the package",
    "tomli": "minutebook.toml on Python 3.10 only (a dependency there)",
}


def _source_copy(to: Path) -> Path:
    """The files a build reads, copied, so building leaves nothing (build/, *.egg-info) in the checkout."""
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, to / name)
    for folder in FOLDERS:
        shutil.copytree(ROOT / folder, to / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return to


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = _source_copy(tmp_path_factory.mktemp("src"))
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                            "-q", "-w", str(out), str(src)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-2000:]
    return next(out.glob("minutebook-*.whl"))


def _names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as z:
        return z.namelist()


def test_the_wheel_puts_one_name_in_site_packages(wheel):
    top = {n.split("/")[0] for n in _names(wheel) if ".dist-info/" not in n}
    assert top == {"minutebook"}, f"top-level names a user's site-packages would get: {sorted(top)}"


def test_the_wheel_holds_every_module_and_page_of_the_checkout_and_no_test_code(wheel):
    names = set(_names(wheel))
    expected = {f"minutebook/{p.relative_to(ROOT).as_posix()}" for folder in ("ingest", "assistant", "ui")
                for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts}
    expected |= {f"minutebook/{p.name}" for p in (ROOT / "minutebook").glob("*.py")}
    assert "minutebook/ui/views/ask.py" in expected  # the app's pages are modules like the rest
    assert not expected - names, f"missing from the wheel: {sorted(expected - names)}"
    assert not [n for n in names if "/tests/" in n or "browser_driver" in n or "screenshots" in n]


def test_an_installed_wheel_runs_python_m_minutebook_version_in_a_fresh_venv(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    installed = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                                "--no-index", str(wheel)], capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr[-2000:]
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    assert not {"ingest", "assistant", "ui"} & {p.name for p in site.iterdir()}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    for argv in ([str(python), "-m", "minutebook", "--version"], [str(venv / "bin" / "minutebook"), "--version"]):
        run = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
        assert (run.returncode, run.stdout) == (0, "minutebook 0.2.0\n"), run.stderr[-2000:]


def _imports() -> dict[str, set[str]]:
    """Third-party top-level modules the shipped code imports, with the files that import them."""
    found: dict[str, set[str]] = {}
    for folder in FOLDERS:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top != "minutebook":
                        found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_module_the_code_imports_is_a_declared_dependency():
    declared = {d.split(";")[0].split("[")[0].split(">")[0].split("=")[0].split("<")[0].strip().lower()
                for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    needed = {DISTRIBUTION.get(m, m.replace("_", "-")).lower(): files for m, files in _imports().items()
              if m not in OPTIONAL}
    needed["pillow"] = {"assistant/pagerender.py (pypdfium2's to_pil)"}  # imported by pypdfium2 for us
    missing = {d: sorted(f) for d, f in needed.items() if d not in declared}
    assert not missing, f"imported but not in pyproject's dependencies: {missing}"

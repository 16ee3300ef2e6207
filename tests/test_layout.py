"""The code's shape a newcomer relies on: ingest/ writes, assistant/ reads, ui/ draws, each importable
as minutebook.<folder>; no import cycles; SQL only in the storage modules."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("ingest", "assistant", "ui")


def modules() -> dict[str, Path]:
    """Every module by its import name (minutebook.ingest.storage.store), packages by their folder's."""
    found = {}
    for pkg in PACKAGES:
        for p in (ROOT / pkg).rglob("*.py"):
            parts = p.relative_to(ROOT).with_suffix("").parts
            parts = parts[:-1] if parts[-1] == "__init__" else parts
            found[".".join(("minutebook",) + parts)] = p
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `name` imports, at the top or inside functions alike."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    tree = ast.parse(path.read_text())
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and getattr(block.test, "id", "") == "TYPE_CHECKING" for n in ast.walk(block)}
    for node in ast.walk(tree):
        if id(node) in typing_only:  # annotations only: never imported when the code runs
            continue
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        found |= {t for t in targets if t in known}
    return found - {name}


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {name: imports_of(name, path, set(mods)) for name, path in mods.items()}


def test_no_module_imports_itself_back_through_another():
    g = graph()
    cycles = []

    def visit(node, stack, on_stack, done):
        on_stack.add(node)
        stack.append(node)
        for nxt in sorted(g[node]):
            if nxt in on_stack:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in done:
                visit(nxt, stack, on_stack, done)
        stack.pop()
        on_stack.discard(node)
        done.add(node)

    done: set[str] = set()
    for node in sorted(g):
        if node not in done:
            visit(node, [], set(), done)
    assert not cycles, " ; ".join(" -> ".join(c) for c in cycles)


def test_the_write_side_never_imports_the_read_side_or_the_app():
    bad = [(m, t) for m, targets in graph().items() if m.startswith("minutebook.ingest")
           for t in targets if t.startswith(("minutebook.assistant", "minutebook.ui"))]
    assert not bad


def test_the_import_graph_is_read_at_all():
    # The checks above pass on an empty graph; make sure they see the store's real imports.
    assert "minutebook.ingest.storage.migrations" in graph()["minutebook.ingest.storage.store"]


def test_every_package_folder_is_installed_under_the_one_minutebook_name():
    # pyproject lists the packages by hand (the folders map onto minutebook.*): a new subpackage
    # left out of it would be missing from a user's install while every test here still passed.
    listed = set(re.findall(r'"(minutebook(?:\.[a-z_]+)*)"', (ROOT / "pyproject.toml").read_text()))
    folders = {name for name, p in modules().items() if p.name == "__init__.py"} | {"minutebook"}
    assert folders <= listed, f"package folders pyproject.toml does not install: {sorted(folders - listed)}"
    assert not {n for n in listed if n.split(".")[0] in PACKAGES}, "a top-level ingest/assistant/ui package"


def test_sql_lives_only_in_the_storage_modules():
    sql = re.compile(r"\.execute\(|\bSELECT\s+\w|\bINSERT\s+INTO\b|\bDELETE\s+FROM\b")
    offenders = [str(p.relative_to(ROOT)) for pkg in ("assistant", "ui") for p in (ROOT / pkg).rglob("*.py")
                 if sql.search(p.read_text())]
    assert not offenders


def test_settings_are_read_from_the_environment_only_in_settings_py():
    # A command builds one Settings and passes it down; a module reading a variable itself would
    # ignore what the command was told (and what a test's Settings says).
    read = re.compile(r"""(environ\.get|getenv)\(\s*["'](MINUTEBOOK|QDRANT|OLLAMA|OPENAI|XDG)_"""
                      r"""|environ\[\s*["'](MINUTEBOOK|QDRANT|OLLAMA|OPENAI|XDG)_\w+["']\](?!\s*=)""")
    offenders = [str(p.relative_to(ROOT)) for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")
                 if p.name != "settings.py" and read.search(p.read_text())]
    assert not offenders


def test_the_readme_names_every_module_where_the_code_is_laid_out_and_no_module_that_is_gone():
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## How the code is laid out"):]
    section = section.split("\n## ")[0]
    named = set(re.findall(r"`([a-z_]+\.py)`", section))
    files = {p.name for p in modules().values() if p.name != "__init__.py"}
    assert not files - named, f"modules the README's layout section does not name: {sorted(files - named)}"
    extras = {"run.py", "real.py", "browser_driver.py", "__init__.py", "__main__.py"}  # evals, tests, minutebook/
    assert not named - files - extras, f"named but not in the tree: {sorted(named - files - extras)}"

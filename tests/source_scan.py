"""Reading the project's own source, for tests that guard its rules (texts, layers)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROSE = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]|[A-Za-z]{2,}\s+[A-Za-z]{2,}")
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical", "log"}


def python_files(*packages: str) -> list[Path]:
    return sorted(path for package in packages for path in (ROOT / package).rglob("*.py"))


PERSON_FACING = {"DomainError", "NotAllowed", "InvalidInput", "NotFound"}


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def never_read(node: ast.AST) -> bool:
    """Docstrings, log lines, errors for operators and developers (only the typed refusals reach
    people, and those carry keys), and strings that are only compared."""
    if isinstance(node, ast.Expr):
        return isinstance(node.value, ast.Constant)
    if isinstance(node, ast.Compare):
        return True
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Attribute) and node.func.attr in LOG_METHODS
    if isinstance(node, ast.Raise):
        exception = node.exc
        return isinstance(exception, ast.Call) and _name(exception.func) not in PERSON_FACING
    return False


def exempt_nodes(tree: ast.AST) -> set[int]:
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if never_read(node):
            exempt.update(id(inner) for inner in ast.walk(node))
    return exempt


def inline_texts(source: str) -> list[tuple[int, str]]:
    """String literals that read like prose: texts that belong in locales/."""
    tree = ast.parse(source)
    exempt = exempt_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in exempt:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if PROSE.search(node.value):
                found.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            literal = "".join(
                part.value
                for part in node.values
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            )
            if PROSE.search(literal):
                found.append((node.lineno, literal))
                exempt.update(id(part) for part in node.values)
    return found


def string_constants(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules

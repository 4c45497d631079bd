"""The layers hold: handlers -> roles -> db, SQL only in db/, no aiogram in roles/ or db/, and
each role's router carries its access filter once, at the router."""

from __future__ import annotations

import ast
import re

import pytest
from aiogram import Router

from bot.filters import Requires
from handlers import build_root_router
from tests.source_scan import ROOT, imported_modules, python_files, string_constants

SQL = re.compile(
    r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX))\b",
    re.DOTALL,
)


@pytest.mark.parametrize("package", ["bot", "handlers", "roles", "locales"])
def test_no_sql_outside_db(package: str) -> None:
    found = [
        (path.relative_to(ROOT), line)
        for path in python_files(package)
        for line, text in string_constants(path)
        if SQL.search(text)
    ]
    assert found == []


def test_the_sql_check_recognises_sql() -> None:
    assert SQL.search("SELECT count(*) FROM users")
    assert SQL.search("UPDATE users SET blocked = true")
    assert not SQL.search("Select your region from the list")


@pytest.mark.parametrize(("package", "forbidden"), [
    ("roles", ("aiogram", "aiohttp", "bot", "handlers")),
    ("db", ("aiogram", "aiohttp", "bot", "handlers", "roles")),
    ("handlers", ("asyncpg",)),
])  # fmt: skip
def test_layers_import_only_downwards(package: str, forbidden: tuple[str, ...]) -> None:
    offending = [
        (path.relative_to(ROOT), module)
        for path in python_files(package)
        for module in imported_modules(path)
        if module.split(".")[0] in forbidden
    ]
    assert offending == []


def test_handlers_reach_the_store_only_through_workflows() -> None:
    """A handler passes `store` to a workflow; it never uses a query group itself."""
    offending = []
    for path in python_files("handlers"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "store"
            ):
                offending.append((path.name, node.lineno, node.attr))
    assert offending == []


ROLE_ROUTERS = {
    "citizen", "commissar", "statistics", "coordinator", "fieldwork", "supervision",
    "receptions-commissar", "receptions-citizen", "broadcasts", "broadcast-recipients",
    "invites", "moderation", "audit", "catalog",
    "ambassador", "appeals", "exports",
}  # fmt: skip


def test_each_role_router_is_filtered_once_at_the_router() -> None:
    routers: dict[str, Router] = {router.name: router for router in build_root_router().sub_routers}
    assert set(routers) >= ROLE_ROUTERS
    for name in ROLE_ROUTERS:
        router = routers[name]
        for observer in (router.message, router.callback_query):
            router_filters = [f.callback for f in observer._handler.filters or []]
            assert any(isinstance(f, Requires) for f in router_filters), name
            for handler in observer.handlers:
                own = [f.callback for f in handler.filters or []]
                assert not any(isinstance(f, Requires) for f in own), (name, handler.callback)

"""Every text a person reads comes from locales/, in Russian, Kazakh and English alike."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as fluent_ast
from fluent.syntax.visitor import Visitor

from bot.i18n import Translations, load_translations
from bot.sandbox.entities import parse_html
from locales import LOCALES_DIR
from roles.menus import all_commands
from roles.model import LANGUAGES, Role
from tests.source_scan import inline_texts, python_files

KEY = re.compile(r"^[a-z]+(-[a-z0-9]+)+$")
USER_FACING = [
    *python_files("handlers", "roles"),
    *(
        Path(__file__).resolve().parent.parent / "bot" / name
        for name in (
            "middlewares.py", "errors.py", "replies.py", "menus.py", "dispatcher.py",
            "filters.py", "i18n.py", "fsm_storage.py", "app.py",
        )
    ),
]  # fmt: skip


@pytest.fixture(scope="module")
def translations() -> Translations:
    return load_translations("ru")


def messages(language: str) -> dict[str, fluent_ast.Message]:
    found: dict[str, fluent_ast.Message] = {}
    for path in sorted((LOCALES_DIR / language).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        junk = [entry for entry in resource.body if isinstance(entry, fluent_ast.Junk)]
        assert not junk, f"{path}: {[entry.content for entry in junk]}"
        for entry in resource.body:
            if isinstance(entry, fluent_ast.Message):
                assert entry.id.name not in found, f"{entry.id.name} twice in {language}"
                found[entry.id.name] = entry
    return found


def variables(message: fluent_ast.Message) -> set[str]:
    names: set[str] = set()

    class Collect(Visitor):
        def visit_VariableReference(self, node: fluent_ast.VariableReference) -> None:
            names.add(node.id.name)

    Collect().visit(message)
    return names


def test_every_language_has_every_key_with_the_same_variables() -> None:
    english = messages("en")
    assert len(english) > 50
    for language in LANGUAGES:
        texts = messages(language)
        assert set(texts) == set(english), f"{language} differs from en"
        for key, message in texts.items():
            assert message.value is not None, f"{language}: {key} is empty"
            assert variables(message) == variables(english[key]), f"{language}: {key}"


KEY_TAKERS = {"get", "InvalidInput", "NotFound", "NotAllowed", "DomainError"}


def literal_keys(node: ast.AST) -> set[str]:
    return {
        str(inner.value)
        for inner in ast.walk(node)
        if isinstance(inner, ast.Constant) and KEY.match(str(inner.value))
    }


def keys_in(node: ast.AST) -> set[str]:
    """Keys a node asks for: i18n.get("key"), InvalidInput("key"), confirm_key="key", key = ..."""
    if isinstance(node, ast.Call) and node.args:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        return literal_keys(node.args[0]) if name in KEY_TAKERS else set()
    if isinstance(node, ast.keyword) and (node.arg or "").endswith("key"):
        return literal_keys(node.value)
    if isinstance(node, ast.Assign):
        named_key = any(isinstance(t, ast.Name) and t.id == "key" for t in node.targets)
        return literal_keys(node.value) if named_key else set()
    return set()


def keys_used_in_code() -> set[str]:
    return {
        key
        for path in USER_FACING
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        for key in keys_in(node)
    }


def test_every_key_the_code_asks_for_exists(translations: Translations) -> None:
    used = keys_used_in_code()
    used |= {f"role-{role}" for role in Role}
    used |= {command.description_key for command in all_commands()}
    used |= {"language-name", "blocked-refusal", "error-store-unavailable", "error-generic"}
    assert len(used) > 50
    for language in LANGUAGES:
        assert used <= translations.keys(language), sorted(used - translations.keys(language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_is_valid_telegram_html(translations: Translations, language: str) -> None:
    for key, message in messages(language).items():
        values: dict[str, str | int] = {name: "Value" for name in variables(message)}
        values.update(count=3, ru=1, kk=2, en=3)
        text = translations.get(key, language, **values)
        plain, _ = parse_html(text)
        assert 0 < len(plain) <= 4096, key
        if key.startswith("command-"):
            assert len(text) <= 256, key


@pytest.mark.parametrize(
    ("language", "key", "count", "expected"),
    [
        ("ru", "stats-people", 1, "Ботом пользуется 1 человек"),
        ("ru", "stats-people", 2, "Ботом пользуются 2 человека"),
        ("ru", "stats-people", 5, "Ботом пользуются 5 человек"),
        ("ru", "stats-people", 11, "Ботом пользуются 11 человек"),
        ("ru", "stats-people", 21, "Ботом пользуется 21 человек"),
        ("ru", "stats-people", 22, "Ботом пользуются 22 человека"),
        ("ru", "stats-subscribers", 1, "1 подписчик на объявления"),
        ("ru", "stats-subscribers", 3, "3 подписчика на объявления"),
        ("ru", "stats-subscribers", 14, "14 подписчиков на объявления"),
        ("ru", "stats-subscribers", 101, "101 подписчик на объявления"),
        ("ru", "myregions-list", 0, "Вы пока не закреплены ни за одним регионом"),
        ("ru", "myregions-list", 1, "Вы комиссар в 1 регионе: A."),
        ("ru", "myregions-list", 2, "Вы комиссар в 2 регионах: A."),
        ("ru", "myregions-list", 21, "Вы комиссар в 21 регионе: A."),
        ("ru", "staff-title", 1, "1 роль волонтёра:"),
        ("ru", "staff-title", 4, "4 роли волонтёров:"),
        ("ru", "staff-title", 5, "5 ролей волонтёров:"),
        ("kk", "stats-people", 1, "Ботты 1 адам пайдаланады"),
        ("kk", "stats-people", 7, "Ботты 7 адам пайдаланады"),
        ("kk", "myregions-list", 0, "Сіз әлі ешбір өңірге бекітілмегенсіз"),
        ("kk", "myregions-list", 3, "Сіз 3 өңірде комиссар болып бекітілгенсіз: A."),
        ("en", "stats-people", 1, "1 person uses the bot"),
        ("en", "stats-people", 2, "2 people use the bot"),
        ("en", "myregions-list", 1, "You are a commissar in 1 region: A."),
        ("en", "myregions-list", 2, "You are a commissar in 2 regions: A."),
    ],
)
def test_plural_forms(
    translations: Translations, language: str, key: str, count: int, expected: str
) -> None:
    assert expected in translations.get(key, language, count=count, regions="A")


def test_values_put_into_texts_are_escaped(translations: Translations) -> None:
    text = translations.get("region-saved", "en", region="<b>Tom & Jerry</b>")
    assert text == "Your region: <b>&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</b>."
    nested = translations.get(
        "role-in-region", "en", role=translations.get("role-commissar", "en"), region="A&B"
    )
    assert nested == "anti-corruption commissar (A&amp;B)"


@pytest.mark.parametrize("path", USER_FACING, ids=lambda path: path.name)
def test_no_text_is_written_inline(path: Path) -> None:
    assert inline_texts(path.read_text(encoding="utf-8")) == []


def test_the_inline_text_check_catches_texts() -> None:
    source = '''
async def handler(message):
    """Docstrings are fine."""
    log.warning("Log lines are for operators")
    await message.answer("Your tip was received")
    await message.answer(f"Спасибо, {name}!")
    key = "grant-done"
    raise InvalidInput("Wrong region given")
    raise RuntimeError("an operator's message")
'''
    assert sorted(line for line, _ in inline_texts(source)) == [5, 6, 8]

"""Telegram's HTML parse mode: turn formatted text into plain text plus message entities.

Stricter rather than looser than Telegram: a `<` or `&` that is not part of a supported tag or
an HTML entity is refused, as Telegram's documentation requires, so a test catches text that a
handler forgot to escape.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

TAG_ENTITY = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


class EntityParseError(ValueError):
    """The text is not valid for parse_mode HTML; the message is Telegram's own wording."""


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _check_escaping(source: str) -> None:
    position = 0
    while True:
        match = re.search(r"[<&]", source[position:])
        if match is None:
            return
        index = position + match.start()
        pattern = _TAG if source[index] == "<" else _ENTITY
        found = pattern.match(source, index)
        if found is None:
            offset = len(source[:index].encode())
            what = "start tag" if source[index] == "<" else "character entity"
            raise EntityParseError(
                f"can't parse entities: unexpected {what} or unescaped symbol at byte offset "
                f"{offset}"
            )
        position = found.end()


class _Parser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.text: list[str] = []
        self.length = 0
        self.open: list[tuple[str, int, dict[str, Any]]] = []
        self.entities: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag not in TAG_ENTITY or (tag == "span" and values.get("class") != "tg-spoiler"):
            raise EntityParseError(f'can\'t parse entities: Unsupported start tag "{tag}"')
        entity: dict[str, Any] = {"type": TAG_ENTITY[tag]}
        if tag == "a":
            href = values.get("href", "")
            if not href:
                raise EntityParseError("can't parse entities: empty URL in a text link")
            entity["url"] = href
        elif tag == "blockquote" and "expandable" in values:
            entity["type"] = "expandable_blockquote"
        elif tag == "tg-emoji":
            entity["custom_emoji_id"] = values.get("emoji-id", "")
        elif tag == "code" and self.open and self.open[-1][0] == "pre":
            language = values.get("class", "").removeprefix("language-")
            if language:
                self.open[-1][2]["language"] = language
        self.open.append((tag, self.length, entity))

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1][0] != tag:
            raise EntityParseError(f'can\'t parse entities: Unexpected end tag "{tag}"')
        _, start, entity = self.open.pop()
        if self.length > start:
            entity.update(offset=start, length=self.length - start)
            self.entities.append(entity)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        self.length += utf16_length(data)


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and its entities (offsets in UTF-16 code units), or EntityParseError."""
    _check_escaping(source)
    parser = _Parser(source)
    parser.feed(source)
    parser.close()
    if parser.open:
        raise EntityParseError(
            "can't parse entities: Can't find end tag corresponding to start tag "
            f'"{parser.open[-1][0]}"'
        )
    parser.entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return "".join(parser.text), parser.entities


_AUTOMATIC = (
    ("bot_command", re.compile(r"(?<![\w/@])/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{5,32})?(?![\w/])")),
    ("url", re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)]")),
    ("mention", re.compile(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{4,31}(?!\w)")),
)
_OPAQUE = {"code", "pre", "text_link", "text_mention", "url", "bot_command", "mention"}


def with_detected_entities(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the entities Telegram finds by itself in a message: /commands, links and @mentions,
    outside code and existing links."""
    taken = [
        (entity["offset"], entity["offset"] + entity["length"])
        for entity in entities
        if entity["type"] in _OPAQUE
    ]
    found = list(entities)
    for kind, pattern in _AUTOMATIC:
        for match in pattern.finditer(text):
            start = utf16_length(text[: match.start()])
            end = start + utf16_length(match.group(0))
            if any(start < stop and begin < end for begin, stop in taken):
                continue
            taken.append((start, end))
            found.append({"type": kind, "offset": start, "length": end - start})
    found.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return found

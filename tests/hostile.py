"""Generated hostile updates for the property tests of tests/test_hostile_input.py: random texts,
commands, entities, kinds of message the bot never asked for, oversized fields and forged button
data, from people of every role. Every update is valid Bot API JSON; only its content is hostile.

A strategy draws a *plan* (pure data); `Bed.update` turns it into an update at feeding time, when
the sender's chat and the bot's messages in it are known."""

from __future__ import annotations

import html
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints

from aiogram.filters.callback_data import CallbackData
from hypothesis import strategies as st

import handlers
from locales import LOCALES_DIR
from roles.menus import all_commands
from roles.model import LANGUAGES
from roles.receipts import ALPHABET, CODE_LENGTH

HANDLERS_DIR = Path(handlers.__file__).resolve().parent

# ------------------------------------------------------------------ texts

ODD_TEXTS = [
    "مرحبا بالعالم",  # right to left
    "\u202eевтепсор\u202c",  # right-to-left override
    "שלום \u200f?",
    "\u200b\u200c\u200d\u2060\ufeff",  # zero-width only
    "a\u200bb\u200cc",
    "🔥👨‍👩‍👧‍👦🏳️‍🌈🇰🇿",
    "e\u0301\u0301\u0301\u0301\u0301",  # stacked combining marks
    "\x00\x01\x02\x1b[31m\x7f",  # control characters JSON allows
    "text\x00with NUL",
    "<b>bold</b> <script>alert(1)</script> &amp; &lt; & <",
    "<a href='tg://user?id=1'>x</a>",
    "{ $name } { -brand } {$count}",
    "fallback-text error-generic",
    "'; DROP TABLE tips; --",
    "%s %d {0} {} \\N \\u0000",
    "\r\n\r\n\t \u00a0\u3000",
    "ӘҒҚҢӨҰҮҺІ әғқңөұүһі",
    "Ʉ̸̛̛̤͓̤͍̦̗̮̮̣̗̟̠̟̓̀̐̑̽͛̌̋͐ͅ",
    "\ud7ff\ue000\uffff\U0010ffff",
    "1234-5678-ABCD-EFGH-JKMN-PQRS",  # the shape of a receipt code
]

any_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=120)
long_text = st.sampled_from([4095, 4096, 4097, 10_000, 100_000]).flatmap(
    lambda size: st.sampled_from(["x", "я", "🔥", "ab ", "\u200b", "<"]).map(
        lambda unit: (unit * size)[:size]
    )
)
texts = st.one_of(any_text, any_text, st.sampled_from(ODD_TEXTS), long_text)

# ------------------------------------------------------------------ commands

COMMANDS = sorted({command.name for command in all_commands()})
receipt_like = st.text(alphabet=ALPHABET, min_size=CODE_LENGTH, max_size=CODE_LENGTH).map(
    lambda code: "-".join(code[i : i + 4] for i in range(0, CODE_LENGTH, 4))
)
deep_link = st.one_of(
    st.text(alphabet=string.ascii_letters + string.digits + "_-", max_size=64),
    st.text(alphabet=string.ascii_letters + string.digits + "_-", max_size=40).map(
        lambda code: "inv_" + code
    ),
    st.just("inv_"),
    receipt_like,
    receipt_like.map(lambda code: code.replace("-", "")),
    any_text,
)
command_name = st.one_of(
    st.sampled_from(COMMANDS),
    st.text(alphabet=string.ascii_lowercase + string.digits + "_", min_size=1, max_size=40),
    st.text(min_size=1, max_size=20).filter(lambda name: not any(c.isspace() for c in name)),
)
mention = st.sampled_from(["", "", "@acf_sandbox_bot", "@ACF_SANDBOX_BOT", "@other_bot", "@"])
arguments = st.one_of(st.just(""), texts.map(lambda text: " " + text))
commands = st.one_of(
    st.builds(lambda name, at, args: f"/{name}{at}{args}", command_name, mention, arguments),
    deep_link.map(lambda payload: f"/start {payload}"),
    st.sampled_from(["/", "//", "/ start", "/start@", "/\u200bstart", "／start"]),
)

# ------------------------------------------------------------------ entities

ENTITY_TYPES = [
    "mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number", "bold",
    "italic", "underline", "strikethrough", "spoiler", "blockquote", "code", "pre",
    "text_link", "text_mention", "custom_emoji",
]  # fmt: skip


@st.composite
def entities(draw: st.DrawFn, text: str) -> list[dict[str, Any]]:
    """Valid and out-of-range entities: offsets and lengths past the text, negative, zero."""
    size = len(text.encode("utf-16-le")) // 2
    position = st.one_of(st.integers(0, max(size, 0)), st.integers(-5, size + 50))
    found = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(ENTITY_TYPES))
        entity: dict[str, Any] = {
            "type": kind,
            "offset": draw(position),
            "length": draw(position),
        }
        if kind == "text_link":
            entity["url"] = draw(st.sampled_from(["https://example.org", "tg://user?id=1"]))
        if kind == "text_mention":
            entity["user"] = {"id": draw(st.integers(1, 2**40)), "is_bot": False, "first_name": "x"}
        if kind == "custom_emoji":
            entity["custom_emoji_id"] = "5368324170671202286"
        if kind == "pre":
            entity["language"] = draw(st.sampled_from(["python", "", "<b>"]))
        found.append(entity)
    return found


# ------------------------------------------------------------------ people

ROLE_LABELS = [
    "citizen",
    "citizen-kk",
    "citizen-en",
    "commissar",
    "ambassador",
    "ombudsman",
    "coordinator",
    "blocked",
    "reporting",
    "broadcasting",
    "newcomer",
]
"""Who sends an update: members of the population (tests/test_hostile_input.py: Bed) and, for
`newcomer`, someone the bot has never seen."""

long_name = st.sampled_from([1000, 256, 65]).map(lambda size: ("Ж" * size)[:size])
names = st.one_of(st.sampled_from(["Aigerim", "Даниyar", "Сәуле"]), any_text, long_name)
language_codes = st.one_of(
    st.sampled_from(["ru", "kk", "en", "en-US", "kk-KZ", "RU", "xx-YY", "", "zh-hans", "k"]),
    st.none(),
    st.text(alphabet=string.ascii_letters + "-_", max_size=35),
)


@dataclass(frozen=True)
class Sender:
    label: str
    first_name: str
    last_name: str | None
    username: str | None
    language_code: str | None


senders = st.builds(
    Sender,
    label=st.sampled_from(ROLE_LABELS),
    first_name=names,
    last_name=st.one_of(st.none(), names),
    username=st.one_of(
        st.none(),
        st.text(alphabet=string.ascii_letters + string.digits + "_", min_size=1, max_size=32),
        long_name,
    ),
    language_code=language_codes,
)

# ------------------------------------------------------------------ messages


@dataclass(frozen=True)
class Plan:
    """One update to make: its kind, who sends it, and what it holds."""

    kind: str
    sender: Sender
    content: dict[str, Any] = field(default_factory=dict)
    chat_type: str = "private"
    message_pick: int = 0
    """For a button: which of the bot's messages in the chat carries it (0 and below: one the
    bot can no longer see)."""


@st.composite
def text_content(draw: st.DrawFn, source: st.SearchStrategy[str]) -> dict[str, Any]:
    text = draw(source)
    content: dict[str, Any] = {"text": text}
    found = draw(entities(text))
    if found:
        content["entities"] = found
    return content


def media_content(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    """A photo, video, document or voice message; the file object is put in by the bed (a real
    sandbox file), the caption and file name are generated here."""
    return st.fixed_dictionaries(
        {"media": st.just(kind)},
        optional={
            "caption": texts.map(lambda text: text[:2000]),
            "file_name": st.one_of(
                long_name, any_text, st.just("../../etc/passwd"), st.just("a.exe")
            ),
        },
    )


def sticker(emoji: str) -> dict[str, Any]:
    found: dict[str, Any] = {
        "file_id": "STK1",
        "file_unique_id": "USTK1",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
    if emoji:
        found["emoji"] = emoji
    return found


def poll(question: str, options: list[str]) -> dict[str, Any]:
    return {
        "id": "5000000000",
        "question": question,
        "options": [
            {"text": option, "voter_count": 0, "persistent_id": str(number)}
            for number, option in enumerate(options)
        ],
        "total_voter_count": 0,
        "is_closed": False,
        "is_anonymous": True,
        "type": "regular",
        "allows_multiple_answers": False,
        "allows_revoting": False,
        "members_only": False,
    }


def animation() -> dict[str, Any]:
    return {
        "file_id": "AN1",
        "file_unique_id": "UAN1",
        "width": 1,
        "height": 1,
        "duration": 1,
    }


coordinates = st.fixed_dictionaries(
    {
        "latitude": st.floats(-90, 90, allow_nan=False),
        "longitude": st.floats(-180, 180, allow_nan=False),
    }
)
odd_contents = st.one_of(
    st.builds(lambda emoji: {"sticker": sticker(emoji)}, st.sampled_from(["😀", "🔥", ""])),
    coordinates.map(lambda where: {"location": where}),
    st.builds(
        lambda first, phone: {
            "contact": {"phone_number": phone, "first_name": first, "user_id": 1}
        },
        names,
        st.text(alphabet=string.digits + "+", min_size=1, max_size=20),
    ),
    st.builds(
        lambda question, options: {"poll": poll(question, options)},
        any_text,
        st.lists(any_text, min_size=2, max_size=4),
    ),
    st.builds(
        lambda emoji, value: {"dice": {"emoji": emoji, "value": value}},
        st.sampled_from(["🎲", "🎯", "🏀"]),
        st.integers(1, 6),
    ),
    st.builds(
        lambda where, title, address: {
            "venue": {"location": where, "title": title, "address": address},
            "location": where,
        },
        coordinates,
        names,
        texts.map(lambda text: text[:1000]),
    ),
    st.just({"new_chat_members": [{"id": 1, "is_bot": False, "first_name": "x"}]}),
    st.just({"video_note": {"file_id": "VN1", "file_unique_id": "U1", "length": 1, "duration": 1}}),
    st.just({"animation": animation()}),
    st.just({"audio": {"file_id": "AU1", "file_unique_id": "U2", "duration": 3}}),
)


forward_origin = st.one_of(
    st.builds(
        lambda name: {"type": "hidden_user", "sender_user_name": name, "date": 1_700_000_000},
        names,
    ),
    st.just(
        {
            "type": "channel",
            "chat": {"id": -1001, "type": "channel", "title": "News"},
            "message_id": 7,
            "date": 1_700_000_000,
        }
    ),
)

message_contents = st.one_of(
    text_content(texts),
    text_content(commands),
    st.sampled_from(["photo", "video", "document", "voice"]).flatmap(media_content),
    odd_contents,
    st.builds(
        lambda content, origin: {**content, "forward_origin": origin},
        text_content(texts),
        forward_origin,
    ),
)


# ------------------------------------------------------------------ buttons


def callback_data_classes() -> list[type[CallbackData]]:
    """Every kind of button data the bot packs (handlers/ defines them all)."""
    found: list[type[CallbackData]] = []
    pending: list[type[CallbackData]] = list(CallbackData.__subclasses__())
    while pending:
        kind = pending.pop()
        found.append(kind)
        pending.extend(kind.__subclasses__())
    return sorted(found, key=lambda kind: kind.__prefix__)


WORDS = sorted(
    {
        word
        for path in HANDLERS_DIR.glob("*.py")
        for word in re.findall(r"\"([a-z*_-]{1,20})\"", path.read_text(encoding="utf-8"))
    }
    | {"ALA", "AST", "ru", "kk", "en", "*", "-", ""}
)
"""Words the handlers compare button fields with (actions, codes): real values, so forged data
reaches the workflows, not only the stale-button answer."""

HOSTILE_IDS = [0, -1, -(2**31), 2**31 - 1, 2**31, 2**53, 2**63 - 1, 2**63, 10**30]
junk_word = st.text(
    alphabet=string.ascii_letters + string.digits + "_-*", min_size=1, max_size=12
).map(lambda word: "zz" + word)
"""A string value no handler knows (nothing real starts with zz)."""


def field_values(kind: type[CallbackData], *, refused_only: bool) -> st.SearchStrategy[list[str]]:
    hints = get_type_hints(kind)
    values = []
    for name in kind.model_fields:
        if hints.get(name) is int:
            ints = st.sampled_from(HOSTILE_IDS) | st.integers(-(2**70), -1)
            if not refused_only:
                ints = ints | st.integers(1, 50) | st.integers(2**31, 2**80)
            values.append(ints.map(str))
        elif refused_only:
            values.append(junk_word)
        else:
            values.append(st.sampled_from(WORDS) | junk_word | st.text(max_size=8))
    return st.tuples(*values).map(list)


def forged(kind: type[CallbackData], *, refused_only: bool) -> st.SearchStrategy[str]:
    """Packed data of `kind` with hostile fields, and its mutations (extra or missing fields)."""
    separator = kind.__separator__

    def pack(parts: list[str], mutation: str) -> str:
        if mutation == "extra":
            parts = [*parts, "zz", "1"]
        elif mutation == "missing" and parts:
            parts = parts[:-1]
        return separator.join([kind.__prefix__, *parts])[:64]

    return st.builds(
        pack,
        field_values(kind, refused_only=refused_only),
        st.sampled_from(["none", "none", "extra", "missing"]),
    )


CALLBACK_KINDS = callback_data_classes()
random_data = st.one_of(
    st.text(max_size=64).filter(lambda data: len(data.encode()) <= 64),
    st.binary(max_size=64).map(lambda raw: raw.decode("latin-1")[:32]),
    st.builds(lambda prefix, rest: f"{prefix}:{rest}", junk_word, st.text(max_size=20)),
)


def button_data(*, refused_only: bool) -> st.SearchStrategy[str | None]:
    forgeries = st.one_of(*(forged(kind, refused_only=refused_only) for kind in CALLBACK_KINDS))
    return st.one_of(forgeries, forgeries, random_data, st.none())


# ------------------------------------------------------------------ plans

chat_types = st.sampled_from(["private"] * 8 + ["group", "supergroup"])


def message_plans(contents: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[Plan]:
    return st.builds(
        Plan,
        kind=st.sampled_from(["message"] * 6 + ["edited_message"]),
        sender=senders,
        content=contents,
        chat_type=chat_types,
    )


def button_plans(*, refused_only: bool) -> st.SearchStrategy[Plan]:
    return st.builds(
        Plan,
        kind=st.just("callback_query"),
        sender=senders,
        content=button_data(refused_only=refused_only).map(lambda data: {"data": data}),
        chat_type=st.sampled_from(["private"] * 9 + ["group"]),
        message_pick=st.integers(-2, 30),
    )


odd_update_plans = st.builds(
    Plan,
    kind=st.sampled_from(["channel_post", "edited_channel_post", "inline_query", "my_chat_member"]),
    sender=senders,
    content=text_content(texts),
)

any_plans = st.one_of(
    message_plans(message_contents),
    message_plans(message_contents),
    button_plans(refused_only=False),
    odd_update_plans,
)


# ------------------------------------------------------------------ what the person reads

KEY_PATTERN = re.compile(r"[a-z]+(?:-[a-z0-9]+)+")


@dataclass(frozen=True)
class Texts:
    """What the bot may say: its keys, and for each language the pieces of text that only that
    language has (to tell which language an answer is in)."""

    keys: frozenset[str]
    own_pieces: dict[str, tuple[str, ...]]

    @classmethod
    def load(cls) -> Texts:
        keys: set[str] = set()
        pieces: dict[str, set[str]] = {}
        for language in LANGUAGES:
            found: set[str] = set()
            for path in (LOCALES_DIR / language).glob("*.ftl"):
                for line in path.read_text(encoding="utf-8").splitlines():
                    stripped = line.strip()
                    if not stripped or stripped.startswith("#"):
                        continue
                    key = re.match(r"^([a-z][a-z0-9-]*)\s*=", line)
                    if key:
                        keys.add(key.group(1))
                    stripped = re.sub(r"^\.?[a-z][a-z0-9-]*\s*=\s*", "", stripped)
                    stripped = re.sub(r"^\*?\[[^\]]+\]\s*", "", stripped)
                    for piece in re.split(r"\{[^{}]*\}|[{}]|<[^>]*>", stripped):
                        piece = html.unescape(piece).strip()
                        if len(piece) >= 12 and sum(c.isalpha() for c in piece) >= 8:
                            found.add(piece)
            pieces[language] = found
        own = {
            language: tuple(
                sorted(
                    piece
                    for piece in found
                    if not any(piece in pieces[other] for other in LANGUAGES if other != language)
                )
            )
            for language, found in pieces.items()
        }
        return cls(frozenset(keys), own)

    def problems(self, text: str, language: str) -> list[str]:
        """Why `text` (with whatever the person wrote already taken out) is not a proper answer
        in `language`: empty, a raw key or placeable, or pieces of another language."""
        if not text.strip():
            return ["empty text"]
        found = []
        leaked = [key for key in KEY_PATTERN.findall(text) if key in self.keys]
        if leaked:
            found.append(f"raw keys {leaked}")
        if re.search(r"\{\s*\$", text):
            found.append("an unfilled placeable")
        foreign = [
            piece
            for other in LANGUAGES
            if other != language
            for piece in self.own_pieces[other]
            if piece in text
        ]
        if foreign:
            found.append(f"text of another language: {foreign[:2]}")
        cyrillic = re.search(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", text) is not None
        if language == "en" and cyrillic:
            found.append("Cyrillic letters in an English answer")
        if language != "en" and not cyrillic and re.search(r"[A-Za-z]{4}", text):
            found.append("no Cyrillic letter in a Russian or Kazakh answer")
        return found


def strings_in(value: Any) -> list[str]:
    """Every string a generated update carries (what the bot may echo back)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [found for item in value.values() for found in strings_in(item)]
    if isinstance(value, list):
        return [found for item in value for found in strings_in(item)]
    return []


def without_echoes(text: str, update: dict[str, Any], echo: Callable[[str], list[str]]) -> str:
    """`text` with every piece the person wrote (and the bot may quote) taken out; the bot's own
    message under a pressed button is not the person's."""
    query = update.get("callback_query")
    if query is not None:
        update = {"callback_query": {k: v for k, v in query.items() if k != "message"}}
    quoted = {
        variant
        for piece in strings_in(update)
        for variant in (piece, piece.lower(), piece.strip(), *echo(piece))
        if len(variant) >= 3
    }
    for piece in sorted(quoted, key=len, reverse=True):
        text = text.replace(piece, " ")
    return text

"""Hostile input: generated updates (tests/hostile.py) fed through the bot's real dispatcher,
whose Bot client answers over HTTP into the sandbox, from people of every role and in the middle
of conversations.

- Nothing crashes: no update reaches the errors router's `unexpected` handler and feeding never
  raises (a typed refusal, DomainError, is an answer like any other).
- Everyone gets an answer or nothing: at most 3 new messages per update, all in the sender's
  chat; a press of a button answered at most once (exactly once in a private chat); every text
  non-empty, in the person's language, with no raw key or unfilled placeable.
- Refused input changes nothing: a batch of refused input (junk text, unknown commands, commands
  of roles the person lacks, junk deep links, files, stickers and the like, forged buttons naming
  nothing real, anything from a blocked account, other chats and kinds of update) from a person
  with no conversation in progress leaves every business table as it was. What recognising the
  person legitimately touches is left out: their own names, Telegram language, last-seen time and
  menu flags, their own conversation row, and their own counters of wrong receipt and invitation
  codes (a wrong code is counted by design).
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import hypothesis
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.app import BotApp
from bot.sandbox.server import SandboxServer
from bot.sandbox.world import Upload, World
from bot.settings import Settings
from db.store import Store
from handlers.fallback import command_name
from roles import people, staff
from roles.model import LANGUAGES
from tests.helpers import new_telegram_id
from tests.hostile import (
    ROLE_LABELS,
    Plan,
    Sender,
    Texts,
    any_plans,
    button_plans,
    commands,
    deep_link,
    junk_word,
    media_content,
    message_plans,
    odd_contents,
    odd_update_plans,
    senders,
    text_content,
    texts,
    without_echoes,
)
from tests.tipster import PDF, png

MOST_MESSAGES_PER_UPDATE = 3
TEXTS = Texts.load()

MEMBERS: dict[str, tuple[str, str | None, str | None]] = {
    # label: (chosen language, role, region of the role)
    "citizen": ("ru", None, None),
    "citizen-kk": ("kk", None, None),
    "citizen-en": ("en", None, None),
    "commissar": ("en", "commissar", "ALA"),
    "ambassador": ("kk", "ambassador", None),
    "ombudsman": ("ru", "ombudsman", None),
    "coordinator": ("en", "coordinator", None),
    "blocked": ("ru", None, None),
    "reporting": ("en", None, None),
    "broadcasting": ("ru", "ombudsman", None),
}
"""The population every generated update may come from (`newcomer` is a new person each time)."""

assert set(MEMBERS) | {"newcomer"} == set(ROLE_LABELS)


class Failures(logging.Handler):
    """Log records that mean something went wrong: errors anywhere, and the errors router's
    warnings (a failure it could not even tell the person about)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.name == "bot.errors":
            self.records.append(record)


@contextmanager
def failures_logged() -> Iterator[Failures]:
    failures = Failures()
    root = logging.getLogger()
    root.addHandler(failures)
    try:
        yield failures
    finally:
        root.removeHandler(failures)


@dataclass
class Fed:
    """One update as fed, and what followed it."""

    update: dict[str, Any]
    telegram_id: int
    events: list[dict[str, Any]]
    failures: list[logging.LogRecord]
    language: str
    catalog_names: frozenset[str] = frozenset()
    """Region and category names in every language: the catalog shows them all, as stored."""

    @property
    def bot_messages(self) -> list[dict[str, Any]]:
        return [e for e in self.events if e["kind"] == "message" and not e["outgoing"]]

    @property
    def callback_answers(self) -> list[dict[str, Any]]:
        return [e for e in self.events if e["kind"] == "callback_answer"]

    @property
    def private(self) -> bool:
        kind = next(key for key in self.update if key != "update_id")
        payload = self.update[kind]
        message = payload.get("message", payload) if kind == "callback_query" else payload
        return bool(message.get("chat", {}).get("type") == "private")

    def texts(self) -> list[str]:
        found = []
        for event in self.events:
            if event["kind"] in ("message", "edit") and not event.get("outgoing"):
                message = event["message"]
                text = message.get("text", message.get("caption"))
                media = any(kind in message for kind in ("photo", "video", "document", "voice"))
                if text is not None or not media:
                    found.append(text or "")
            elif event["kind"] == "callback_answer" and event["text"] is not None:
                found.append(event["text"])
        return found

    def problems(self) -> list[str]:
        found = [
            f"{record.name}: {record.getMessage()} {record.exc_info and record.exc_info[1]!r}"
            for record in self.failures
        ]
        if len(self.bot_messages) > MOST_MESSAGES_PER_UPDATE:
            found.append(f"{len(self.bot_messages)} messages for one update")
        strangers = {e["chat_id"] for e in self.events if e["chat_id"] != self.telegram_id}
        if strangers:
            found.append(f"the bot wrote to other chats {sorted(strangers)}")
        if "callback_query" in self.update:
            answers = len(self.callback_answers)
            if answers > 1 or (self.private and answers != 1):
                found.append(f"a button press answered {answers} times")
        elif self.callback_answers:
            found.append("a callback answer without a button press")
        for text in self.texts():
            cleaned = without_echoes(text, self.update, echoes)
            for name in sorted(self.catalog_names, key=len, reverse=True):
                cleaned = cleaned.replace(name, " ")
            found.extend(
                f"{problem}: {text[:300]!r}" for problem in TEXTS.problems(cleaned, self.language)
            )
        return found


def echoes(piece: str) -> list[str]:
    """How the bot may quote what the person wrote: a command's name, cut to 32 characters."""
    if not piece.startswith("/"):
        return []
    name = command_name(piece.split("\n", 1)[0])
    return [name, name[:32]]


def expected_language(chosen: str | None, telegram_language: str | None) -> str:
    """The person's own choice, else their Telegram app's language if the bot speaks it, else
    the default (ru in tests)."""
    for candidate in (chosen, (telegram_language or "")[:2].lower()):
        if candidate in LANGUAGES:
            return candidate
    return "ru"


class Bed:
    """The bot's real dispatcher and Bot client, not polling: updates are fed one at a time,
    so each one's answers are known when feeding returns. No workers run, so nothing but the
    updates changes the store while a test looks."""

    def __init__(self, app: BotApp, world: World, store: Store, failures: Failures) -> None:
        self.app = app
        self.world = world
        self.store = store
        self.failures = failures
        self.members: dict[str, int] = {}
        self.files: dict[str, Any] = {}
        self.fed = 0

    async def populate(self) -> None:
        for kind, data, name, mime in [
            ("photo", png(shade=7), "p.png", "image/png"),
            ("video", b"\x00\x00\x00\x18ftypmp42", "v.mp4", "video/mp4"),
            ("document", PDF, "d.pdf", "application/pdf"),
            ("voice", b"OggS\x00", "v.ogg", "audio/ogg"),
        ]:
            self.files[kind] = self.world.keep_file(kind, Upload(data, name, mime))
        for label, (language, role, region) in MEMBERS.items():
            telegram_id = new_telegram_id()
            self.members[label] = telegram_id
            self.world.chat_of(self.world.add_person(label, person_id=telegram_id))
            actor = await people.recognise(
                self.store,
                telegram_id=telegram_id,
                first_name=label,
                last_name=None,
                username=None,
                telegram_language=language,
            )
            await people.choose_language(self.store, actor, language)
            if role is not None:
                await staff.grant_role(
                    self.store, staff.Authority("shell"), telegram_id, role, region
                )
            if label == "blocked":
                await self.store.users.set_blocked(actor.user_id, True)
        await self.enter("reporting", "/report", presses=2)
        await self.enter("broadcasting", "/broadcast", presses=0)

    async def enter(self, label: str, command: str, presses: int) -> None:
        """Put a member into a conversation: the command, then the first button of the bot's
        newest message, `presses` times."""
        telegram_id = self.members[label]
        await self.forget_conversation(telegram_id)
        await self.feed_checked(self.message(telegram_id, {"text": command}))
        for _ in range(presses):
            shown = self.newest_keyboard(telegram_id)
            if shown is None:
                return
            message, data = shown
            await self.feed_checked(self.press(telegram_id, message, data))

    def newest_keyboard(self, telegram_id: int) -> tuple[dict[str, Any], str] | None:
        chat = self.world.chats[telegram_id]
        for message in reversed(list(chat.messages.values())):
            rows = message.get("reply_markup", {}).get("inline_keyboard", [])
            for row in rows:
                for button in row:
                    if "callback_data" in button:
                        return message, button["callback_data"]
        return None

    async def forget_conversation(self, telegram_id: int) -> None:
        context = self.app.dispatcher.fsm.get_context(
            self.app.bot, chat_id=telegram_id, user_id=telegram_id
        )
        await context.clear()

    # ------------------------------------------------------------ updates

    def user(self, telegram_id: int, sender: Sender | None) -> dict[str, Any]:
        user: dict[str, Any] = {
            "id": telegram_id,
            "is_bot": False,
            "first_name": sender.first_name if sender else "Test",
        }
        if sender is not None:
            for name in ("last_name", "username", "language_code"):
                value = getattr(sender, name)
                if value:
                    user[name] = value
        return user

    def chat(self, telegram_id: int, chat_type: str, sender: Sender | None) -> dict[str, Any]:
        if chat_type == "private":
            return {
                "id": telegram_id,
                "type": "private",
                "first_name": sender.first_name if sender else "Test",
            }
        return {"id": -100_000_000_000 - telegram_id, "type": chat_type, "title": "Group"}

    def message(
        self,
        telegram_id: int,
        content: dict[str, Any],
        *,
        sender: Sender | None = None,
        chat_type: str = "private",
    ) -> dict[str, Any]:
        content = dict(content)
        media = content.pop("media", None)
        file_name = content.pop("file_name", None)
        if media is not None:
            item = self.files[media]
            if media == "document" and file_name is not None:
                item = {**item, "file_name": file_name}
            content[media] = item
        return {
            "message": {
                "message_id": 1,
                "date": int(time.time()),
                "chat": self.chat(telegram_id, chat_type, sender),
                "from": self.user(telegram_id, sender),
                **content,
            }
        }

    def press(
        self,
        telegram_id: int,
        message: dict[str, Any] | None,
        data: str | None,
        *,
        sender: Sender | None = None,
        chat_type: str = "private",
    ) -> dict[str, Any]:
        chat = self.chat(telegram_id, chat_type, sender)
        if message is None:
            message = {"chat": chat, "message_id": 999_999, "date": 0}
        elif chat_type != "private":
            message = {**message, "chat": chat}
        query: dict[str, Any] = {
            "from": self.user(telegram_id, sender),
            "chat_instance": str(telegram_id),
            "message": message,
        }
        if data is not None:
            query["data"] = data
        return {"callback_query": query}

    def sender_id(self, sender: Sender) -> int:
        if sender.label != "newcomer":
            return self.members[sender.label]
        telegram_id = new_telegram_id()
        self.world.add_person(
            sender.first_name, person_id=telegram_id, language_code=sender.language_code
        )
        return telegram_id

    def update(self, plan: Plan, telegram_id: int) -> dict[str, Any]:
        sender = plan.sender
        if plan.kind in ("message", "edited_message"):
            update = self.message(
                telegram_id, plan.content, sender=sender, chat_type=plan.chat_type
            )
            if plan.kind == "edited_message":
                update = {"edited_message": {**update["message"], "edit_date": int(time.time())}}
            return update
        if plan.kind == "callback_query":
            self.world.chat_of(self.world.person(telegram_id))
            messages = [
                message
                for message in self.world.chats[telegram_id].messages.values()
                if message["from"].get("is_bot")
            ]
            chosen = messages[plan.message_pick % len(messages)] if messages else None
            if plan.message_pick <= 0:
                chosen = None
            return self.press(
                telegram_id,
                chosen,
                plan.content["data"],
                sender=sender,
                chat_type=plan.chat_type,
            )
        user = self.user(telegram_id, sender)
        if plan.kind == "inline_query":
            query = plan.content["text"][:256]
            return {"inline_query": {"id": "1", "from": user, "query": query, "offset": ""}}
        if plan.kind == "my_chat_member":
            bot = self.world.bot_user
            return {
                "my_chat_member": {
                    "chat": self.chat(telegram_id, "private", sender),
                    "from": user,
                    "date": int(time.time()),
                    "old_chat_member": {"status": "member", "user": bot},
                    "new_chat_member": {"status": "kicked", "user": bot, "until_date": 0},
                }
            }
        channel = {"id": -1_001_234_567_890, "type": "channel", "title": "Channel"}
        post = {
            "message_id": 1,
            "date": int(time.time()),
            "chat": channel,
            "sender_chat": channel,
            **plan.content,
        }
        if plan.kind == "edited_channel_post":
            post["edit_date"] = int(time.time())
        return {plan.kind: post}

    # ------------------------------------------------------------ feeding

    async def feed(self, update: dict[str, Any], telegram_id: int) -> Fed:
        cursor = self.world.last_event_seq
        seen = len(self.failures.records)
        injected = self.world.inject(update, queue=False)
        await self.app.dispatcher.feed_raw_update(self.app.bot, injected)
        self.fed += 1
        row = await self.store.users.by_telegram_id(telegram_id)
        sender = next(
            (value.get("from") for value in injected.values() if isinstance(value, dict)), None
        )
        language = expected_language(
            row.language if row else None, (sender or {}).get("language_code")
        )
        names = await self.store.pool.fetch(
            "SELECT unnest(ARRAY[name_ru, name_kk, name_en]) AS name FROM regions "
            "UNION SELECT unnest(ARRAY[name_ru, name_kk, name_en]) FROM tip_categories"
        )
        return Fed(
            injected,
            telegram_id,
            self.world.events_after(cursor),
            self.failures.records[seen:],
            language,
            frozenset(row["name"] for row in names if len(row["name"]) >= 3),
        )

    async def feed_checked(self, update: dict[str, Any]) -> Fed:
        kind = next(iter(update))
        telegram_id = int(update[kind]["from"]["id"])
        fed = await self.feed(update, telegram_id)
        assert fed.problems() == [], (update, fed.events)
        return fed

    async def feed_plan(self, plan: Plan, telegram_id: int | None = None) -> Fed:
        telegram_id = telegram_id or self.sender_id(plan.sender)
        fed = await self.feed(self.update(plan, telegram_id), telegram_id)
        assert fed.problems() == [], (plan, fed.update, fed.events)
        return fed


@pytest.fixture
async def bed(settings: Settings, store: Store, sandbox: SandboxServer) -> AsyncIterator[Bed]:
    app = BotApp(settings, store, token=sandbox.token, api_base=sandbox.url)
    lifecycle = {"dispatcher": app.dispatcher, "bot": app.bot, **app.dispatcher.workflow_data}
    await app.dispatcher.emit_startup(**lifecycle)
    started = time.monotonic()
    with failures_logged() as failures:
        bed = Bed(app, sandbox.world, store, failures)
        await bed.populate()
        yield bed
    logging.getLogger(__name__).warning(
        "hostile input: %s updates in %.1f s", bed.fed, time.monotonic() - started
    )
    await app.dispatcher.emit_shutdown(**lifecycle)
    await app.bot.session.close()
    await app.broadcasts.bot.session.close()


# ------------------------------------------------------------------ 1 and 2: no crash, an answer


@hypothesis.settings(max_examples=150)
@given(plans=st.lists(any_plans, min_size=1, max_size=8))
async def test_any_update_from_anyone_gets_a_proper_answer_or_none(
    bed: Bed, plans: list[Plan]
) -> None:
    for plan in plans:
        await bed.feed_plan(plan)


@hypothesis.settings(max_examples=150)
@given(plans=st.lists(button_plans(refused_only=False), min_size=1, max_size=8))
async def test_forged_and_random_buttons_get_one_answer_each(bed: Bed, plans: list[Plan]) -> None:
    for plan in plans:
        await bed.feed_plan(plan)


FLOWS = [
    ("citizen-en", "/report"),
    ("citizen", "/receipt"),
    ("citizen-kk", "/subscribe"),
    ("citizen", "/reception"),
    ("commissar", "/checks"),
    ("commissar", "/violations"),
    ("ambassador", "/register"),
    ("ombudsman", "/broadcast"),
    ("coordinator", "/grant"),
    ("coordinator", "/invite"),
    ("coordinator", "/block"),
    ("coordinator", "/catalog"),
]


@hypothesis.settings(max_examples=120)
@given(
    flow=st.sampled_from(FLOWS),
    presses=st.integers(0, 5),
    plans=st.lists(
        st.one_of(
            message_plans(
                st.one_of(
                    text_content(texts),
                    text_content(commands),
                    st.sampled_from(["photo", "document", "voice", "video"]).flatmap(media_content),
                    odd_contents,
                )
            ),
            button_plans(refused_only=False),
        ),
        min_size=1,
        max_size=6,
    ),
)
async def test_hostile_input_in_the_middle_of_a_conversation(
    bed: Bed, flow: tuple[str, str], presses: int, plans: list[Plan]
) -> None:
    label, command = flow
    await bed.enter(label, command, presses)
    for plan in plans:
        await bed.feed_plan(plan, bed.members[label])


# ------------------------------------------------------------ 3: refused input changes nothing

SENDER_COLUMNS = "language, region_code, subscribed, subscription_region, blocked, blocked_at"
NO_ROW = (None, None, False, None, False, None)


async def business_snapshot(store: Store, telegram_id: int) -> dict[str, Any]:
    """Every business table's content (as a digest), and the sender's own row without what
    recognising them touches."""
    tables = await store.pool.fetch(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
    )
    sender = await store.pool.fetchrow(
        f"SELECT id, {SENDER_COLUMNS} FROM users WHERE telegram_id = $1", telegram_id
    )
    user_id = sender["id"] if sender else 0
    only_others = {
        "users": f"t.telegram_id <> {telegram_id}",
        "fsm_states": f"t.user_id <> {telegram_id}",
        "receipt_failures": f"t.user_id <> {user_id}",
        "invite_failures": f"t.user_id <> {user_id}",
        "handled_updates": "false",  # every update is claimed, refused or not (bot/updates.py)
    }
    snapshot: dict[str, Any] = {
        "sender": tuple(sender.values())[1:] if sender else NO_ROW,
    }
    for table in sorted(row["table_name"] for row in tables):
        where = only_others.get(table, "true")
        snapshot[table] = await store.pool.fetchval(
            f"SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, ',' "
            f"ORDER BY t::text), '')) FROM \"{table}\" t WHERE {where}"
        )
    return snapshot


refused_commands = st.one_of(
    junk_word.map(lambda name: "/" + name),
    deep_link.map(lambda payload: f"/start {payload}"),
    st.sampled_from(["/help", "/privacy", "/cancel", "/", "/start@other_bot"]),
)
ROLE_COMMANDS = [
    "/queue", "/assignments", "/checks", "/violations", "/receptions", "/myregions", "/risks",
    "/register", "/appeals", "/stats", "/export", "/broadcast", "/broadcasts", "/overdue",
    "/grant 1 coordinator", "/revoke 1 commissar ALA", "/invite", "/invites", "/staff",
    "/block", "/unblock", "/catalog", "/audit",
]  # fmt: skip
refused_contents = st.one_of(
    text_content(texts.filter(lambda text: not text.lstrip().startswith("/"))),
    text_content(refused_commands),
    st.sampled_from(["photo", "video", "document", "voice"]).flatmap(media_content),
    odd_contents,
)


@st.composite
def refused_batches(draw: st.DrawFn) -> tuple[Sender, list[Plan]]:
    """A sender and what they send that must be refused. Role commands only from people without
    roles; anything at all from the blocked account."""
    sender = draw(senders)
    without_roles = sender.label in ("citizen", "citizen-kk", "citizen-en", "newcomer", "blocked")
    contents = refused_contents
    if without_roles:
        contents = contents | text_content(st.sampled_from(ROLE_COMMANDS))
    if sender.label == "blocked":
        contents = contents | text_content(commands)
    plans = draw(
        st.lists(
            st.one_of(
                message_plans(contents),
                button_plans(refused_only=True),
                odd_update_plans,
            ),
            min_size=1,
            max_size=6,
        )
    )
    return sender, [Plan(p.kind, sender, p.content, p.chat_type, p.message_pick) for p in plans]


@hypothesis.settings(max_examples=120)
@given(batch=refused_batches())
async def test_refused_input_leaves_the_store_unchanged(
    bed: Bed, batch: tuple[Sender, list[Plan]]
) -> None:
    sender, plans = batch
    telegram_id = bed.sender_id(sender)
    await bed.forget_conversation(telegram_id)
    before = await business_snapshot(bed.store, telegram_id)
    for plan in plans:
        await bed.feed_plan(plan, telegram_id)
    assert await business_snapshot(bed.store, telegram_id) == before

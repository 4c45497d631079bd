"""The sandbox answers like Telegram: a real aiogram Bot drives it over real HTTP, people act
through the sandbox client, and each test checks what the Bot API returns or refuses and what the
person sees in their chat."""

from __future__ import annotations

import asyncio
import io
import struct
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramUnauthorizedError,
)
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    Message,
    PhotoSize,
    Update,
)
from aiohttp import web

from bot.sandbox.client import ChatPerson, SandboxClient
from bot.sandbox.server import SandboxServer
from bot.sandbox.world import Params
from tests.helpers import new_telegram_id

WAIT = 10.0
"""The bound on any single wait for an event; nothing in these tests should come near it."""


def png(width: int, height: int) -> bytes:
    """A real RGB PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + bytes([200, 30, 30] * width) for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def keyboard(*buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=text, callback_data=data)] for text, data in buttons
        ]
    )


def commands(items: list[tuple[str, str]]) -> list[BotCommand]:
    return [BotCommand(command=command, description=text) for command, text in items]


def pairs(items: list[BotCommand]) -> list[tuple[str, str]]:
    return [(item.command, item.description) for item in items]


def largest(photo: list[PhotoSize] | None) -> PhotoSize:
    assert photo, "the message has no photo"
    return photo[-1]


async def downloaded(bot: Bot, file_id: str) -> bytes:
    """The bytes the bot downloads for a file_id, through getFile and the file URL."""
    file = await bot.get_file(file_id)
    assert file.file_path
    result = await bot.download(file)
    assert isinstance(result, io.BytesIO)
    return result.getvalue()


def watch_polls(sandbox: SandboxServer) -> asyncio.Event:
    """An event set when a getUpdates call reaches the sandbox. The gate runs just before the
    method, which then goes straight (without awaiting) into its long poll, so once the event is
    seen the poll is waiting."""
    started = asyncio.Event()

    async def gate(method: str, params: Params) -> None:
        if method == "getupdates":
            started.set()

    sandbox.world.gate = gate
    return started


class Updates:
    """The bot's getUpdates cursor: each call confirms what the previous one returned."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self.offset: int | None = None

    async def next(self, timeout: int = 5) -> list[Update]:
        updates = await asyncio.wait_for(
            self.bot.get_updates(offset=self.offset, timeout=timeout), timeout + WAIT
        )
        if updates:
            self.offset = updates[-1].update_id + 1
        return updates

    async def one(self) -> Update:
        updates = await self.next()
        assert len(updates) == 1, updates
        return updates[0]

    async def collect(self, count: int) -> list[Update]:
        found: list[Update] = []
        while len(found) < count:
            batch = await self.next()
            assert batch, f"only {len(found)} of {count} updates came"
            found.extend(batch)
        assert len(found) == count, found
        return found


Meet = Callable[..., Awaitable[ChatPerson]]


@pytest.fixture
async def bot(sandbox: SandboxServer) -> AsyncIterator[Bot]:
    bot = Bot(sandbox.token, session=AiohttpSession(api=TelegramAPIServer.from_base(sandbox.url)))
    yield bot
    await bot.session.close()


@pytest.fixture
def updates(bot: Bot) -> Updates:
    return Updates(bot)


@pytest.fixture
def meet(client: SandboxClient, updates: Updates) -> Meet:
    """A new person who has written /start to the bot; the bot has read that update."""

    async def make(first_name: str, language_code: str = "en") -> ChatPerson:
        person = await client.person(
            first_name, person_id=new_telegram_id(), language_code=language_code
        )
        await person.send("/start")
        start = await updates.one()
        assert start.message is not None and start.message.text == "/start"
        assert start.message.chat.id == person.id
        return person

    return make


@pytest.fixture
async def ann(meet: Meet) -> ChatPerson:
    return await meet("Ann")


# ---------------------------------------------------------------- 1. identity and routing


async def test_get_me_describes_the_bot(bot: Bot, sandbox: SandboxServer) -> None:
    me = await bot.get_me()
    assert me.is_bot is True
    assert me.username == "acf_sandbox_bot"
    assert me.id == bot.id == int(sandbox.token.split(":")[0])


async def test_a_wrong_token_is_unauthorized(sandbox: SandboxServer) -> None:
    session = AiohttpSession(api=TelegramAPIServer.from_base(sandbox.url))
    async with Bot("7000000001:not-the-sandbox-token", session=session) as stranger:
        with pytest.raises(TelegramUnauthorizedError, match="Unauthorized"):
            await stranger.get_me()


async def test_an_unknown_method_is_not_found(sandbox: SandboxServer) -> None:
    url = f"{sandbox.url}/bot{sandbox.token}/sendTelepathy"
    async with aiohttp.ClientSession() as http, http.post(url, json={"chat_id": 1}) as response:
        assert response.status == 404
        assert await response.json() == {
            "ok": False,
            "error_code": 404,
            "description": "Not Found",
        }


# ---------------------------------------------------------------- 2. text and HTML


async def test_html_arrives_as_plain_text_with_entities(bot: Bot, ann: ChatPerson) -> None:
    sent = await bot.send_message(
        ann.id,
        '😀 <b>bold</b>, <i>it</i> &amp; <a href="https://example.org/x">link</a> '
        "<code>x &lt; y</code>",
        parse_mode="HTML",
    )

    plain = "😀 bold, it & link x < y"
    expected = [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "italic", "offset": 9, "length": 2},
        {"type": "text_link", "offset": 14, "length": 4, "url": "https://example.org/x"},
        {"type": "code", "offset": 19, "length": 5},
    ]
    assert sent.text == plain
    assert sent.entities is not None
    assert [entity.extract_from(plain) for entity in sent.entities] == [
        "bold",
        "it",
        "link",
        "x < y",
    ]
    assert [entity.model_dump(exclude_none=True) for entity in sent.entities] == expected

    seen = await ann.reply()
    assert seen.message_id == sent.message_id
    assert seen.text == plain
    assert seen.raw["entities"] == expected
    assert not seen.edited


async def test_commands_links_and_mentions_are_found_as_telegram_does(
    bot: Bot, ann: ChatPerson
) -> None:
    sent = await bot.send_message(
        ann.id,
        "See /help, https://example.org/a?b=1. and @olga_coord; <code>/grant 1</code> "
        '<a href="https://x.org">/no</a>',
        parse_mode="HTML",
    )
    assert sent.entities is not None
    found = [(entity.type, entity.extract_from(sent.text or "")) for entity in sent.entities]
    assert found == [
        ("bot_command", "/help"),
        ("url", "https://example.org/a?b=1"),
        ("mention", "@olga_coord"),
        ("code", "/grant 1"),
        ("text_link", "/no"),
    ]
    mine = await ann.send("/start@acf_sandbox_bot now")
    assert mine["entities"] == [{"type": "bot_command", "offset": 0, "length": 22}]


@pytest.mark.parametrize(
    "text", ["Beware <script>alert(1)</script>", "Tom & Jerry", "<b>never closed"]
)
async def test_html_that_cannot_be_parsed_is_refused(bot: Bot, ann: ChatPerson, text: str) -> None:
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(ann.id, text, parse_mode="HTML")
    assert await ann.messages() == []


async def test_text_is_limited_to_4096_characters(bot: Bot, ann: ChatPerson) -> None:
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(ann.id, "x" * 4097)
    assert await ann.messages() == []

    sent = await bot.send_message(ann.id, "y" * 4096)
    assert sent.text == "y" * 4096
    assert (await ann.reply()).text == "y" * 4096


@pytest.mark.parametrize("text", ["", "  \n "])
async def test_an_empty_text_is_refused(bot: Bot, ann: ChatPerson, text: str) -> None:
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(ann.id, text)
    assert await ann.messages() == []


# ---------------------------------------------------------------- 3. inline keyboards


async def test_callback_data_is_limited_to_64_bytes(bot: Bot, ann: ChatPerson) -> None:
    too_long = "é" * 32 + "a"
    assert len(too_long.encode()) == 65
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(ann.id, "Vote", reply_markup=keyboard(("Yes", too_long)))
    assert await ann.messages() == []

    just_fits = "é" * 32
    assert len(just_fits.encode()) == 64
    await bot.send_message(ann.id, "Vote", reply_markup=keyboard(("Yes", just_fits)))
    seen = await ann.reply()
    assert seen.button("Yes").callback_data == just_fits


# ---------------------------------------------------------------- 4. edits and deletion


async def test_an_edit_with_the_same_content_is_not_modified(bot: Bot, ann: ChatPerson) -> None:
    markup = keyboard(("Yes", "vote:yes"))
    sent = await bot.send_message(ann.id, "<b>Vote</b>", parse_mode="HTML", reply_markup=markup)

    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "<b>Vote</b>",
            chat_id=ann.id,
            message_id=sent.message_id,
            parse_mode="HTML",
            reply_markup=markup,
        )
    [seen] = await ann.messages()
    assert seen.raw.get("edit_date") is None


async def test_an_edit_is_seen_as_an_edit_and_drops_the_keyboard(bot: Bot, ann: ChatPerson) -> None:
    sent = await bot.send_message(ann.id, "First", reply_markup=keyboard(("Yes", "vote:yes")))
    edited = await bot.edit_message_text("Second", chat_id=ann.id, message_id=sent.message_id)

    assert isinstance(edited, Message)
    assert edited.text == "Second"
    assert edited.edit_date is not None
    assert edited.reply_markup is None

    first = await ann.reply()
    assert (first.text, first.button_texts, first.edited) == ("First", ["Yes"], False)
    second = await ann.reply()
    assert second.edited
    assert second.message_id == sent.message_id
    assert (second.text, second.buttons) == ("Second", [])
    assert [message.text for message in await ann.messages()] == ["Second"]


async def test_edit_message_reply_markup_replaces_and_removes_the_keyboard(
    bot: Bot, ann: ChatPerson
) -> None:
    sent = await bot.send_message(ann.id, "Vote", reply_markup=keyboard(("Yes", "vote:yes")))
    await ann.reply()

    replaced = await bot.edit_message_reply_markup(
        chat_id=ann.id,
        message_id=sent.message_id,
        reply_markup=keyboard(("No", "vote:no"), ("Maybe", "vote:maybe")),
    )
    assert isinstance(replaced, Message) and replaced.text == "Vote"
    seen = await ann.reply()
    assert seen.edited
    assert (seen.text, seen.button_texts) == ("Vote", ["No", "Maybe"])

    await bot.edit_message_reply_markup(chat_id=ann.id, message_id=sent.message_id)
    seen = await ann.reply()
    assert seen.edited and seen.buttons == [] and seen.text == "Vote"

    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_reply_markup(chat_id=ann.id, message_id=sent.message_id)


async def test_a_deleted_message_is_gone_and_cannot_be_deleted_again(
    bot: Bot, ann: ChatPerson
) -> None:
    keep = await bot.send_message(ann.id, "Keep")
    drop = await bot.send_message(ann.id, "Drop")

    assert await bot.delete_message(ann.id, drop.message_id) is True
    assert [message.message_id for message in await ann.messages()] == [keep.message_id]

    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(ann.id, drop.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("Back", chat_id=ann.id, message_id=drop.message_id)


# ---------------------------------------------------------------- 5. callback queries


async def test_a_pressed_button_reaches_the_bot_and_its_answer_the_person(
    bot: Bot, ann: ChatPerson, updates: Updates
) -> None:
    sent = await bot.send_message(
        ann.id, "Vote", reply_markup=keyboard(("Yes", "vote:yes"), ("No", "vote:no"))
    )

    query_id = await ann.press("No")
    query = (await updates.one()).callback_query

    assert query is not None
    assert query.id == query_id
    assert query.data == "vote:no"
    assert query.chat_instance
    assert query.from_user.id == ann.id and query.from_user.language_code == "en"
    assert query.message is not None and query.message.message_id == sent.message_id

    assert await bot.answer_callback_query(query.id, text="Counted", show_alert=True) is True
    answer = await ann.callback_answer()
    assert answer["callback_query_id"] == query_id
    assert (answer["text"], answer["show_alert"]) == ("Counted", True)

    with pytest.raises(TelegramBadRequest, match="query ID is invalid"):
        await bot.answer_callback_query(query.id, text="Again")


# ---------------------------------------------------------------- 6. getUpdates


async def test_an_offset_confirms_updates(bot: Bot, ann: ChatPerson, updates: Updates) -> None:
    await ann.send("one")
    await ann.send("two")

    batch = await bot.get_updates(offset=updates.offset, timeout=0)
    assert [update.message.text for update in batch if update.message] == ["one", "two"]
    assert batch[1].update_id == batch[0].update_id + 1

    again = await bot.get_updates(timeout=0)
    assert [update.update_id for update in again] == [update.update_id for update in batch]

    rest = await bot.get_updates(offset=batch[0].update_id + 1, timeout=0)
    assert [update.update_id for update in rest] == [batch[1].update_id]

    assert await bot.get_updates(offset=batch[1].update_id + 1, timeout=0) == []
    assert await bot.get_updates(timeout=0) == []


async def test_a_long_poll_returns_as_soon_as_a_person_writes(
    bot: Bot, sandbox: SandboxServer, ann: ChatPerson, updates: Updates
) -> None:
    started = watch_polls(sandbox)
    poll = asyncio.create_task(bot.get_updates(offset=updates.offset, timeout=30))
    await asyncio.wait_for(started.wait(), WAIT)
    assert not poll.done()

    await ann.send("are you there?")

    got = await asyncio.wait_for(poll, 5)
    assert [update.message.text for update in got if update.message] == ["are you there?"]


async def test_a_second_get_updates_terminates_the_first(
    bot: Bot, sandbox: SandboxServer, ann: ChatPerson, updates: Updates
) -> None:
    started = watch_polls(sandbox)
    first = asyncio.create_task(bot.get_updates(offset=updates.offset, timeout=30))
    await asyncio.wait_for(started.wait(), WAIT)
    sandbox.world.gate = None

    assert await asyncio.wait_for(bot.get_updates(offset=updates.offset, timeout=0), WAIT) == []
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates request"):
        await asyncio.wait_for(first, WAIT)

    await ann.send("still here")
    update = await updates.one()
    assert update.message is not None and update.message.text == "still here"


# ---------------------------------------------------------------- 7. command menus


async def test_commands_per_scope_and_language(bot: Bot, meet: Meet) -> None:
    ann = await meet("Ann", "en")
    boris = await meet("Boris", "en")
    carol = await meet("Carol", "kk")
    everyone = [("start", "Start")]
    english = [("help", "Help")]
    only_ann = [("report", "Report a case")]
    ann_chat = BotCommandScopeChat(chat_id=ann.id)

    assert await bot.set_my_commands(commands(everyone)) is True
    assert await bot.set_my_commands(commands(english), language_code="en") is True
    assert await bot.set_my_commands(commands(only_ann), scope=ann_chat) is True

    assert pairs(await bot.get_my_commands()) == everyone
    assert pairs(await bot.get_my_commands(scope=BotCommandScopeDefault(), language_code="en")) == (
        english
    )
    assert pairs(await bot.get_my_commands(scope=ann_chat)) == only_ann
    assert await bot.get_my_commands(language_code="kk") == []

    assert await ann.menu() == only_ann
    assert await boris.menu() == english
    assert await carol.menu() == everyone

    assert await bot.delete_my_commands(scope=ann_chat) is True
    assert await bot.get_my_commands(scope=ann_chat) == []
    assert await ann.menu() == english

    assert await bot.delete_my_commands(language_code="en") is True
    assert await ann.menu() == everyone
    assert await boris.menu() == everyone


async def test_an_invalid_command_name_is_refused(bot: Bot, ann: ChatPerson) -> None:
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad-Name", description="Bad")])
    assert await bot.get_my_commands() == []
    assert await ann.menu() == []


async def test_commands_for_a_chat_that_never_wrote_are_refused(
    bot: Bot, client: SandboxClient
) -> None:
    silent = await client.person("Dana", person_id=new_telegram_id(), language_code="en")
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.set_my_commands(
            [BotCommand(command="help", description="Help")],
            scope=BotCommandScopeChat(chat_id=silent.id),
        )


# ---------------------------------------------------------------- 8. files


async def test_a_photo_keeps_its_size_and_bytes_and_its_file_id(bot: Bot, ann: ChatPerson) -> None:
    data = png(3, 2)
    sent = await bot.send_photo(
        ann.id,
        BufferedInputFile(data, "pixels.png"),
        caption="<b>Three</b> by two",
        parse_mode="HTML",
    )

    photo = largest(sent.photo)
    assert (photo.width, photo.height, photo.file_size) == (3, 2, len(data))
    assert sent.caption == "Three by two"
    assert sent.caption_entities is not None
    assert [entity.type for entity in sent.caption_entities] == ["bold"]

    seen = await ann.reply()
    assert seen.kind == "photo" and seen.text == "Three by two"
    assert seen.raw["photo"][-1]["file_unique_id"] == photo.file_unique_id

    assert await downloaded(bot, photo.file_id) == data

    again = await bot.send_photo(ann.id, photo.file_id)
    assert largest(again.photo).file_unique_id == photo.file_unique_id
    assert again.message_id != sent.message_id
    assert (await ann.reply()).kind == "photo"


async def test_a_document_keeps_its_name_and_type(bot: Bot, ann: ChatPerson) -> None:
    data = b"%PDF-1.4\n% a tiny report\n%%EOF\n"
    sent = await bot.send_document(ann.id, BufferedInputFile(data, "report.pdf"))

    assert sent.document is not None
    assert sent.document.file_name == "report.pdf"
    assert sent.document.mime_type == "application/pdf"
    seen = await ann.reply()
    assert seen.kind == "document"
    assert seen.raw["document"]["file_name"] == "report.pdf"
    assert await downloaded(bot, sent.document.file_id) == data


async def test_video_and_voice(bot: Bot, ann: ChatPerson) -> None:
    video = await bot.send_video(ann.id, BufferedInputFile(b"\x00\x00\x00\x18ftypmp42", "a.mp4"))
    assert video.video is not None
    assert video.video.mime_type == "video/mp4"
    assert (await ann.reply()).kind == "video"

    voice = await bot.send_voice(ann.id, BufferedInputFile(b"OggS\x00\x02voice", "note.ogg"))
    assert voice.voice is not None
    assert voice.voice.mime_type == "audio/ogg"
    assert (await ann.reply()).kind == "voice"
    assert await downloaded(bot, voice.voice.file_id) == b"OggS\x00\x02voice"


async def test_a_location_and_invalid_coordinates(bot: Bot, ann: ChatPerson) -> None:
    sent = await bot.send_location(ann.id, latitude=51.128, longitude=71.43)
    assert sent.location is not None
    assert (sent.location.latitude, sent.location.longitude) == (51.128, 71.43)
    seen = await ann.reply()
    assert seen.kind == "location"
    assert seen.raw["location"] == {"latitude": 51.128, "longitude": 71.43}

    with pytest.raises(TelegramBadRequest, match="wrong coordinates"):
        await bot.send_location(ann.id, latitude=91.0, longitude=0.0)
    assert len(await ann.messages()) == 1


async def test_a_media_group_is_one_album_of_two_or_more(bot: Bot, ann: ChatPerson) -> None:
    album = await bot.send_media_group(
        ann.id,
        [
            InputMediaPhoto(media=BufferedInputFile(png(3, 2), "a.png"), caption="Album"),
            InputMediaPhoto(media=BufferedInputFile(png(4, 5), "b.png")),
        ],
    )

    assert len(album) == 2
    group = album[0].media_group_id
    assert group is not None and album[1].media_group_id == group
    assert album[0].caption == "Album" and album[1].caption is None
    assert [(largest(m.photo).width, largest(m.photo).height) for m in album] == [(3, 2), (4, 5)]
    seen = [await ann.reply(), await ann.reply()]
    assert [message.raw["media_group_id"] for message in seen] == [group, group]
    assert [message.message_id for message in seen] == [m.message_id for m in album]

    with pytest.raises(TelegramBadRequest, match="wrong number of media"):
        await bot.send_media_group(
            ann.id, [InputMediaPhoto(media=BufferedInputFile(png(3, 2), "c.png"))]
        )
    assert len(await ann.messages()) == 2


async def test_copy_message_keeps_text_entities_and_photo_caption(
    bot: Bot, ann: ChatPerson
) -> None:
    text = await bot.send_message(
        ann.id, '<b>Bold</b> and <a href="https://example.org">a link</a>', parse_mode="HTML"
    )
    original = await ann.reply()
    copy = await bot.copy_message(ann.id, from_chat_id=ann.id, message_id=text.message_id)
    copied = await ann.reply()

    assert copy.message_id == copied.message_id != text.message_id
    assert copied.text == "Bold and a link"
    assert copied.raw["entities"] == original.raw["entities"]
    assert {entity["type"] for entity in copied.raw["entities"]} == {"bold", "text_link"}

    photo = await bot.send_photo(ann.id, BufferedInputFile(png(3, 2), "p.png"), caption="Seen")
    await ann.reply()
    await bot.copy_message(ann.id, from_chat_id=ann.id, message_id=photo.message_id)
    copied_photo = await ann.reply()
    assert copied_photo.kind == "photo" and copied_photo.text == "Seen"
    assert copied_photo.raw["photo"][-1]["file_unique_id"] == largest(photo.photo).file_unique_id

    await bot.copy_message(
        ann.id, from_chat_id=ann.id, message_id=photo.message_id, caption="New caption"
    )
    assert (await ann.reply()).text == "New caption"


async def test_a_persons_photo_reaches_the_bot_which_downloads_it(
    bot: Bot, ann: ChatPerson, updates: Updates
) -> None:
    data = png(3, 2)
    await ann.send_file(
        data, kind="photo", filename="mine.png", content_type="image/png", caption="Look"
    )

    message = (await updates.one()).message
    assert message is not None and message.from_user is not None
    assert message.from_user.id == ann.id
    assert message.caption == "Look"
    assert message.media_group_id is None
    photo = largest(message.photo)
    assert (photo.width, photo.height) == (3, 2)
    assert await downloaded(bot, photo.file_id) == data


async def test_a_persons_album_reaches_the_bot_as_one_media_group(
    bot: Bot, ann: ChatPerson, updates: Updates
) -> None:
    first, second = png(3, 2), png(2, 3)
    await ann.send_album(
        [("photo", first, "1.png", "image/png"), ("photo", second, "2.png", "image/png")],
        caption="Two of them",
    )

    messages = [update.message for update in await updates.collect(2)]
    assert all(message is not None for message in messages)
    group = {message.media_group_id for message in messages if message}
    assert len(group) == 1 and None not in group
    assert [message.caption for message in messages if message] == ["Two of them", None]
    files = [largest(message.photo).file_id for message in messages if message]
    assert [await downloaded(bot, file_id) for file_id in files] == [first, second]


# ---------------------------------------------------------------- 9. blocked and silent people


async def test_a_person_who_blocked_the_bot_cannot_be_messaged(
    bot: Bot, ann: ChatPerson, updates: Updates
) -> None:
    await ann.block_bot()

    member = (await updates.one()).my_chat_member
    assert member is not None
    assert member.chat.id == ann.id and member.from_user.id == ann.id
    assert (member.old_chat_member.status, member.new_chat_member.status) == ("member", "kicked")

    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(ann.id, "Hello?")
    assert await ann.messages() == []

    await ann.block_bot(False)
    member = (await updates.one()).my_chat_member
    assert member is not None and member.new_chat_member.status == "member"
    await bot.send_message(ann.id, "Welcome back")
    assert (await ann.reply()).text == "Welcome back"


async def test_the_bot_cannot_start_a_conversation(bot: Bot, client: SandboxClient) -> None:
    silent = await client.person("Erlan", person_id=new_telegram_id(), language_code="en")
    with pytest.raises(TelegramForbiddenError, match="can't initiate conversation"):
        await bot.send_message(silent.id, "Hello")
    assert await silent.messages() == []

    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(new_telegram_id(), "Anyone?")


# ---------------------------------------------------------------- 10. webhook


class Receiver:
    """A small webhook endpoint: it records each delivery and its secret header, and answers
    500 as many times as `failures` says before it answers 200."""

    def __init__(self) -> None:
        self.deliveries: asyncio.Queue[tuple[dict[str, Any], str | None]] = asyncio.Queue()
        self.failures = 0
        self.url = ""

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        await self.deliveries.put((body, request.headers.get("X-Telegram-Bot-Api-Secret-Token")))
        if self.failures:
            self.failures -= 1
            return web.Response(status=500, text="not now")
        return web.json_response({})

    async def next(self) -> tuple[Update, str | None]:
        body, secret = await asyncio.wait_for(self.deliveries.get(), WAIT)
        return Update.model_validate(body), secret


@pytest.fixture
async def receiver(sandbox: SandboxServer) -> AsyncIterator[Receiver]:
    receiver = Receiver()
    app = web.Application()
    app.router.add_post("/hook", receiver.handle)
    runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    receiver.url = f"http://{host}:{port}/hook"
    yield receiver
    sandbox.world.webhook = None
    await runner.cleanup()


async def test_a_webhook_gets_updates_with_the_secret_and_excludes_get_updates(
    bot: Bot, client: SandboxClient, receiver: Receiver, updates: Updates
) -> None:
    assert await bot.set_webhook(receiver.url, secret_token="s3cret_token-1") is True
    info = await bot.get_webhook_info()
    assert info.url == receiver.url

    person = await client.person("Farida", person_id=new_telegram_id(), language_code="en")
    await person.send("/start")
    update, secret = await receiver.next()
    assert secret == "s3cret_token-1"
    assert update.message is not None and update.message.text == "/start"
    assert update.message.chat.id == person.id

    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await bot.get_updates(timeout=0)

    assert await bot.delete_webhook() is True
    assert (await bot.get_webhook_info()).url == ""
    await person.send("polling again")
    polled = await updates.one()
    assert polled.message is not None and polled.message.text == "polling again"
    assert receiver.deliveries.empty()


async def test_a_webhook_that_fails_gets_the_update_again(
    bot: Bot, client: SandboxClient, receiver: Receiver
) -> None:
    receiver.failures = 1
    await bot.set_webhook(receiver.url)

    person = await client.person("Gulnara", person_id=new_telegram_id(), language_code="en")
    await person.send("first")
    refused, secret = await receiver.next()
    retried, _ = await receiver.next()
    assert secret is None
    assert retried.update_id == refused.update_id
    assert retried.message is not None and retried.message.text == "first"

    await person.send("second")
    following, _ = await receiver.next()
    assert following.update_id == refused.update_id + 1
    assert following.message is not None and following.message.text == "second"

    info = await bot.get_webhook_info()
    assert info.last_error_message is not None
    assert "Wrong response from the webhook: 500" in info.last_error_message
    await bot.delete_webhook()


async def test_a_webhook_secret_with_unallowed_characters_is_refused(
    bot: Bot, receiver: Receiver
) -> None:
    with pytest.raises(TelegramBadRequest, match="secret token contains unallowed characters"):
        await bot.set_webhook(receiver.url, secret_token="not allowed!")
    assert (await bot.get_webhook_info()).url == ""

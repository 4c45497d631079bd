"""The sandbox's world in memory: people, their private chats with the bot, files, updates, menus.

`World.call` answers Bot API methods the way Telegram does, with payloads aiogram validates as real
ones and with Telegram's own error wording for what Telegram refuses. The person-side methods
(`write`, `send_file`, `press`, ...) are what the web chat and the test client drive.
"""

from __future__ import annotations

import asyncio
import bisect
import collections
import hashlib
import itertools
import json
import math
import mimetypes
import random
import re
import secrets
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.sandbox.entities import (
    EntityParseError,
    parse_html,
    with_detected_entities,
)

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
DOWNLOAD_LIMIT = 20 * 1024 * 1024
UPLOAD_LIMIT = 50 * 1024 * 1024
MEDIA_KINDS = ("photo", "video", "document", "voice")
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)


SENDING_METHODS = frozenset(
    {
        "sendmessage", "sendphoto", "sendvideo", "senddocument", "sendvoice", "sendlocation",
        "sendmediagroup", "copymessage",
    }
)  # fmt: skip
"""Methods that put a new message in a chat: what Telegram's rate limits count."""


@dataclass(frozen=True)
class Limits:
    """Telegram's limits, emulated when asked: 429 with `retry_after` above `overall` new
    messages a second, or above `per_chat` a second in one chat; a `blocked_share` of the people
    added have blocked the bot (403 until they write to it again)."""

    overall: float = 30.0
    per_chat: float = 1.0
    blocked_share: float = 0.0


class _Window:
    """Moments of accepted messages within a sliding window, for one rate."""

    def __init__(self, rate: float) -> None:
        self.capacity = max(1, math.floor(rate))
        self.length = self.capacity / rate
        self._moments: collections.deque[float] = collections.deque()

    def wait_needed(self, now: float) -> float:
        """0 when one more message fits now, else the seconds until it does."""
        while self._moments and self._moments[0] <= now - self.length:
            self._moments.popleft()
        if len(self._moments) < self.capacity:
            return 0.0
        return self._moments[0] + self.length - now

    def add(self, now: float) -> None:
        self._moments.append(now)


@dataclass
class Fault:
    """The next `times` calls of a method fail: after `hang` seconds (the call still takes effect
    afterwards, as a request Telegram got but answered too late), or at once with HTTP `status`."""

    times: int
    status: int | None = None
    hang: float = 0.0

    def description(self) -> str:
        return {502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}.get(
            self.status or 500, "Internal Server Error"
        )


class ApiError(Exception):
    """A refusal in Telegram's shape: HTTP status, `description` and optional `retry_after`."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: {reason}")


class Signal:
    """Wakes every current waiter at once; each waiter then checks its own condition again."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, timeout: float) -> bool:
        event = self._event
        try:
            async with asyncio.timeout(timeout):
                await event.wait()
        except TimeoutError:
            return False
        return True


@dataclass
class Upload:
    data: bytes
    filename: str | None
    content_type: str | None


@dataclass
class Person:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "ru"
    blocked_bot: bool = False
    label: str | None = None

    def as_user(self) -> dict[str, Any]:
        user: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            user["last_name"] = self.last_name
        if self.username:
            user["username"] = self.username
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    def as_chat(self) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.last_name:
            chat["last_name"] = self.last_name
        if self.username:
            chat["username"] = self.username
        return chat

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "username": self.username,
            "language_code": self.language_code,
            "blocked_bot": self.blocked_bot,
            "label": self.label,
        }


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    kind: str
    data: bytes
    file_path: str
    mime_type: str | None
    file_name: str | None
    width: int = 0
    height: int = 0
    duration: int = 0

    def as_object(self) -> Any:
        base: dict[str, Any] = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
        }
        if self.kind == "photo":
            return [{**base, "width": self.width, "height": self.height}]
        if self.kind == "video":
            return {
                **base,
                "width": self.width,
                "height": self.height,
                "duration": self.duration,
                "mime_type": self.mime_type or "video/mp4",
            }
        if self.kind == "voice":
            return {**base, "duration": self.duration, "mime_type": self.mime_type or "audio/ogg"}
        document = {**base, "mime_type": self.mime_type or "application/octet-stream"}
        if self.file_name:
            document["file_name"] = self.file_name
        return document


@dataclass
class Chat:
    person: Person
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    reply_keyboard: dict[str, Any] | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    event_seqs: list[int] = field(default_factory=list)
    events_changed: Signal = field(default_factory=Signal)
    """Wakes the waiters of this chat only, so many people waiting at once stay cheap."""
    menu: list[dict[str, str]] = field(default_factory=list)

    @property
    def chat_instance(self) -> str:
        return str(int(hashlib.sha256(f"chat:{self.person.id}".encode()).hexdigest()[:15], 16))


@dataclass
class Webhook:
    url: str
    secret_token: str | None
    max_connections: int
    allowed_updates: list[str] | None
    last_error: str | None = None
    last_error_date: int | None = None


@dataclass
class PendingCallback:
    chat_id: int
    answered: bool = False


Number = TypeVar("Number", int, float)


class Params:
    """A Bot API call's parameters, from a query string, a form, multipart or JSON."""

    def __init__(self, values: dict[str, Any], files: dict[str, Upload] | None = None) -> None:
        self.values = values
        self.files = files or {}

    def raw(self, name: str) -> Any:
        value = self.values.get(name)
        return None if value == "" else value

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self.raw(name)
        if value is None:
            if required:
                raise bad_request(f"{name} is empty")
            return None
        return value if isinstance(value, str) else json.dumps(value)

    def integer(self, name: str, *, required: bool = False) -> int | None:
        return self._converted(name, int, required)

    def number(self, name: str, *, required: bool = False) -> float | None:
        return self._converted(name, float, required)

    def _converted(
        self, name: str, convert: Callable[[Any], Number], required: bool
    ) -> Number | None:
        value = self.raw(name)
        if value is None:
            if required:
                raise bad_request(f"{name} is empty")
            return None
        try:
            return convert(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def flag(self, name: str) -> bool:
        value = self.raw(name)
        if isinstance(value, str):
            return value.lower() in {"true", "1"}
        return bool(value)

    def json_value(self, name: str) -> Any:
        value = self.raw(name)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise bad_request(f"can't parse {name} JSON object") from None
        return value


def _image_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG or JPEG, (1, 1) when the bytes are neither."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data[:2] == b"\xff\xd8":
        index = 2
        while index + 9 < len(data):
            if data[index] != 0xFF:
                break
            marker = data[index + 1]
            length = int.from_bytes(data[index + 2 : index + 4], "big")
            if marker in (0xC0, 0xC1, 0xC2):
                height = int.from_bytes(data[index + 5 : index + 7], "big")
                width = int.from_bytes(data[index + 7 : index + 9], "big")
                return width, height
            index += 2 + length
    return 1, 1


def resolve_menu(
    commands: dict[tuple[str, str], list[dict[str, str]]], chat_id: int, language: str | None
) -> list[dict[str, str]]:
    """The menu a Telegram app shows in a private chat: the narrowest scope that has commands,
    the user's language before no language."""
    language = (language or "")[:2]
    for scope in (f"chat:{chat_id}", "all_private_chats", "default"):
        for code in (language, ""):
            found = commands.get((scope, code))
            if found:
                return found
    return []


class World:
    def __init__(
        self, token: str, *, bot_name: str, bot_username: str, limits: Limits | None = None
    ) -> None:
        self.token = token
        self.limits = limits
        self.throttled = 0
        """Messages refused with 429 by the emulated limits."""
        self.sent_moments: list[float] = []
        """When each new message was accepted (with limits on), to check the bot's rate."""
        self.refused_moments: list[float] = []
        """When each new message was refused because the person blocked the bot (with limits
        on): a sender cannot know that before it asks."""
        self._overall = _Window(limits.overall) if limits else None
        self._per_chat: dict[int, _Window] = {}
        self._blocking = random.Random(0x5EED)
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_user = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
        }
        self.people: dict[int, Person] = {}
        self.chats: dict[int, Chat] = {}
        self.files: dict[str, StoredFile] = {}
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.webhook: Webhook | None = None
        self.rejections: dict[str, ApiError] = {}
        self.calls: Counter[str] = Counter()
        self.gate: Callable[[str, Params], Awaitable[None]] | None = None
        self.faults: dict[str, list[Fault]] = {}
        """Injected failures by method (see `fail` and `hang`)."""
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(secrets.randbelow(10**8) + 10**8)
        self._allowed_updates: list[str] | None = None
        self._updates_changed = Signal()
        self._poll_generation = 0
        self.closing = False
        self._events: list[dict[str, Any]] = []
        self._event_seqs: list[int] = []
        self._event_ids = itertools.count(1)
        self._events_changed = Signal()
        self._callbacks: dict[str, PendingCallback] = {}
        self._callback_ids = itertools.count(secrets.randbelow(10**12) + 10**12)
        self._file_ids = itertools.count(1)
        self._media_groups = itertools.count(secrets.randbelow(10**9) + 10**9)
        self._methods: dict[str, Callable[[Params], Awaitable[Any]]] = {
            name.lower(): method
            for name, method in {
                "getMe": self._get_me,
                "getUpdates": self._get_updates,
                "sendMessage": self._send_message,
                "editMessageText": self._edit_message_text,
                "editMessageCaption": self._edit_message_caption,
                "editMessageReplyMarkup": self._edit_message_reply_markup,
                "deleteMessage": self._delete_message,
                "answerCallbackQuery": self._answer_callback_query,
                "setMyCommands": self._set_my_commands,
                "getMyCommands": self._get_my_commands,
                "deleteMyCommands": self._delete_my_commands,
                "sendPhoto": self._media_sender("photo"),
                "sendVideo": self._media_sender("video"),
                "sendDocument": self._media_sender("document"),
                "sendVoice": self._media_sender("voice"),
                "sendLocation": self._send_location,
                "sendMediaGroup": self._send_media_group,
                "copyMessage": self._copy_message,
                "sendChatAction": self._send_chat_action,
                "getFile": self._get_file,
                "setWebhook": self._set_webhook,
                "deleteWebhook": self._delete_webhook,
                "getWebhookInfo": self._get_webhook_info,
            }.items()
        }

    def close(self) -> None:
        """Let every long poll return now, so that the server stops at once."""
        self.closing = True
        self._updates_changed.fire()
        self._events_changed.fire()
        for chat in self.chats.values():
            chat.events_changed.fire()

    # ----------------------------------------------------------------- events

    def _emit(self, chat_id: int, kind: str, data: dict[str, Any]) -> dict[str, Any]:
        """Record an event; `at` is the sandbox's monotonic clock, for measuring answer times."""
        event = {
            "seq": next(self._event_ids),
            "at": time.monotonic(),
            "chat_id": chat_id,
            "kind": kind,
            **data,
        }
        self._events.append(event)
        self._event_seqs.append(event["seq"])
        chat = self.chats.get(chat_id)
        if chat is not None:
            chat.events.append(event)
            chat.event_seqs.append(event["seq"])
            chat.events_changed.fire()
        self._events_changed.fire()
        return event

    def events_after(self, after: int, chat_id: int | None = None) -> list[dict[str, Any]]:
        if chat_id is not None:
            chat = self.chats.get(chat_id)
            if chat is None:
                return []
            return chat.events[bisect.bisect_right(chat.event_seqs, after) :]
        return self._events[bisect.bisect_right(self._event_seqs, after) :]

    async def wait_events(
        self, after: int, chat_id: int | None = None, timeout: float = 25.0
    ) -> list[dict[str, Any]]:
        """Events after `after` (for one chat or all), waiting up to `timeout` for the first."""
        found = self.events_after(after, chat_id)
        if found or timeout <= 0:
            return found
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not (found := self.events_after(after, chat_id)):
            remaining = deadline - loop.time()
            if remaining <= 0 or self.closing:
                break
            chat = self.chats.get(chat_id) if chat_id is not None else None
            await (chat.events_changed if chat is not None else self._events_changed).wait(
                remaining
            )
        return found

    # ----------------------------------------------------------------- updates

    def _queue_update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": next(self._update_ids), kind: payload}
        self._updates.append(update)
        self._updates_changed.fire()
        return update

    def _deliverable(self, allowed: list[str] | None) -> list[dict[str, Any]]:
        if not allowed:
            return list(self._updates)
        return [u for u in self._updates if any(kind in u for kind in allowed)]

    def take_webhook_updates(self) -> list[dict[str, Any]]:
        """Updates waiting for webhook delivery (they stay queued until confirmed)."""
        allowed = self.webhook.allowed_updates if self.webhook else None
        return self._deliverable(allowed)

    def confirm_update(self, update_id: int) -> None:
        self._updates = [u for u in self._updates if u["update_id"] != update_id]

    async def wait_for_updates(self, timeout: float) -> None:
        await self._updates_changed.wait(timeout)

    @property
    def pending_update_count(self) -> int:
        return len(self._updates)

    # ----------------------------------------------------------------- Bot API

    async def call(self, method: str, params: Params) -> Any:
        handler = self._methods.get(method.lower())
        if handler is None:
            raise ApiError(404, "Not Found")
        self.calls[method.lower()] += 1
        rejection = self.rejections.get(method.lower())
        if rejection is not None:
            raise rejection
        await self._injected_fault(method.lower())
        if self.gate is not None:
            await self.gate(method.lower(), params)
        if self.limits is None or method.lower() not in SENDING_METHODS:
            return await handler(params)
        chat_window = self._within_limits(params)
        try:
            result = await handler(params)
        except ApiError as error:
            if error.code == 403:
                self.refused_moments.append(time.monotonic())
            raise
        now = time.monotonic()
        assert self._overall is not None
        self._overall.add(now)
        chat_window.add(now)
        self.sent_moments.append(now)
        return result

    def fail(self, method: str, times: int, status: int = 500) -> None:
        """The next `times` calls of `method` answer `status` (a 5xx) and do nothing."""
        self.faults.setdefault(method.lower(), []).append(Fault(times, status=status))

    def hang(self, method: str, times: int, seconds: float) -> None:
        """The next `times` calls of `method` answer only after `seconds` (a client with a
        shorter timeout gives up first), then take effect as usual."""
        self.faults.setdefault(method.lower(), []).append(Fault(times, hang=seconds))

    async def _injected_fault(self, method: str) -> None:
        queue = self.faults.get(method)
        if not queue:
            return
        fault = queue[0]
        fault.times -= 1
        if fault.times <= 0:
            queue.pop(0)
        if fault.status is not None:
            raise ApiError(fault.status, fault.description())
        await asyncio.sleep(fault.hang)

    def _within_limits(self, params: Params) -> _Window:
        """The chat's window when one more message fits; 429 when it does not."""
        assert self.limits is not None and self._overall is not None
        chat_id = params.integer("chat_id") or 0
        chat_window = self._per_chat.get(chat_id)
        if chat_window is None:
            chat_window = self._per_chat[chat_id] = _Window(self.limits.per_chat)
        now = time.monotonic()
        wait = max(self._overall.wait_needed(now), chat_window.wait_needed(now))
        if wait > 0:
            self.throttled += 1
            retry_after = max(1, math.ceil(wait))
            raise ApiError(
                429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after
            )
        return chat_window

    async def _get_me(self, params: Params) -> dict[str, Any]:
        return {
            **self.bot_user,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _get_updates(self, params: Params) -> list[dict[str, Any]]:
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        offset = params.integer("offset") or 0
        limit = max(1, min(100, params.integer("limit") or 100))
        timeout = max(0, min(50, params.integer("timeout") or 0))
        allowed = params.json_value("allowed_updates")
        if allowed is not None:
            self._allowed_updates = list(allowed)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        self._poll_generation += 1
        generation = self._poll_generation
        self._updates_changed.fire()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            ready = self._deliverable(self._allowed_updates)
            if ready or loop.time() >= deadline or self.closing:
                return ready[:limit]
            await self._updates_changed.wait(deadline - loop.time())
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one "
                    "bot instance is running",
                )

    def _chat_for(self, params: Params, name: str = "chat_id") -> Chat:
        raw = params.raw(name)
        if raw is None:
            raise bad_request(f"{name} is empty")
        try:
            chat_id = int(raw)
        except (TypeError, ValueError):
            raise bad_request("chat not found") from None
        chat = self.chats.get(chat_id)
        if chat is None:
            if chat_id in self.people:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
            raise bad_request("chat not found")
        return chat

    def _writable_chat(self, params: Params) -> Chat:
        chat = self._chat_for(params)
        if chat.person.blocked_bot:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat

    def _formatted(
        self,
        params: Params,
        name: str,
        entities_name: str,
        limit: int,
        *,
        required: bool,
    ) -> tuple[str | None, list[dict[str, Any]]]:
        text = params.text(name)
        if text is None:
            if required:
                raise bad_request("message text is empty")
            return None, []
        mode = (params.text("parse_mode") or "").lower()
        entities = params.json_value(entities_name) or []
        if mode == "html":
            try:
                text, entities = parse_html(text)
            except EntityParseError as error:
                raise bad_request(str(error)) from None
        elif mode:
            raise bad_request(f"the sandbox understands parse_mode HTML only, not {mode}")
        if not text.strip():
            if required:
                raise bad_request("message text is empty")
            return None, []
        entities = with_detected_entities(text, entities)
        if len(text) > limit:
            raise bad_request(
                "message is too long" if name == "text" else "message caption is too long"
            )
        return text, entities

    def _markup(self, params: Params, chat: Chat, *, inline_only: bool = False) -> Any:
        """Validate reply_markup; apply reply keyboards to the chat; return what the message
        keeps (an inline keyboard) or None."""
        markup = params.json_value("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            self._check_inline_keyboard(markup["inline_keyboard"])
            return markup if any(markup["inline_keyboard"]) else None
        if inline_only:
            raise bad_request("inline keyboard expected")
        if "keyboard" in markup:
            rows = markup["keyboard"]
            if not isinstance(rows, list) or not any(rows):
                raise bad_request("keyboard must be non-empty")
            for row in rows:
                for button in row:
                    text = button if isinstance(button, str) else button.get("text")
                    if not text:
                        raise bad_request("keyboard button text is empty")
            return ("keyboard", markup)
        if markup.get("remove_keyboard"):
            return ("keyboard", None)
        if markup.get("force_reply"):
            return None
        raise bad_request("can't parse reply keyboard markup JSON object")

    @staticmethod
    def _check_inline_keyboard(rows: Any) -> None:
        if not isinstance(rows, list):
            raise bad_request('can\'t parse inline keyboard button: field "inline_keyboard"')
        for row in rows:
            if not isinstance(row, list):
                raise bad_request("can't parse inline keyboard button: rows must be arrays")
            for button in row:
                if not isinstance(button, dict) or not button.get("text"):
                    raise bad_request("can't parse inline keyboard button: Text is empty")
                actions = [key for key in button if key != "text"]
                if not actions:
                    raise bad_request(
                        "can't parse inline keyboard button: Text buttons are unallowed in the "
                        "inline keyboard"
                    )
                data = button.get("callback_data")
                if data is not None and not (
                    isinstance(data, str) and 1 <= len(data.encode()) <= CALLBACK_DATA_LIMIT
                ):
                    raise bad_request("BUTTON_DATA_INVALID")
                url = button.get("url")
                if url is not None and not re.match(r"^(https?|tg)://\S+$", str(url)):
                    raise bad_request("BUTTON_URL_INVALID")

    def _bot_message(self, chat: Chat, content: dict[str, Any], markup: Any) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(chat.message_ids),
            "from": self.bot_user,
            "chat": chat.person.as_chat(),
            "date": int(time.time()),
            **content,
        }
        if isinstance(markup, tuple):
            chat.reply_keyboard = markup[1]
            self._emit(chat.person.id, "keyboard", {"keyboard": markup[1]})
        elif markup is not None:
            message["reply_markup"] = markup
        chat.messages[message["message_id"]] = message
        self._emit(chat.person.id, "message", {"outgoing": False, "message": message})
        return message

    async def _send_message(self, params: Params) -> dict[str, Any]:
        chat = self._writable_chat(params)
        text, entities = self._formatted(params, "text", "entities", TEXT_LIMIT, required=True)
        markup = self._markup(params, chat)
        content: dict[str, Any] = {"text": text}
        if entities:
            content["entities"] = entities
        return self._bot_message(chat, content, markup)

    def _editable(self, params: Params) -> tuple[Chat, dict[str, Any]]:
        if params.raw("inline_message_id") is not None:
            raise bad_request("the sandbox has no inline messages")
        chat = self._chat_for(params)
        message_id = params.integer("message_id", required=True)
        message = chat.messages.get(message_id or 0)
        if message is None or message["from"].get("id") != self.bot_id:
            raise bad_request("message to edit not found")
        return chat, message

    def _apply_edit(
        self, chat: Chat, message: dict[str, Any], changes: dict[str, Any], markup: Any
    ) -> dict[str, Any]:
        updated = {key: value for key, value in message.items() if key != "edit_date"}
        updated.update(changes)
        updated = {key: value for key, value in updated.items() if value not in (None, [])}
        if markup is None:
            updated.pop("reply_markup", None)
        else:
            updated["reply_markup"] = markup
        current = {key: value for key, value in message.items() if key != "edit_date"}
        if updated == current:
            raise bad_request(NOT_MODIFIED.removeprefix("Bad Request: "))
        updated["edit_date"] = int(time.time())
        chat.messages[message["message_id"]] = updated
        self._emit(chat.person.id, "edit", {"message": updated})
        return updated

    async def _edit_message_text(self, params: Params) -> dict[str, Any]:
        chat, message = self._editable(params)
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        text, entities = self._formatted(params, "text", "entities", TEXT_LIMIT, required=True)
        markup = self._markup(params, chat, inline_only=True)
        return self._apply_edit(chat, message, {"text": text, "entities": entities}, markup)

    async def _edit_message_caption(self, params: Params) -> dict[str, Any]:
        chat, message = self._editable(params)
        if not any(kind in message for kind in MEDIA_KINDS):
            raise bad_request("there is no caption in the message to edit")
        caption, entities = self._formatted(
            params, "caption", "caption_entities", CAPTION_LIMIT, required=False
        )
        markup = self._markup(params, chat, inline_only=True)
        changes = {"caption": caption, "caption_entities": entities}
        return self._apply_edit(chat, message, changes, markup)

    async def _edit_message_reply_markup(self, params: Params) -> dict[str, Any]:
        chat, message = self._editable(params)
        markup = self._markup(params, chat, inline_only=True)
        return self._apply_edit(chat, message, {}, markup)

    async def _delete_message(self, params: Params) -> bool:
        chat = self._chat_for(params)
        message_id = params.integer("message_id", required=True) or 0
        if message_id not in chat.messages:
            raise bad_request("message to delete not found")
        del chat.messages[message_id]
        self._emit(chat.person.id, "delete", {"message_id": message_id})
        return True

    async def _answer_callback_query(self, params: Params) -> bool:
        query_id = params.text("callback_query_id", required=True) or ""
        pending = self._callbacks.get(query_id)
        if pending is None or pending.answered:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        text = params.text("text")
        if text is not None and len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        pending.answered = True
        self._emit(
            pending.chat_id,
            "callback_answer",
            {
                "callback_query_id": query_id,
                "text": text,
                "show_alert": params.flag("show_alert"),
            },
        )
        return True

    @staticmethod
    def _scope_key(params: Params) -> str:
        scope = params.json_value("scope") or {"type": "default"}
        kind = scope.get("type") if isinstance(scope, dict) else None
        if kind in ("default", "all_private_chats", "all_group_chats", "all_chat_administrators"):
            return str(kind)
        if kind in ("chat", "chat_administrators", "chat_member"):
            chat_id = scope.get("chat_id")
            if chat_id is None:
                raise bad_request("chat_id is empty")
            suffix = f":{scope['user_id']}" if kind == "chat_member" else ""
            return f"{kind}:{chat_id}{suffix}"
        raise bad_request("wrong scope type specified")

    def _language_of(self, params: Params) -> str:
        code = params.text("language_code") or ""
        if code and not re.fullmatch(r"[a-z]{2}", code):
            raise bad_request("invalid language code specified")
        return code

    def _commands_changed(self, scope: str) -> None:
        targets = [int(scope.split(":")[1])] if scope.startswith("chat:") else list(self.chats)
        for chat_id in targets:
            chat = self.chats.get(chat_id)
            if chat is None:
                continue
            menu = resolve_menu(self.commands, chat_id, chat.person.language_code)
            if menu != chat.menu:
                chat.menu = menu
                self._emit(chat_id, "menu", {"commands": menu})

    async def _set_my_commands(self, params: Params) -> bool:
        commands = params.json_value("commands")
        if not isinstance(commands, list):
            raise bad_request("commands must be an array")
        if len(commands) > 100:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            name = command.get("command", "") if isinstance(command, dict) else ""
            description = command.get("description", "") if isinstance(command, dict) else ""
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description.strip()) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        scope = self._scope_key(params)
        if scope.startswith("chat:") and int(scope.split(":")[1]) not in self.chats:
            raise bad_request("chat not found")
        self.commands[(scope, self._language_of(params))] = [
            {"command": command["command"], "description": command["description"]}
            for command in commands
        ]
        self._commands_changed(scope)
        return True

    async def _get_my_commands(self, params: Params) -> list[dict[str, str]]:
        return self.commands.get((self._scope_key(params), self._language_of(params)), [])

    async def _delete_my_commands(self, params: Params) -> bool:
        scope = self._scope_key(params)
        self.commands.pop((scope, self._language_of(params)), None)
        self._commands_changed(scope)
        return True

    def _store_file(
        self,
        kind: str,
        data: bytes,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> StoredFile:
        number = next(self._file_ids)
        extension = {
            "photo": ".jpg",
            "video": ".mp4",
            "voice": ".oga",
        }.get(kind) or (mimetypes.guess_extension(mime_type or "") or ".bin")
        width, height = _image_size(data) if kind in ("photo", "video") else (0, 0)
        stored = StoredFile(
            file_id=f"SBX{kind[:3].upper()}{number:06d}{secrets.token_urlsafe(12)}",
            file_unique_id=f"U{hashlib.sha256(data).hexdigest()[:15]}",
            kind=kind,
            data=data,
            file_path=f"{kind}s/file_{number}{extension}",
            mime_type=mime_type or mimetypes.guess_type(file_name or "")[0],
            file_name=file_name,
            width=width,
            height=height,
            duration=1 if kind in ("video", "voice") else 0,
        )
        self.files[stored.file_id] = stored
        return stored

    def _input_file(self, kind: str, value: Any, files: dict[str, Upload]) -> StoredFile:
        if isinstance(value, str) and value.startswith("attach://"):
            upload = files.get(value.removeprefix("attach://"))
            if upload is None:
                raise bad_request(f"wrong file identifier/HTTP URL specified ({value})")
            return self._upload(kind, upload)
        if isinstance(value, Upload):
            return self._upload(kind, value)
        if isinstance(value, str) and value:
            if re.match(r"^https?://", value):
                raise bad_request("failed to get HTTP URL content")
            stored = self.files.get(value)
            if stored is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            if (stored.kind == "photo") != (kind == "photo"):
                raise bad_request(f"can't use file of type {stored.kind.title()} as {kind.title()}")
            return stored
        raise bad_request(f"there is no {kind} in the request")

    def _upload(self, kind: str, upload: Upload) -> StoredFile:
        if not upload.data:
            raise bad_request("file must be non-empty")
        if len(upload.data) > UPLOAD_LIMIT:
            raise ApiError(413, "Request Entity Too Large")
        return self._store_file(
            kind, upload.data, file_name=upload.filename, mime_type=upload.content_type
        )

    def _media_sender(self, kind: str) -> Callable[[Params], Awaitable[dict[str, Any]]]:
        async def send_media(params: Params) -> dict[str, Any]:
            chat = self._writable_chat(params)
            value = params.files.get(kind) or params.raw(kind)
            stored = self._input_file(kind, value, params.files)
            caption, entities = self._formatted(
                params, "caption", "caption_entities", CAPTION_LIMIT, required=False
            )
            markup = self._markup(params, chat)
            content: dict[str, Any] = {kind: stored.as_object()}
            if caption:
                content["caption"] = caption
            if entities:
                content["caption_entities"] = entities
            return self._bot_message(chat, content, markup)

        return send_media

    async def _send_location(self, params: Params) -> dict[str, Any]:
        chat = self._writable_chat(params)
        latitude = params.number("latitude", required=True) or 0.0
        longitude = params.number("longitude", required=True) or 0.0
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise bad_request("wrong coordinates specified")
        markup = self._markup(params, chat)
        location = {"latitude": latitude, "longitude": longitude}
        return self._bot_message(chat, {"location": location}, markup)

    async def _send_media_group(self, params: Params) -> list[dict[str, Any]]:
        chat = self._writable_chat(params)
        media = params.json_value("media")
        if not isinstance(media, list) or not 2 <= len(media) <= 10:
            raise bad_request("wrong number of media in the album: from 2 to 10 are allowed")
        if not all(isinstance(item, dict) and item.get("type") for item in media):
            raise bad_request("can't parse InputMedia: media must be objects with a type")
        kinds = {item.get("type") for item in media if isinstance(item, dict)}
        if not kinds <= {"photo", "video", "document", "audio"} or (
            len(kinds) > 1 and not kinds <= {"photo", "video"}
        ):
            raise bad_request("documents and audio can't be mixed with other media in an album")
        prepared = []
        for item in media:
            kind = "document" if item["type"] == "audio" else item["type"]
            stored = self._input_file(kind, item.get("media"), params.files)
            caption_params = Params(
                {
                    "caption": item.get("caption"),
                    "parse_mode": item.get("parse_mode"),
                    "caption_entities": item.get("caption_entities"),
                }
            )
            caption, entities = self._formatted(
                caption_params, "caption", "caption_entities", CAPTION_LIMIT, required=False
            )
            prepared.append((kind, stored, caption, entities))
        group_id = str(next(self._media_groups))
        messages = []
        for kind, stored, caption, entities in prepared:
            content: dict[str, Any] = {kind: stored.as_object(), "media_group_id": group_id}
            if caption:
                content["caption"] = caption
            if entities:
                content["caption_entities"] = entities
            messages.append(self._bot_message(chat, content, None))
        return messages

    async def _copy_message(self, params: Params) -> dict[str, int]:
        source_chat = self._chat_for(params, "from_chat_id")
        source = source_chat.messages.get(params.integer("message_id", required=True) or 0)
        if source is None:
            raise bad_request("message to copy not found")
        chat = self._writable_chat(params)
        content = {
            key: source[key]
            for key in ("text", "entities", "caption", "caption_entities", "location", *MEDIA_KINDS)
            if key in source
        }
        if not content:
            raise bad_request("message can't be copied")
        if params.raw("caption") is not None:
            caption, entities = self._formatted(
                params, "caption", "caption_entities", CAPTION_LIMIT, required=False
            )
            content.pop("caption_entities", None)
            content["caption"] = caption
            if entities:
                content["caption_entities"] = entities
        markup = self._markup(params, chat)
        message = self._bot_message(chat, content, markup)
        return {"message_id": message["message_id"]}

    async def _send_chat_action(self, params: Params) -> bool:
        chat = self._writable_chat(params)
        action = params.text("action", required=True)
        self._emit(chat.person.id, "action", {"action": action})
        return True

    async def _get_file(self, params: Params) -> dict[str, Any]:
        stored = self.files.get(params.text("file_id", required=True) or "")
        if stored is None:
            raise bad_request("invalid file_id")
        if len(stored.data) > DOWNLOAD_LIMIT:
            raise bad_request("file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    def file_by_path(self, path: str) -> StoredFile | None:
        return next((f for f in self.files.values() if f.file_path == path), None)

    async def _set_webhook(self, params: Params) -> bool:
        url = params.text("url") or ""
        if not url:
            self.webhook = None
            return True
        if not re.match(r"^https?://\S+$", url):
            raise bad_request("bad webhook: Failed to resolve host: Name or service not known")
        secret = params.text("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise bad_request("secret token contains unallowed characters")
        if params.flag("drop_pending_updates"):
            self._updates.clear()
        allowed = params.json_value("allowed_updates")
        self.webhook = Webhook(
            url=url,
            secret_token=secret,
            max_connections=params.integer("max_connections") or 40,
            allowed_updates=list(allowed) if allowed else None,
        )
        self._updates_changed.fire()
        return True

    async def _delete_webhook(self, params: Params) -> bool:
        if params.flag("drop_pending_updates"):
            self._updates.clear()
        self.webhook = None
        return True

    async def _get_webhook_info(self, params: Params) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": self.webhook.url if self.webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": self.pending_update_count,
        }
        if self.webhook is not None:
            info["max_connections"] = self.webhook.max_connections
            if self.webhook.allowed_updates:
                info["allowed_updates"] = self.webhook.allowed_updates
            if self.webhook.last_error:
                info["last_error_message"] = self.webhook.last_error
                info["last_error_date"] = self.webhook.last_error_date
        return info

    # ----------------------------------------------------------------- people

    def add_person(
        self,
        first_name: str,
        *,
        person_id: int | None = None,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "ru",
        label: str | None = None,
    ) -> Person:
        if person_id is None:
            person_id = max([10_000, *self.people]) + 1
        if person_id <= 0 or person_id == self.bot_id:
            raise bad_request("a person's id must be a positive number other than the bot's")
        person = Person(
            id=person_id,
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
            label=label,
        )
        if self.limits is not None and self._blocking.random() < self.limits.blocked_share:
            person.blocked_bot = True
        self.people[person_id] = person
        if person_id in self.chats:
            self.chats[person_id].person = person
        return person

    def person(self, person_id: int) -> Person:
        person = self.people.get(person_id)
        if person is None:
            raise bad_request("no such person in the sandbox")
        return person

    def chat_of(self, person: Person) -> Chat:
        chat = self.chats.get(person.id)
        if chat is None:
            chat = self.chats[person.id] = Chat(person)
            chat.menu = resolve_menu(self.commands, person.id, person.language_code)
        return chat

    def _person_message(self, person: Person, content: dict[str, Any]) -> dict[str, Any]:
        if person.blocked_bot:
            self.set_blocked(person.id, False)
        chat = self.chat_of(person)
        message: dict[str, Any] = {
            "message_id": next(chat.message_ids),
            "from": person.as_user(),
            "chat": person.as_chat(),
            "date": int(time.time()),
            **content,
        }
        chat.messages[message["message_id"]] = message
        event = self._emit(person.id, "message", {"outgoing": True, "message": message})
        self._queue_update("message", message)
        return {**message, "event_seq": event["seq"]}

    def write(self, person_id: int, text: str) -> dict[str, Any]:
        """The person sends a text (or a /command)."""
        if not text.strip():
            raise bad_request("message text is empty")
        if len(text) > TEXT_LIMIT:
            raise bad_request("message is too long")
        content: dict[str, Any] = {"text": text}
        entities = with_detected_entities(text, [])
        if entities:
            content["entities"] = entities
        return self._person_message(self.person(person_id), content)

    def send_file(
        self,
        person_id: int,
        kind: str,
        upload: Upload,
        *,
        caption: str | None = None,
        media_group_id: str | None = None,
    ) -> dict[str, Any]:
        """The person sends a photo, video, document or voice message."""
        if kind not in MEDIA_KINDS:
            raise bad_request(f"unknown kind of file {kind}")
        person = self.person(person_id)
        stored = self._store_file(
            kind, upload.data, file_name=upload.filename, mime_type=upload.content_type
        )
        content: dict[str, Any] = {kind: stored.as_object()}
        if caption:
            content["caption"] = caption[:CAPTION_LIMIT]
        if media_group_id:
            content["media_group_id"] = media_group_id
        return self._person_message(person, content)

    def send_album(
        self, person_id: int, items: list[tuple[str, Upload]], caption: str | None = None
    ) -> list[dict[str, Any]]:
        """The person sends 2 to 10 files as one album: one update per file, one group id."""
        if not 2 <= len(items) <= 10:
            raise bad_request("an album has 2 to 10 files")
        group_id = str(next(self._media_groups))
        return [
            self.send_file(
                person_id,
                kind,
                upload,
                caption=caption if index == 0 else None,
                media_group_id=group_id,
            )
            for index, (kind, upload) in enumerate(items)
        ]

    def share_location(self, person_id: int, latitude: float, longitude: float) -> dict[str, Any]:
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise bad_request("wrong coordinates specified")
        location = {"latitude": latitude, "longitude": longitude}
        return self._person_message(self.person(person_id), {"location": location})

    def press(self, person_id: int, message_id: int, data: str) -> dict[str, Any]:
        """The person presses an inline button (any data: a modified client can forge it)."""
        person = self.person(person_id)
        chat = self.chats.get(person.id)
        message = chat.messages.get(message_id) if chat else None
        if chat is None or message is None:
            raise bad_request("message not found")
        query_id = str(next(self._callback_ids))
        self._callbacks[query_id] = PendingCallback(chat_id=person.id)
        event = self._emit(
            person.id, "press", {"callback_query_id": query_id, "message_id": message_id}
        )
        self._queue_update(
            "callback_query",
            {
                "id": query_id,
                "from": person.as_user(),
                "message": message,
                "chat_instance": chat.chat_instance,
                "data": data,
            },
        )
        return {"callback_query_id": query_id, "event_seq": event["seq"]}

    def keep_file(self, kind: str, upload: Upload) -> Any:
        """Store a file as if a person had sent it; its Bot API object, to put in an update."""
        if kind not in MEDIA_KINDS:
            raise bad_request(f"unknown kind of file {kind}")
        return self._upload(kind, upload).as_object()

    def inject(self, update: dict[str, Any], *, queue: bool = True) -> dict[str, Any]:
        """Any update, exactly as given (a modified client, or a kind of update the sandbox never
        makes itself: stickers, polls, edits, group chats, channel posts...).

        The update gets an id; a message in a known person's private chat gets that chat's next
        message id and lands in the chat (so the bot can copy it); a callback query gets an id the
        bot can answer once. Queued for the bot unless `queue` is false (a test that feeds its own
        dispatcher)."""
        update = {key: value for key, value in update.items() if key != "update_id"}
        message = update.get("message")
        if isinstance(message, dict):
            chat = message.get("chat")
            person = None
            if isinstance(chat, dict) and chat.get("type") == "private":
                person = self.people.get(chat.get("id", 0))
            if person is not None:
                target = self.chat_of(person)
                message = {**message, "message_id": next(target.message_ids)}
                target.messages[message["message_id"]] = message
                self._emit(person.id, "message", {"outgoing": True, "message": message})
                update["message"] = message
        query = update.get("callback_query")
        if isinstance(query, dict):
            sender = query.get("from")
            query = {"id": str(next(self._callback_ids)), **query}
            chat_id = sender.get("id", 0) if isinstance(sender, dict) else 0
            self._callbacks[query["id"]] = PendingCallback(chat_id=chat_id)
            update["callback_query"] = query
        if not queue:
            return {"update_id": next(self._update_ids), **update}
        kind, payload = next(iter(update.items()))
        return self._queue_update(kind, payload)

    @property
    def last_event_seq(self) -> int:
        """The newest event's number (0 before any): a cursor for `events_after`."""
        return self._event_seqs[-1] if self._event_seqs else 0

    def set_blocked(self, person_id: int, blocked: bool) -> None:
        """The person blocks or unblocks the bot; the bot gets a my_chat_member update."""
        person = self.person(person_id)
        if person.blocked_bot == blocked:
            return
        person.blocked_bot = blocked
        old, new = ("member", "kicked") if blocked else ("kicked", "member")
        self._queue_update(
            "my_chat_member",
            {
                "chat": person.as_chat(),
                "from": person.as_user(),
                "date": int(time.time()),
                "old_chat_member": {
                    "status": old,
                    "user": self.bot_user,
                    **({} if blocked else {"until_date": 0}),
                },
                "new_chat_member": {
                    "status": new,
                    "user": self.bot_user,
                    **({"until_date": 0} if blocked else {}),
                },
            },
        )

    def chat_view(self, person_id: int) -> dict[str, Any]:
        person = self.person(person_id)
        chat = self.chats.get(person_id)
        return {
            "person": person.public(),
            "messages": list(chat.messages.values()) if chat else [],
            "reply_keyboard": chat.reply_keyboard if chat else None,
            "menu": resolve_menu(self.commands, person_id, person.language_code),
            "cursor": chat.events[-1]["seq"] if chat and chat.events else 0,
        }

"""A small client of the sandbox's people-side API: tests and benchmarks act as people with it.

    client = SandboxClient(url)
    alice = await client.person("Alice", language_code="en")
    await alice.send("/start")
    greeting = await alice.reply()
    await alice.press("English")

Every wait is for an event from the sandbox (long polling), with a timeout; nothing sleeps.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp

DEFAULT_TIMEOUT = 10.0


class SandboxRefused(Exception):
    """The sandbox refused what a person tried (for example a text over 4,096 characters)."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(f"{status}: {description}")
        self.status = status
        self.description = description


@dataclass(frozen=True)
class Button:
    text: str
    callback_data: str | None
    url: str | None


@dataclass(frozen=True)
class BotMessage:
    """A message from the bot as the person sees it (after any edit)."""

    raw: dict[str, Any]
    edited: bool = False

    @property
    def message_id(self) -> int:
        return int(self.raw["message_id"])

    @property
    def text(self) -> str:
        return str(self.raw.get("text") or self.raw.get("caption") or "")

    @property
    def kind(self) -> str:
        for kind in ("text", "photo", "video", "document", "voice", "location"):
            if kind in self.raw:
                return kind
        return "other"

    @property
    def buttons(self) -> list[list[Button]]:
        rows = (self.raw.get("reply_markup") or {}).get("inline_keyboard") or []
        return [
            [Button(b["text"], b.get("callback_data"), b.get("url")) for b in row] for row in rows
        ]

    @property
    def button_texts(self) -> list[str]:
        return [button.text for row in self.buttons for button in row]

    @property
    def file_id(self) -> str | None:
        """The id of the file the bot sent in this message (a photo's largest size)."""
        if self.raw.get("photo"):
            return str(self.raw["photo"][-1]["file_id"])
        for kind in ("document", "video", "voice"):
            if kind in self.raw:
                return str(self.raw[kind]["file_id"])
        return None

    def button(self, text: str) -> Button:
        for row in self.buttons:
            for button in row:
                if button.text == text:
                    return button
        raise LookupError(f"no button {text!r} in {self.button_texts}")


class SandboxClient:
    def __init__(self, base_url: str, session: aiohttp.ClientSession | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._session = session
        self._own_session = session is None

    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        return self._session

    async def close(self) -> None:
        if self._own_session and self._session is not None:
            await self._session.close()
            self._session = None

    async def request(self, method: str, path: str, **kwargs: Any) -> Any:
        async with self.session.request(method, f"{self.base_url}{path}", **kwargs) as response:
            body = await response.json()
            if response.status != 200:
                raise SandboxRefused(response.status, body.get("description", ""))
            return body

    async def download(self, message: BotMessage) -> bytes:
        """The bytes of the file the bot sent in `message`."""
        if message.file_id is None:
            raise LookupError("the message carries no file")
        url = f"{self.base_url}/sandbox/files/{message.file_id}"
        async with self.session.get(url) as response:
            if response.status != 200:
                raise SandboxRefused(response.status, "no such file")
            return await response.read()

    async def person(
        self,
        first_name: str,
        *,
        person_id: int | None = None,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "ru",
    ) -> ChatPerson:
        """Add a person to the sandbox (or refresh one) and act as them."""
        body = await self.request(
            "POST",
            "/sandbox/api/people",
            json={
                "id": person_id,
                "first_name": first_name,
                "last_name": last_name,
                "username": username,
                "language_code": language_code,
            },
        )
        return ChatPerson(self, int(body["id"]), body)

    async def as_person(self, person_id: int) -> ChatPerson:
        people = await self.request("GET", "/sandbox/api/people")
        for person in people:
            if person["id"] == person_id:
                return ChatPerson(self, person_id, person)
        raise LookupError(f"no person {person_id} in the sandbox")


class ChatPerson:
    """One person in their private chat with the bot."""

    def __init__(self, client: SandboxClient, person_id: int, profile: dict[str, Any]) -> None:
        self.client = client
        self.id = person_id
        self.profile = profile
        self._events: list[dict[str, Any]] = []
        self._fetched = 0
        self._read: dict[str, int] = {}
        self._floor: dict[str, int] = {}

    @property
    def path(self) -> str:
        return f"/sandbox/api/chats/{self.id}"

    # ------------------------------------------------------------------ acting

    async def send(self, text: str) -> dict[str, Any]:
        """Send a text; replies counted from now on."""
        message = await self.client.request("POST", f"{self.path}/messages", json={"text": text})
        self._replies_after(message["event_seq"])
        return dict(message)

    async def ask(self, text: str, timeout: float = DEFAULT_TIMEOUT) -> BotMessage:
        """Send a text and return the bot's first reply to it."""
        await self.send(text)
        return await self.reply(timeout)

    async def send_file(
        self,
        data: bytes,
        *,
        kind: str = "document",
        filename: str = "file.bin",
        content_type: str = "application/octet-stream",
        caption: str | None = None,
    ) -> dict[str, Any]:
        form = aiohttp.FormData()
        form.add_field("kind", kind)
        if caption:
            form.add_field("caption", caption)
        form.add_field("file", data, filename=filename, content_type=content_type)
        message = await self.client.request("POST", f"{self.path}/messages", data=form)
        self._replies_after(message["event_seq"])
        return dict(message)

    async def send_album(
        self, files: list[tuple[str, bytes, str, str]], caption: str | None = None
    ) -> list[dict[str, Any]]:
        """Send (kind, data, filename, content type) items as one album."""
        form = aiohttp.FormData()
        form.add_field("kinds", json.dumps([kind for kind, *_ in files]))
        if caption:
            form.add_field("caption", caption)
        for index, (_kind, data, filename, content_type) in enumerate(files):
            form.add_field(f"file{index:02d}", data, filename=filename, content_type=content_type)
        messages = await self.client.request("POST", f"{self.path}/album", data=form)
        self._replies_after(messages[-1]["event_seq"])
        return list(messages)

    async def send_location(self, latitude: float, longitude: float) -> dict[str, Any]:
        message = await self.client.request(
            "POST", f"{self.path}/messages", json={"latitude": latitude, "longitude": longitude}
        )
        self._replies_after(message["event_seq"])
        return dict(message)

    async def press(self, text: str, message: BotMessage | None = None) -> str:
        """Press the inline button labelled `text` on `message`, or on the newest bot message
        that has such a button. Returns the callback query id."""
        if message is None:
            chat = await self.chat()
            for raw in reversed(chat["messages"]):
                candidate = BotMessage(raw)
                if raw["from"].get("is_bot") and text in candidate.button_texts:
                    message = candidate
                    break
            else:
                raise LookupError(f"no message with a button {text!r}")
        data = message.button(text).callback_data
        if data is None:
            raise LookupError(f"button {text!r} is not a callback button")
        return await self.press_data(message.message_id, data)

    async def press_data(self, message_id: int, data: str) -> str:
        """Press a button with any data, as a modified client could (forged data included)."""
        answer = await self.client.request(
            "POST", f"{self.path}/presses", json={"message_id": message_id, "data": data}
        )
        self._replies_after(answer["event_seq"])
        return str(answer["callback_query_id"])

    async def block_bot(self, blocked: bool = True) -> None:
        await self.client.request(
            "POST", f"/sandbox/api/people/{self.id}/blocked", json={"blocked": blocked}
        )

    # ------------------------------------------------------------------ seeing

    async def chat(self) -> dict[str, Any]:
        return dict(await self.client.request("GET", self.path))

    async def messages(self) -> list[BotMessage]:
        """The bot's messages in this chat, oldest first, as they are now."""
        chat = await self.chat()
        return [BotMessage(raw) for raw in chat["messages"] if raw["from"].get("is_bot")]

    async def menu(self) -> list[tuple[str, str]]:
        """The command menu this person's Telegram app would show."""
        chat = await self.chat()
        return [(item["command"], item["description"]) for item in chat["menu"]]

    async def reply(self, timeout: float = DEFAULT_TIMEOUT) -> BotMessage:
        """The next new or edited bot message since the person's last action."""
        event = await self._next(
            "messages",
            lambda e: (e["kind"] == "message" and not e["outgoing"]) or e["kind"] == "edit",
            timeout,
        )
        return BotMessage(event["message"], edited=event["kind"] == "edit")

    async def reply_where(
        self, predicate: Callable[[BotMessage], bool], timeout: float = DEFAULT_TIMEOUT
    ) -> BotMessage:
        """The next new or edited bot message that satisfies `predicate`."""
        while True:
            message = await self.reply(timeout)
            if predicate(message):
                return message

    async def callback_answer(self, timeout: float = DEFAULT_TIMEOUT) -> dict[str, Any]:
        """The bot's answer to the person's last button press (the toast or alert)."""
        return await self._next("answers", lambda e: e["kind"] == "callback_answer", timeout)

    async def menu_change(
        self,
        predicate: Callable[[list[tuple[str, str]]], bool],
        timeout: float = DEFAULT_TIMEOUT,
    ) -> list[tuple[str, str]]:
        """Wait until this person's menu satisfies `predicate`; return it."""
        current = await self.menu()
        if predicate(current):
            return current
        while True:
            event = await self._next("menu", lambda e: e["kind"] == "menu", timeout)
            menu = [(item["command"], item["description"]) for item in event["commands"]]
            if predicate(menu):
                return menu

    # ------------------------------------------------------------------ events

    def _replies_after(self, seq: int) -> None:
        for stream in ("messages", "answers"):
            self._floor[stream] = seq

    async def _next(
        self, stream: str, wanted: Callable[[dict[str, Any]], bool], timeout: float
    ) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        index = self._read.get(stream, 0)
        while True:
            while index < len(self._events):
                event = self._events[index]
                index += 1
                if event["seq"] > self._floor.get(stream, 0) and wanted(event):
                    self._read[stream] = index
                    return event
            self._read[stream] = index
            remaining = deadline - loop.time()
            if remaining <= 0:
                recent = [
                    (e["kind"], (e.get("message") or {}).get("text")) for e in self._events[-5:]
                ]
                raise TimeoutError(
                    f"person {self.id}: nothing on {stream!r} within {timeout}s; "
                    f"last events: {recent}"
                )
            body = await self.client.request(
                "GET",
                f"{self.path}/events",
                params={"after": self._fetched, "timeout": f"{min(remaining, 25):.2f}"},
            )
            self._events.extend(body["events"])
            self._fetched = body["cursor"]

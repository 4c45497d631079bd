"""Steps of a tipster through the sandbox: writing and sending a report, as a person does it."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.sandbox.client import BotMessage, ChatPerson

DESCRIPTION = "The head of the land department asked for 500,000 tenge to register a plot."


def png(width: int = 4, height: int = 4, shade: int = 0) -> bytes:
    """A small valid PNG image (each `shade` gives different bytes, so a different file)."""
    row = b"\x00" + bytes((shade % 256, 80, 160)) * width
    raw = row * height

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Report:
    """What a test tipster reports; the defaults make a complete, valid tip (English texts)."""

    category: str = "Bribery or extortion"
    region: str = "Almaty"
    body: str = "Almaty city akimat, land department"
    description: str = DESCRIPTION
    when: str = "Today"
    address: str | None = "Abylai Khan avenue 10"
    album: int = 0
    documents: list[tuple[str, bytes, str]] = field(default_factory=list)
    identity: str = "🔒 Confidential"


async def question(person: ChatPerson, step: int) -> BotMessage:
    return await person.reply_where(lambda m: f"Step {step} of 8" in m.text)


def attached_count(count: int) -> Callable[[BotMessage], bool]:
    return lambda message: f"{count} file" in message.text


async def write_report(person: ChatPerson, report: Report) -> BotMessage:
    """Answer every step up to the summary; return the summary."""
    await person.send("/report")
    await question(person, 1)
    await person.press(report.category)
    await question(person, 2)
    await person.press(report.region)
    await question(person, 3)
    await person.send(report.body)
    await question(person, 4)
    await person.send(report.description)
    await question(person, 5)
    await person.press(report.when)
    await question(person, 6)
    if report.address is None:
        await person.press("Skip →")
    else:
        await person.send(report.address)
    await question(person, 7)
    attached = 0
    if report.album:
        files = [("photo", png(shade=i), f"p{i}.png", "image/png") for i in range(report.album)]
        await person.send_album(files)
        attached += report.album
        await person.reply_where(lambda m: f"{attached} files attached" in m.text)
    for name, data, content_type in report.documents:
        await person.send_file(data, kind="document", filename=name, content_type=content_type)
        attached += 1
        await person.reply_where(attached_count(attached))
    await person.press("✓ Done" if attached else "Skip →")
    await question(person, 8)
    await person.press(report.identity)
    return await person.reply_where(lambda m: "Check your report" in m.text)


async def send_report(person: ChatPerson, report: Report) -> BotMessage:
    """Write the report and press Send; return the bot's answer (with the tip's number)."""
    summary = await write_report(person, report)
    await person.press("✅ Send", summary)
    return await person.reply_where(lambda m: "Thank you" in m.text)


def tip_number(answer: BotMessage) -> int:
    text = answer.text
    start = text.index("#") + 1
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    return int(text[start:end])

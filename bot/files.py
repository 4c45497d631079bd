"""Files as the bot receives them: downloaded once through the Bot API to fix their SHA-256."""

from __future__ import annotations

import hashlib

from aiogram import Bot


class _HashingSink:
    """A write-only destination for `Bot.download` that keeps only the digest and the size."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, chunk: bytes) -> int:
        self.digest.update(chunk)
        self.size += len(chunk)
        return len(chunk)

    def flush(self) -> None:
        return None


async def sha256_of(bot: Bot, file_id: str) -> str:
    """The SHA-256 (hex) of the file Telegram holds under `file_id`."""
    sink = _HashingSink()
    await bot.download(file_id, destination=sink, seek=False)  # type: ignore[arg-type]
    return sink.digest.hexdigest()

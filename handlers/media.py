"""Files people send, as the workflows see them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from aiogram.types import CallbackQuery, Message

from roles.tips import Evidence


def evidence_of(message: Message) -> Evidence | None:
    """The photo (its largest size), video, document or voice message of `message`; None for
    anything else (an audio track, a sticker, a round video...)."""
    album = message.media_group_id
    if message.photo:
        photo = message.photo[-1]
        return Evidence(
            "photo", photo.file_id, photo.file_unique_id, photo.file_size, "image/jpeg", None, album
        )
    for kind in ("video", "document", "voice"):
        item = getattr(message, kind)
        if item is not None:
            return Evidence(
                kind,
                item.file_id,
                item.file_unique_id,
                item.file_size,
                item.mime_type,
                getattr(item, "file_name", None),
                album,
            )
    return None


class StoredFile(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def file_id(self) -> str | None: ...


async def send_files(
    query: CallbackQuery, files: Sequence[StoredFile], captions: list[str]
) -> None:
    """Send files again by their Telegram file ids, each with its caption, below the message
    whose button asked for them."""
    await query.answer()
    message = query.message
    if not isinstance(message, Message):
        return
    for item, caption in zip(files, captions, strict=True):
        if not item.file_id:
            continue
        if item.kind == "photo":
            await message.answer_photo(item.file_id, caption=caption)
        elif item.kind == "video":
            await message.answer_video(item.file_id, caption=caption)
        elif item.kind == "voice":
            await message.answer_voice(item.file_id, caption=caption)
        else:
            await message.answer_document(item.file_id, caption=caption)

"""Files people send, as the workflows see them."""

from __future__ import annotations

from aiogram.types import Message

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

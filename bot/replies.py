"""Answering whatever the person did: a message gets a message, a button press gets an alert."""

from __future__ import annotations

import contextlib
from typing import Any

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, Update

Answer = Message | CallbackQuery
"""What a handler answers: a message, or a press of a button."""


async def tell(update: Update, text: str) -> None:
    """Answer the update's person with `text`, the way that fits the kind of update."""
    if update.message is not None:
        await update.message.answer(text)
    elif update.callback_query is not None:
        await update.callback_query.answer(text, show_alert=True)


async def replace(
    query: CallbackQuery, text: str, reply_markup: InlineKeyboardMarkup | None = None
) -> None:
    """Show `text` in place of the message whose button was pressed (a new message when that
    one can no longer be edited), then answer the press so the button stops spinning: the
    person sees the answer one round trip sooner than when the press is answered first."""
    message = query.message
    shown = False
    if isinstance(message, Message):
        try:
            await message.edit_text(text, reply_markup=reply_markup)
            shown = True
        except TelegramBadRequest as error:
            shown = "message is not modified" in str(error)
    if not shown and query.bot is not None:
        await query.bot.send_message(query.from_user.id, text, reply_markup=reply_markup)
    await query.answer()


async def show(target: Answer, text: str, **kwargs: Any) -> None:
    """The next step of a conversation: a new message after a text, in place after a button."""
    if isinstance(target, CallbackQuery):
        await replace(target, text, **kwargs)
    else:
        await target.answer(text, **kwargs)


async def retire_buttons(query: CallbackQuery, notice: str) -> None:
    """A button of a conversation that has already ended: say so briefly and take the old
    buttons away, leaving the message's text as it was."""
    await query.answer(notice)
    if isinstance(query.message, Message) and query.message.reply_markup is not None:
        with contextlib.suppress(TelegramBadRequest):
            await query.message.edit_reply_markup(reply_markup=None)


MESSAGE_LIMIT = 4096


def split_lines(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split a long text at line ends into pieces Telegram accepts (each line stays whole HTML)."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        while len(line) > limit:
            pieces.append(line[:limit])
            line = line[limit:]
        current = line
    if current:
        pieces.append(current)
    return pieces


async def answer_long(message: Message, text: str) -> None:
    for piece in split_lines(text):
        await message.answer(piece)

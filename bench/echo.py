"""A bare aiogram echo bot, the yardstick of the updates benchmark: stock aiogram, nothing of
the project; every message and every button press is answered with one message carrying one
button, and nothing else happens.

    BOT_TOKEN=... BOT_API_BASE_URL=http://127.0.0.1:PORT python -m bench.echo
"""

from __future__ import annotations

import asyncio
import os

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

NEXT = InlineKeyboardMarkup(
    inline_keyboard=[[InlineKeyboardButton(text="Next", callback_data="next")]]
)


def build_echo_dispatcher() -> Dispatcher:
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "?", reply_markup=NEXT)

    @dispatcher.callback_query()
    async def pressed(query: CallbackQuery) -> None:
        await query.answer()
        if query.message is not None:
            await query.message.answer(query.data or "?", reply_markup=NEXT)

    return dispatcher


async def main() -> None:
    session = AiohttpSession(api=TelegramAPIServer.from_base(os.environ["BOT_API_BASE_URL"]))
    bot = Bot(os.environ["BOT_TOKEN"], session=session)
    await build_echo_dispatcher().start_polling(bot)


if __name__ == "__main__":
    asyncio.run(main())

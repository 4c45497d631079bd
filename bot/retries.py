"""One retry policy for the Bot API calls of answers, menus and the outbox.

Telegram has no idempotent send. A call is repeated only when it surely did not take effect:
429 (Telegram asks to wait), 5xx (Telegram failed it), or a connection that never opened. A call
that may have reached Telegram (a timeout, a connection dropped mid-way) is repeated only when
repeating it changes nothing (an edit, a menu, a callback answer, a read); a send is not, so a
person is never sent one message twice. Who asked decides what that means: an answer ends in the
errors router's apology, the outbox records the message as unconfirmed, the broadcaster (its own
client, its own pacing) counts it as unconfirmed.
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import GetUpdates, Response, TelegramMethod

log = logging.getLogger(__name__)

NEW_MESSAGE_METHODS = frozenset(
    {"CopyMessage", "CopyMessages", "ForwardMessage", "ForwardMessages"}
)
"""Besides every Send…: the calls that put a new message in a chat, so cannot be repeated."""


def never_left(error: TelegramNetworkError) -> bool:
    """The request could not even be made (no connection): Telegram surely has not got it."""
    return isinstance(error.__cause__, aiohttp.ClientConnectorError)


def adds_a_message(method: TelegramMethod[Any]) -> bool:
    name = type(method).__name__
    return name.startswith("Send") or name in NEW_MESSAGE_METHODS


@dataclass(frozen=True)
class RetryPolicy:
    tries: int = 5
    first_pause: float = 0.25
    longest_pause: float = 8.0
    budget: float = 20.0
    """Seconds of pauses at most, over all tries of one call."""
    longest_retry_after: float = 30.0
    """A 429 asking to wait longer than this is not waited out."""

    def pause(self, attempt: int) -> float:
        """Exponential back-off with jitter: about first_pause * 2^(attempt-1), ±50 %."""
        base: float = min(self.first_pause * 2 ** (attempt - 1), self.longest_pause)
        return base * (0.5 + random.random())


class RetryTransient(BaseRequestMiddleware):
    """A session middleware that repeats what failed for a passing reason (see the module)."""

    def __init__(self, policy: RetryPolicy | None = None) -> None:
        self.policy = policy or RetryPolicy()

    async def __call__(
        self, make_request: NextRequestMiddlewareType[Any], bot: Bot, method: TelegramMethod[Any]
    ) -> Response[Any]:
        if isinstance(method, GetUpdates):  # aiogram's polling loop has its own back-off
            return await make_request(bot, method)
        policy = self.policy
        waited = 0.0
        reason: TelegramAPIError
        for attempt in range(1, policy.tries + 1):
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                if error.retry_after > policy.longest_retry_after:
                    raise
                wait, reason = float(error.retry_after), error
            except TelegramServerError as error:
                wait, reason = policy.pause(attempt), error
            except TelegramNetworkError as error:
                if adds_a_message(method) and not never_left(error):
                    raise  # it may have arrived: a second one could be a duplicate
                wait, reason = policy.pause(attempt), error
            if attempt == policy.tries or waited + wait > policy.budget:
                raise reason
            waited += wait
            log.info("%s failed (%s); trying again in %.1f s", type(method).__name__, reason, wait)
            await asyncio.sleep(wait)
        raise AssertionError("unreachable")

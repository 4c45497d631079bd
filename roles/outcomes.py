"""The outcomes channel: an anonymised one-paragraph summary, posted when a tip is resolved or
an appeal is answered or goes overdue. Nothing in it names or points to a tipster: no text of the
tip, no place, no number, no handler; only what was done, about which body, where and how fast."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from db.store import Store


async def announce(
    tx: Store, channel: int | None, kind: str, payload: dict[str, Any], now: datetime
) -> None:
    """Queue a post for the channel (nothing when no channel is set), in the caller's
    transaction, so the post goes out exactly when what it reports is committed."""
    if channel is None:
        return
    await tx.outbox.put_to_chat(channel, f"outcome_{kind}", payload, now)

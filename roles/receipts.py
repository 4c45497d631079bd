"""Receipt codes of anonymous tips.

A code is 24 characters of Crockford's base32 (120 random bits), shown as six groups of four:
the first 8 characters name the tip (stored as they are, so a look-up finds the row at once),
the other 16 are a secret stored only as an Argon2id hash. A wrong code costs the same work
whether or not its first part names a tip, and gets the same answer.

After a right code, the person may answer on that tip for a while. That permission lives only in
this process's memory (`ReceiptSessions`), never in the store: the store must hold no link
between an account and an anonymous tip.
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LOOKUP_LENGTH = 8
SECRET_LENGTH = 16
CODE_LENGTH = LOOKUP_LENGTH + SECRET_LENGTH
GROUP = 4
_READS_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})

_hasher = PasswordHasher()
_UNUSED_HASH = _hasher.hash(secrets.token_hex(16))
"""Checked against when a code names no tip, so that both cases take the same time."""


@dataclass(frozen=True)
class ReceiptCode:
    lookup: str
    secret: str

    @property
    def text(self) -> str:
        whole = self.lookup + self.secret
        return "-".join(whole[i : i + GROUP] for i in range(0, len(whole), GROUP))


def new_code() -> ReceiptCode:
    characters = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return ReceiptCode(characters[:LOOKUP_LENGTH], characters[LOOKUP_LENGTH:])


def parse_code(text: str) -> ReceiptCode | None:
    """A code as a person may type it: any case, with or without dashes and spaces, O for 0."""
    compact = "".join(text.split()).replace("-", "").upper().translate(_READS_AS)
    if len(compact) != CODE_LENGTH or any(char not in ALPHABET for char in compact):
        return None
    return ReceiptCode(compact[:LOOKUP_LENGTH], compact[LOOKUP_LENGTH:])


def looks_like_code(text: str) -> bool:
    return parse_code(text) is not None


async def hash_secret(code: ReceiptCode) -> str:
    return await asyncio.to_thread(_hasher.hash, code.secret)


async def secret_matches(code: ReceiptCode, stored_hash: str | None) -> bool:
    def verify() -> bool:
        try:
            return _hasher.verify(stored_hash or _UNUSED_HASH, code.secret) and (
                stored_hash is not None
            )
        except (VerificationError, InvalidHashError):
            return False

    return await asyncio.to_thread(verify)


class ReceiptSessions:
    """Which anonymous tip a person opened with its code, for `lifetime`, in memory only."""

    def __init__(self, lifetime: timedelta = timedelta(minutes=30)) -> None:
        self.lifetime = lifetime
        self._open: dict[int, tuple[int, datetime]] = {}

    def open(self, user_id: int, tip_id: int, now: datetime) -> None:
        self._forget_expired(now)
        self._open[user_id] = (tip_id, now + self.lifetime)

    def tip_of(self, user_id: int, now: datetime) -> int | None:
        entry = self._open.get(user_id)
        if entry is None or entry[1] <= now:
            self._open.pop(user_id, None)
            return None
        return entry[0]

    def close(self, user_id: int) -> None:
        self._open.pop(user_id, None)

    def _forget_expired(self, now: datetime) -> None:
        for user_id in [key for key, (_, until) in self._open.items() if until <= now]:
            del self._open[user_id]

"""Receipt codes of anonymous tips.

A code is 24 characters of Crockford's base32 (120 random bits), shown as six groups of four:
the first 8 characters name the tip (stored as they are, so a look-up finds the row at once),
the other 16 are a secret stored only as an Argon2id hash. A wrong code costs the same work
whether or not its first part names a tip, and gets the same answer.

After a right code, the person may answer on that tip for a while (a receipt session). With one
instance the session lives only in this process's memory (`MemoryReceiptSessions`), so the store
holds no link between an account and an anonymous tip. Several instances behind one address
share it through the store (`SealedReceiptSessions`), in rows that name neither the account nor
the tip without a secret the database does not have.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from db.store import Store

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


SESSION_LIFETIME = timedelta(minutes=30)


class ReceiptSessions(Protocol):
    """Which anonymous tip a person opened with its code, for a while."""

    async def open(self, user_id: int, tip_id: int, now: datetime) -> None: ...

    async def tip_of(self, user_id: int, now: datetime) -> int | None: ...

    async def forget_expired(self, now: datetime) -> None: ...


class MemoryReceiptSessions:
    """Sessions in this process's memory only: nothing reaches the store, and another instance
    (or this one after a restart) asks for the code again."""

    def __init__(self, lifetime: timedelta = SESSION_LIFETIME) -> None:
        self.lifetime = lifetime
        self._open: dict[int, tuple[int, datetime]] = {}

    async def open(self, user_id: int, tip_id: int, now: datetime) -> None:
        await self.forget_expired(now)
        self._open[user_id] = (tip_id, now + self.lifetime)

    async def tip_of(self, user_id: int, now: datetime) -> int | None:
        entry = self._open.get(user_id)
        if entry is None or entry[1] <= now:
            self._open.pop(user_id, None)
            return None
        return entry[0]

    async def forget_expired(self, now: datetime) -> None:
        for user_id in [key for key, (_, until) in self._open.items() if until <= now]:
            del self._open[user_id]


class SealedReceiptSessions:
    """Sessions in the store, readable only with `secret` (RECEIPT_SESSIONS_SECRET), which the
    database never holds. A row's key is HMAC-SHA256(secret, account); the tip's number is
    encrypted with an HMAC-SHA256 key stream under a random nonce and authenticated with an
    HMAC tag, so a copy of the database tells neither who opened a tip nor which one, and a row
    moved to another account no longer opens. Expired rows are deleted."""

    def __init__(self, store: Store, secret: str, lifetime: timedelta = SESSION_LIFETIME) -> None:
        self.store = store
        self.lifetime = lifetime
        master = secret.encode()
        self._account_key = hmac.digest(master, b"acf receipt session account", hashlib.sha256)
        self._seal_key = hmac.digest(master, b"acf receipt session seal", hashlib.sha256)

    def _account(self, user_id: int) -> bytes:
        return hmac.digest(self._account_key, str(user_id).encode(), hashlib.sha256)

    def _pad(self, account: bytes, nonce: bytes) -> bytes:
        return hmac.digest(self._seal_key, b"pad" + account + nonce, hashlib.sha256)[:8]

    def _tag(self, account: bytes, nonce: bytes, cipher: bytes) -> bytes:
        return hmac.digest(self._seal_key, b"tag" + account + nonce + cipher, hashlib.sha256)[:8]

    async def open(self, user_id: int, tip_id: int, now: datetime) -> None:
        account, nonce = self._account(user_id), secrets.token_bytes(16)
        plain = tip_id.to_bytes(8, "big")
        cipher = bytes(a ^ b for a, b in zip(plain, self._pad(account, nonce), strict=True))
        sealed = cipher + self._tag(account, nonce, cipher)
        await self.store.receipt_sessions.put(account, nonce, sealed, now + self.lifetime)
        await self.forget_expired(now)

    async def tip_of(self, user_id: int, now: datetime) -> int | None:
        account = self._account(user_id)
        row = await self.store.receipt_sessions.get(account, now)
        if row is None:
            return None
        nonce, sealed = row
        cipher, tag = sealed[:8], sealed[8:]
        if not hmac.compare_digest(tag, self._tag(account, nonce, cipher)):
            return None
        plain = bytes(a ^ b for a, b in zip(cipher, self._pad(account, nonce), strict=True))
        return int.from_bytes(plain, "big")

    async def forget_expired(self, now: datetime) -> None:
        await self.store.receipt_sessions.forget_expired(now)


def receipt_sessions(store: Store, secret: str | None) -> ReceiptSessions:
    """Shared, sealed sessions when the instances have a secret; otherwise this process's."""
    if secret is None:
        return MemoryReceiptSessions()
    return SealedReceiptSessions(store, secret)

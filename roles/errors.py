"""Typed refusals. Each carries the locales/ key of its text; one error handler in bot/ turns it
into a localised answer, so no handler formats an error by hand."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    key = "error-generic"

    def __init__(self, key: str | None = None, /, **fields: Any) -> None:
        self.key = key or type(self).key
        self.fields = fields
        super().__init__(self.key, fields)


class NotAllowed(DomainError):
    """The person lacks the role or permission, or holds it for another region."""

    key = "error-not-allowed"


class InvalidInput(DomainError):
    """What the person sent cannot be used; nothing was changed."""

    key = "error-invalid-input"


class NotFound(DomainError):
    """The thing asked for does not exist, or the person may not know that it does."""

    key = "error-not-found"

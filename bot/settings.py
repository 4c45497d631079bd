"""Settings from the environment and `.env`, validated once at start.

A wrong or missing setting becomes a `SettingsError` carrying one sentence that names the
setting; `bot.cli` prints it and exits non-zero instead of showing a traceback.
"""

from __future__ import annotations

import os
import re
import socket
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from roles.appeals import AppealRules
from roles.clock import QuietHours
from roles.tips import TipRules

Language = Literal["ru", "kk", "en"]
LANGUAGES: tuple[Language, ...] = ("ru", "kk", "en")

TOKEN_PATTERN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{1,100}$")
WEBHOOK_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class SettingsError(Exception):
    """A setting is wrong or missing; the message is one sentence naming it."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="forbid",
        case_sensitive=False,
        hide_input_in_errors=True,
    )

    bot_token: SecretStr | None = None
    bot_api_base_url: str | None = None
    database_url: SecretStr | None = None
    embedded_postgres_dir: Path = Path(".data/postgres")
    database_pool_size: int = Field(default=10, ge=8, le=100)
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    web_host: str = "127.0.0.1"
    web_port: int = Field(default=8088, ge=0, le=65535)
    coordinator_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    default_language: Language = "ru"
    timezone: str = "Asia/Almaty"
    sandbox_host: str = "127.0.0.1"
    sandbox_port: int = Field(default=8080, ge=0, le=65535)
    tips_per_day: int = Field(default=5, ge=1, le=1000)
    follow_up_days: int = Field(default=14, ge=1, le=365)
    flood_burst: int = Field(default=20, ge=5, le=1000)
    flood_per_minute: int = Field(default=60, ge=5, le=6000)
    unclaimed_hours: int = Field(default=24, ge=1, le=24 * 30)
    quiet_hours: str = "22:00-08:00"
    broadcast_rate: float = Field(default=25.0, gt=0, le=1000)
    retention_days: int = Field(default=365, ge=30, le=3650)
    outcomes_channel_id: int | None = None
    sandbox_limits: bool = False
    sandbox_global_rate: float = Field(default=30.0, gt=0, le=10000)
    sandbox_chat_rate: float = Field(default=1.0, gt=0, le=100)
    sandbox_blocked_share: float = Field(default=0.0, ge=0, le=1)
    appeal_answer_working_days: int = Field(default=15, ge=1, le=90)
    receipt_sessions_secret: SecretStr | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @field_validator(
        "bot_token", "database_url", "webhook_secret", "receipt_sessions_secret", mode="before"
    )
    @classmethod
    def _blank_secret_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("bot_api_base_url", "webhook_url", mode="before")
    @classmethod
    def _blank_url_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not TOKEN_PATTERN.match(value.get_secret_value()):
            raise ValueError("it must look like 123456789:AAE-token-from-BotFather")
        return value

    @field_validator("bot_api_base_url", "webhook_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s/]+(/\S*)?$", value):
            raise ValueError("it must be an http:// or https:// address")
        return value.rstrip("/") if value else value

    @field_validator("database_url")
    @classmethod
    def _postgres_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not re.match(r"^postgres(ql)?://", value.get_secret_value()):
            raise ValueError("it must start with postgresql://")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not WEBHOOK_SECRET_PATTERN.match(value.get_secret_value()):
            raise ValueError("it must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @field_validator("receipt_sessions_secret")
    @classmethod
    def _long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 32:
            raise ValueError("it must be at least 32 characters, e.g. from openssl rand -hex 32")
        return value

    @field_validator("coordinator_ids", mode="before")
    @classmethod
    def _comma_separated_ids(cls, value: Any) -> Any:
        if isinstance(value, int):
            return [value]
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            if not all(re.fullmatch(r"\d{1,20}", part) for part in parts):
                raise ValueError("it must be Telegram ids separated by commas, like 123,456")
            return [int(part) for part in parts]
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not a known time zone such as Asia/Almaty") from None
        return value

    @field_validator("quiet_hours")
    @classmethod
    def _quiet_hours_shape(cls, value: str) -> str:
        try:
            QuietHours.parse(value, ZoneInfo("UTC"))
        except ValueError:
            raise ValueError("it must be local hours such as 22:00-08:00, or off") from None
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        if self.bot_api_base_url and self.bot_token is None:
            raise ValueError("BOT_TOKEN is missing: it is required when BOT_API_BASE_URL is set")
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET is missing: it is required when WEBHOOK_URL is set")
        return self

    @property
    def sandbox(self) -> bool:
        """No token: the bot talks to the built-in sandbox Bot API server."""
        return self.bot_token is None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def rules(self) -> TipRules:
        """The settings the workflows follow."""
        return TipRules(
            daily_limit=self.tips_per_day,
            follow_up_after=timedelta(days=self.follow_up_days),
            zone=self.zone,
            unclaimed_after=timedelta(hours=self.unclaimed_hours),
            quiet_hours=QuietHours.parse(self.quiet_hours, self.zone),
            outcomes_channel=self.outcomes_channel_id,
        )

    @property
    def appeal_rules(self) -> AppealRules:
        """How long a state body has to answer an appeal."""
        return AppealRules(
            answer_working_days=self.appeal_answer_working_days,
            zone=self.zone,
            outcomes_channel=self.outcomes_channel_id,
        )


def unusable_address(prefix: str, host: str, port: int, error: OSError) -> SettingsError:
    """A server could not listen where `<prefix>_HOST` and `<prefix>_PORT` say."""
    if isinstance(error, socket.gaierror):
        return SettingsError(f"Setting {prefix}_HOST is wrong: '{host}' is not a known address.")
    reason = os.strerror(error.errno).lower() if error.errno else str(error)
    return SettingsError(
        f"Setting {prefix}_PORT is wrong: {host}:{port} cannot be used ({reason})."
    )


def load_settings(**overrides: Any) -> Settings:
    """Read the settings or raise `SettingsError` with one sentence naming the setting."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        raise SettingsError(describe(error)) from None


def describe(error: ValidationError) -> str:
    first = error.errors(include_url=False, include_input=False)[0]
    reason = str(first.get("msg", "is not valid"))
    reason = reason.removeprefix("Value error, ")
    location = first.get("loc") or ()
    if not location:
        return f"Setting {reason}."
    name = str(location[0]).upper()
    if first.get("type") == "missing":
        return f"Setting {name} is missing."
    if first.get("type") == "extra_forbidden":
        return f"Setting {name} is not a setting of this bot: check its spelling in .env."
    return f"Setting {name} is wrong: {reason[:1].lower() + reason[1:]}."

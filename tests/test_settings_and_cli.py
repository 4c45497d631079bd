"""Settings errors end the program with one sentence naming the setting; the shell commands
migrate and manage roles, audited."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings
from db.store import Store
from tests.helpers import SETTING_NAMES, new_telegram_id, start_bot


async def run_bot(cwd: Path, *args: str, **env: str) -> tuple[int, str, str]:
    """Run `python -m bot ARGS` to its end; its exit code, output and errors."""
    process = await start_bot(cwd, *args, **env)
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


@pytest.mark.parametrize(
    ("environment", "sentence"),
    [
        (
            {"TIMEZONE": "Mars/Olympus"},
            "Setting TIMEZONE is wrong: 'Mars/Olympus' is not a known time zone such as "
            "Asia/Almaty.",
        ),
        (
            {"WEBHOOK_URL": "https://bot.example.org/webhook"},
            "Setting WEBHOOK_SECRET is missing: it is required when WEBHOOK_URL is set.",
        ),
        (
            {"BOT_API_BASE_URL": "http://127.0.0.1:8081"},
            "Setting BOT_TOKEN is missing: it is required when BOT_API_BASE_URL is set.",
        ),
        (
            {"BOT_TOKEN": "not-a-token"},
            "Setting BOT_TOKEN is wrong: it must look like 123456789:AAE-token-from-BotFather.",
        ),
        (
            {"DEFAULT_LANGUAGE": "de"},
            "Setting DEFAULT_LANGUAGE is wrong: input should be 'ru', 'kk' or 'en'.",
        ),
        (
            {"COORDINATOR_IDS": "12, abc"},
            "Setting COORDINATOR_IDS is wrong: it must be Telegram ids separated by commas, "
            "like 123,456.",
        ),
        (
            {"WEB_PORT": "70000"},
            "Setting WEB_PORT is wrong: input should be less than or equal to 65535.",
        ),
        (
            {"DATABASE_URL": "mysql://localhost/db"},
            "Setting DATABASE_URL is wrong: it must start with postgresql://.",
        ),
        (
            {"QUIET_HOURS": "22:00+05:00-08:00"},
            "Setting QUIET_HOURS is wrong: it must be local hours such as 22:00-08:00, or off.",
        ),
        (
            {"RECEIPT_SESSIONS_SECRET": "too-short"},
            "Setting RECEIPT_SESSIONS_SECRET is wrong: it must be at least 32 characters, "
            "e.g. from openssl rand -hex 32.",
        ),
    ],
)
async def test_a_bad_setting_ends_the_program_with_one_sentence(
    tmp_path: Path, environment: dict[str, str], sentence: str
) -> None:
    code, stdout, stderr = await run_bot(tmp_path, **environment)
    assert code == 2
    assert stderr.strip() == sentence
    assert "Traceback" not in stderr
    assert stdout == ""


async def test_an_unreachable_database_is_a_wrong_database_url(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    url = f"postgresql://postgres:s3cret-password@127.0.0.1:{closed_port}/nothing"
    code, _, stderr = await run_bot(tmp_path, "migrate", DATABASE_URL=url)
    assert code == 2
    assert stderr.startswith("Setting DATABASE_URL is wrong: the database cannot be reached (")
    assert stderr.count("\n") == 1
    assert "s3cret-password" not in stderr


def test_settings_come_from_a_dotenv_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
    (tmp_path / ".env").write_text(
        "BOT_TOKEN=123456:ABC-def_ghi\nCOORDINATOR_IDS=5, 7\nTIMEZONE=Asia/Aqtobe\n"
        "WEBHOOK_URL=https://bot.example.org/hook/\nWEBHOOK_SECRET=s3cr3t\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.coordinator_ids == [5, 7]
    assert settings.zone.key == "Asia/Aqtobe"
    assert settings.webhook_url == "https://bot.example.org/hook"
    assert not settings.sandbox
    assert "ABC-def_ghi" not in repr(settings)
    assert "s3cr3t" not in repr(settings)

    monkeypatch.setenv("TIMEZONE", "Nowhere/Land")
    with pytest.raises(SettingsError, match=r"^Setting TIMEZONE is wrong"):
        load_settings()

    monkeypatch.delenv("TIMEZONE")
    (tmp_path / ".env").write_text("TIME_ZONE=Asia/Almaty\n", encoding="utf-8")
    with pytest.raises(SettingsError) as misspelt:
        load_settings()
    assert str(misspelt.value) == (
        "Setting TIME_ZONE is not a setting of this bot: check its spelling in .env."
    )


async def test_migrate_from_the_shell_is_idempotent(tmp_path: Path, database_url: str) -> None:
    first, _, _ = await run_bot(tmp_path, "migrate", DATABASE_URL=database_url)
    code, stdout, _ = await run_bot(tmp_path, "migrate", DATABASE_URL=database_url)
    assert (first, code) == (0, 0)
    assert stdout.strip() == "The database is up to date."


async def test_grant_and_revoke_from_the_shell_are_audited(
    tmp_path: Path, database_url: str, store: Store
) -> None:
    telegram_id = new_telegram_id()

    code, stdout, _ = await run_bot(
        tmp_path, "grant", str(telegram_id), "commissar", "--region", "pav",
        DATABASE_URL=database_url,
    )  # fmt: skip
    assert code == 0
    assert stdout.startswith(f"Granted commissar (PAV) for Telegram id {telegram_id}.")
    row = await store.users.by_telegram_id(telegram_id)
    assert row is not None
    assert [(g.role, g.region_code) for g in row.grants] == [("commissar", "PAV")]
    granted = await store.audit.entries(action="role.grant", object_id=str(row.id))
    assert [(e.actor_kind, e.actor_user_id, e.details["via"]) for e in granted] == [
        ("shell", None, "shell")
    ]

    code, stdout, stderr = await run_bot(
        tmp_path, "grant", str(telegram_id), "commissar", DATABASE_URL=database_url
    )
    assert code == 1
    assert stderr.strip() == "A commissar always works in a region: choose one."

    code, stdout, stderr = await run_bot(
        tmp_path, "grant", str(telegram_id), "commissar", "--region", "XX",
        DATABASE_URL=database_url,
    )  # fmt: skip
    assert code == 1
    assert stderr.strip() == "There is no region “XX”."

    code, _, stderr = await run_bot(tmp_path, "grant", str(telegram_id), "king")
    assert code == 2
    assert "invalid choice: 'king'" in stderr

    code, stdout, _ = await run_bot(
        tmp_path, "revoke", str(telegram_id), "commissar", DATABASE_URL=database_url
    )
    assert code == 0
    assert stdout.startswith(f"Revoked commissar (PAV) for Telegram id {telegram_id}.")
    row = await store.users.by_telegram_id(telegram_id)
    assert row is not None and row.grants == ()
    revoked = await store.audit.entries(action="role.revoke", object_id=str(row.id))
    assert [(e.actor_kind, e.details["region"]) for e in revoked] == [("shell", "PAV")]


async def test_a_port_in_use_is_a_wrong_setting(tmp_path: Path, database_url: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, stderr = await run_bot(
            tmp_path, DATABASE_URL=database_url, SANDBOX_PORT=str(port), WEB_PORT="0"
        )
    assert code == 2
    assert stderr.strip().splitlines()[-1] == (
        f"Setting SANDBOX_PORT is wrong: 127.0.0.1:{port} cannot be used (address already in use)."
    )
    assert "Traceback" not in stderr


async def test_an_unknown_host_names_the_host_setting(tmp_path: Path, database_url: str) -> None:
    code, _, stderr = await run_bot(
        tmp_path, DATABASE_URL=database_url, SANDBOX_HOST="no-such-host.invalid", WEB_PORT="0"
    )
    assert code == 2
    assert stderr.strip().splitlines()[-1] == (
        "Setting SANDBOX_HOST is wrong: 'no-such-host.invalid' is not a known address."
    )


async def test_an_unusable_embedded_database_folder_is_a_wrong_setting(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder's parent should be")
    code, _, stderr = await run_bot(
        tmp_path, "migrate", EMBEDDED_POSTGRES_DIR=str(blocker / "postgres")
    )
    assert code == 2
    assert stderr.startswith(
        f"Setting EMBEDDED_POSTGRES_DIR is wrong: the embedded PostgreSQL could not start in "
        f"{blocker / 'postgres'} ("
    )
    assert stderr.count("\n") == 1

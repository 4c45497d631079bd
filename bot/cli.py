"""`python -m bot [run | migrate | grant | revoke]`: the bot's command line.

aiogram takes seconds to import, so only the commands that talk to Telegram (and the
translation of a refusal) import it: a wrong setting is reported at once.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import signal
import sys
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import asyncpg

from bot.logs import configure_logging
from bot.sandbox.demo import DEMO_PEOPLE
from bot.sandbox.world import Limits
from bot.settings import Settings, SettingsError, load_settings, unusable_address
from db.embedded import EmbeddedPostgresError, start_embedded_postgres
from db.migrate import MigrationError, apply_migrations
from db.store import STORE_UNAVAILABLE, Store, open_store
from roles import people, staff
from roles.errors import DomainError
from roles.model import GRANTABLE_ROLES

if TYPE_CHECKING:
    from bot.app import BotApp
    from bot.sandbox.server import SandboxServer


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="The Anti-corruption Front Telegram bot. Configuration comes from the "
        "environment and .env (see README.md).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help="start the bot (the default; the sandbox chat without a token)")
    commands.add_parser("migrate", help="apply the database migrations and exit")
    for name, verb in (("grant", "give"), ("revoke", "take away")):
        command = commands.add_parser(name, help=f"{verb} a volunteer role (audited)")
        command.add_argument("telegram_id", type=int, help="the person's Telegram id")
        command.add_argument("role", choices=[role.value for role in GRANTABLE_ROLES])
        command.add_argument("--region", help="region code, e.g. ALA (required for commissars)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
        secrets = [
            secret.get_secret_value()
            for secret in (
                settings.bot_token,
                settings.webhook_secret,
                settings.database_url,
                settings.receipt_sessions_secret,
            )
            if secret is not None
        ]
        configure_logging(settings.log_level, secrets)
        command = args.command or "run"
        if command == "run":
            asyncio.run(run(settings))
        elif command == "migrate":
            asyncio.run(migrate(settings))
        else:
            asyncio.run(change_role(settings, command, args.telegram_id, args.role, args.region))
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    except MigrationError as error:
        print(f"{str(error)[:1].upper()}{str(error)[1:]}.", file=sys.stderr)
        return 1
    except DomainError as error:
        print(explain(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


def explain(error: DomainError) -> str:
    """A refusal in English, from the same locales the bot speaks."""
    from bot.i18n import load_translations

    return load_translations("en").get(error.key, "en", **error.fields)


async def database_url(settings: Settings) -> str:
    if settings.database_url is not None:
        return settings.database_url.get_secret_value()
    try:
        return await asyncio.to_thread(start_embedded_postgres, settings.embedded_postgres_dir)
    except EmbeddedPostgresError as error:
        raise SettingsError(f"Setting EMBEDDED_POSTGRES_DIR is wrong: {error}.") from None


async def reach_store(settings: Settings, max_size: int) -> Store:
    """The store; a database that cannot be reached is a wrong DATABASE_URL."""
    url = await database_url(settings)
    try:
        return await open_store(url, max_size=max_size)
    except (*STORE_UNAVAILABLE, asyncpg.PostgresError) as error:
        name = "DATABASE_URL" if settings.database_url else "EMBEDDED_POSTGRES_DIR"
        raise SettingsError(
            f"Setting {name} is wrong: the database cannot be reached "
            f"({type(error).__name__}: {error})."
        ) from None


@contextlib.asynccontextmanager
async def connected(settings: Settings) -> AsyncIterator[Store]:
    """The store, migrated, closed at the end."""
    store = await reach_store(settings, settings.database_pool_size)
    try:
        await apply_migrations(store.pool)
        yield store
    finally:
        await store.close()


async def migrate(settings: Settings) -> None:
    store = await reach_store(settings, max_size=2)
    try:
        applied = await apply_migrations(store.pool)
    finally:
        await store.close()
    print(f"Applied: {', '.join(applied)}." if applied else "The database is up to date.")


async def change_role(
    settings: Settings, command: str, telegram_id: int, role: str, region: str | None
) -> None:
    async with connected(settings) as store:
        authority = staff.Authority("shell")
        if command == "grant":
            change = await staff.grant_role(store, authority, telegram_id, role, region)
            verb = "Granted" if change.changed else "Already held:"
        else:
            change = await staff.revoke_role(store, authority, telegram_id, role, region)
            verb = "Revoked" if change.changed else "Nothing to revoke:"
        where = ", ".join(code or "nationwide" for code in change.regions) or "nationwide"
        print(f"{verb} {role} ({where}) for Telegram id {telegram_id}.")
        if change.changed:
            print("The bot installs their new command menu (at once if it is running).")


async def run(settings: Settings) -> None:
    from bot.app import BotApp
    from bot.sandbox.demo import add_demo_people
    from bot.sandbox.server import SandboxServer

    async with connected(settings) as store:
        sandbox: SandboxServer | None = None
        token = settings.bot_token.get_secret_value() if settings.bot_token else ""
        api_base = settings.bot_api_base_url
        if settings.sandbox:
            sandbox = SandboxServer(limits=sandbox_limits(settings))
            add_demo_people(sandbox.world)
            try:
                api_base = await sandbox.start(settings.sandbox_host, settings.sandbox_port)
            except OSError as error:
                raise unusable_address(
                    "SANDBOX", settings.sandbox_host, settings.sandbox_port, error
                ) from None
            token = sandbox.token
            await grant_demo_roles(store)
            await people.reinstall_every_menu(store)
        app = BotApp(settings, store, token=token, api_base=api_base)
        freeze_what_was_built()
        try:
            await app.start()
            announce(settings, app, sandbox)
            await stop_requested()
        finally:
            await app.stop()
            if sandbox is not None:
                await sandbox.stop()


def freeze_what_was_built() -> None:
    """Build the model of an update now rather than at the first one (bot/lazy_models.py), and
    keep the garbage collector away from what importing and building the bot created: over
    100,000 objects (aiogram's models, the routers, the translations) that live as long as the
    process. A full collection walks all of them, over 100 ms in which no update is handled,
    every few seconds under load; frozen, they are never walked again."""
    from aiogram.types import Update

    Update.model_rebuild()
    gc.collect()
    gc.freeze()


def sandbox_limits(settings: Settings) -> Limits | None:
    """Telegram's rate limits and a share of people who blocked the bot, when asked for."""
    if not settings.sandbox_limits:
        return None
    return Limits(
        overall=settings.sandbox_global_rate,
        per_chat=settings.sandbox_chat_rate,
        blocked_share=settings.sandbox_blocked_share,
    )


async def grant_demo_roles(store: Store) -> None:
    authority = staff.Authority("sandbox")
    for person in DEMO_PEOPLE:
        if person.role:
            await staff.grant_role(
                store, authority, person.telegram_id, person.role, person.region_code
            )


def announce(settings: Settings, app: BotApp, sandbox: SandboxServer | None) -> None:
    if sandbox is not None:
        print(
            f"Sandbox chat: {sandbox.url}  (open it in a browser; Ctrl+C stops the bot)", flush=True
        )
    elif app.webhook_mode:
        print(f"Webhook mode: Telegram posts to {settings.webhook_url}", flush=True)
    else:
        print("Long polling the Bot API. Ctrl+C stops the bot.", flush=True)
    print(f"Health check: {app.web_url}/healthz", flush=True)


async def stop_requested() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signal_number, stop.set)
    await stop.wait()

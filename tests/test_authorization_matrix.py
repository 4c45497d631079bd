"""The authorization matrix: every command, keyboard button, button handler and conversation step
the routers handle, tried through the real bot by every role and by a blocked account, with
forged button data pointing at other regions' and other people's records. Only what the rule
table (tests/authorization_rules.py) allows gets an answer; every refusal is the localised one
and changes nothing in the store."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from aiogram import Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData, CallbackQueryFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey
from magic_filter.operations import ComparatorOperation, FunctionOperation, GetAttributeOperation

from bot.app import BotApp
from bot.filters import MenuButton, Requires
from bot.i18n import join
from bot.sandbox.client import ChatPerson, SandboxClient
from bot.sandbox.server import SandboxServer
from db.store import Store
from handlers import build_root_router
from roles import appeals, broadcasts, fieldwork, invites, people, receptions, risks, staff, tips
from roles.appeals import AppealDraft
from roles.broadcasts import Audience, BroadcastDraft
from roles.menus import roles_with_command
from roles.model import Actor, Role
from roles.risks import EntryDraft
from tests.authorization_rules import (
    AMBASSADOR,
    BLOCKED,
    BUTTONS,
    CITIZEN,
    COMMANDS,
    COMMISSAR,
    CONVERSATIONS,
    COORDINATOR,
    EVENTS,
    MENU_BUTTONS,
    OMBUDSMAN,
    REGION_A,
    REGION_B,
    REGIONAL_COORDINATOR,
    TEXTS,
    WALKERS,
    Press,
    World,
)
from tests.conftest import BotRunner
from tests.helpers import make_settings, new_telegram_id, started
from tests.test_ambassadors import add_tip, add_violation

SHELL = staff.Authority("shell")
LANGUAGE = "en"
PASSED_ROUTER = "answered"

# ------------------------------------------------------------------ discovery


@dataclass(frozen=True)
class Found:
    """One handler of the router tree and what reaches it."""

    observer: str
    router: str
    handler: str
    gate: str | None
    """The router's Requires filter (None for everyone's routers)."""
    commands: tuple[str, ...] = ()
    menu_keys: tuple[str, ...] = ()
    data: type[CallbackData] | None = None
    data_filter: CallbackQueryFilter | None = None
    states: tuple[State, ...] = ()
    text_filters: tuple[Any, ...] = ()


def discover() -> list[Found]:
    """Every handler of every router of the bot but the fallback (which answers the rest)."""
    found: list[Found] = []
    for router in build_root_router().sub_routers:
        if router.name == "fallback":
            continue
        found.extend(handlers_of(router))
    return found


def handlers_of(router: Router) -> Iterator[Found]:
    for name, observer in router.observers.items():
        if name in {"update", "error"}:
            continue
        gates = [f.callback for f in observer._handler.filters or []]
        gate = next((str(g.need) for g in gates if isinstance(g, Requires)), None)
        for handler in observer.handlers:
            commands: list[str] = []
            menu_keys: list[str] = []
            states: list[State] = []
            text_filters: list[Any] = []
            data: type[CallbackData] | None = None
            data_filter: CallbackQueryFilter | None = None
            for item in handler.filters or []:
                check = item.callback
                if isinstance(check, Command):
                    commands.extend(str(command) for command in check.commands)
                elif isinstance(check, MenuButton):
                    menu_keys.append(check.key)
                elif isinstance(check, CallbackQueryFilter):
                    data, data_filter = check.callback_data, check
                elif isinstance(check, StateFilter):
                    states.extend(state for item in check.states for state in states_of(item))
                elif isinstance(check, State):
                    states.append(check)
                else:
                    text_filters.append(check)
            yield Found(
                name,
                router.name or "",
                handler.callback.__name__,
                gate,
                tuple(commands),
                tuple(menu_keys),
                data,
                data_filter,
                tuple(states),
                tuple(text_filters),
            )


def states_of(item: object) -> tuple[State, ...]:
    """A State, or every state of a StatesGroup; None (no conversation) gives none."""
    if isinstance(item, State):
        return (item,)
    if isinstance(item, type) and issubclass(item, StatesGroup):
        return item.__all_states__
    return ()


def flow_of(state: State) -> str:
    return (state.state or "").split(":", 1)[0]


def matching_data(found: Found) -> CallbackData:
    """Callback data that passes the handler's own filter (its action literal, if any)."""
    assert found.data is not None and found.data_filter is not None
    values: dict[str, Any] = {}
    for name, info in found.data.model_fields.items():
        values[name] = 1 if info.annotation in (int, "int") else "x"
    rule = found.data_filter.rule
    if rule is not None:
        attribute = None
        for operation in rule._operations:
            if isinstance(operation, GetAttributeOperation):
                attribute = operation.name
            elif isinstance(operation, ComparatorOperation) and attribute is not None:
                values[attribute] = operation.right
            elif isinstance(operation, FunctionOperation) and attribute is not None:
                values[attribute] = sorted(operation.args[0])[0]
    data = found.data(**values)
    assert rule is None or rule.resolve(data), f"no data found for {found}"
    return data


FOUND = discover()
STEP_HANDLERS = [f for f in FOUND if f.states and not f.commands and not f.menu_keys]
STATELESS = [f for f in FOUND if not f.states]


def test_the_rule_table_names_exactly_what_the_routers_handle() -> None:
    """A handler added without a rule, or a rule left behind by a removed handler, fails here."""
    commands = {c for f in FOUND for c in f.commands}
    assert commands ^ set(COMMANDS) == set(), "commands without a rule, or rules without one"
    menu = {k for f in FOUND for k in f.menu_keys}
    assert menu ^ set(MENU_BUTTONS) == set()
    buttons = {(f.router, f.handler) for f in STATELESS if f.observer == "callback_query"}
    assert buttons ^ set(BUTTONS) == set(), "button handlers without a rule, or stale rules"
    texts = {
        (f.router, f.handler)
        for f in STATELESS
        if f.observer == "message" and not f.commands and not f.menu_keys
    }
    assert texts ^ set(TEXTS) == set()
    flows = {flow_of(state) for f in STEP_HANDLERS for state in f.states}
    assert flows ^ set(CONVERSATIONS) == set(), "conversations without a rule, or stale rules"
    events = {
        (f.observer, f.router, f.handler)
        for f in FOUND
        if f.observer not in {"message", "callback_query"}
    }
    assert events ^ set(EVENTS) == set()


def test_every_conversation_step_sits_behind_its_roles_router() -> None:
    """A step handler of a role's conversation in a router anyone passes would let a person
    whose role was revoked mid-way finish it."""
    everyone = {name for name, who in CONVERSATIONS.items() if CITIZEN in who}
    for found in STEP_HANDLERS:
        for state in found.states:
            if flow_of(state) not in everyone:
                assert found.gate not in {None, str(Role.CITIZEN)}, found


# ------------------------------------------------------------------ the walk


@dataclass
class Walk:
    app: BotApp
    store: Store
    people: dict[str, ChatPerson]
    anchors: dict[str, int]
    """The message each walker presses forged buttons on."""
    actors: dict[str, Actor]
    world: World
    owner_ids: list[int]


def text(app: BotApp, key: str, **fields: Any) -> str:
    return str(app.translations.get(key, LANGUAGE, **fields))


def role_refusal(app: BotApp, command: str) -> str:
    owners = [role for role in roles_with_command(command) if role != Role.CITIZEN]
    roles = join(", ", [text(app, f"role-{role}") for role in owners])
    return text(app, "fallback-command-for-role", command=command, roles=roles)


async def actor_of(store: Store, telegram_id: int) -> Actor:
    row = await store.users.by_telegram_id(telegram_id)
    assert row is not None
    return people.actor_from(row)


async def owner(store: Store, role: str | None = None, region: str | None = None) -> Actor:
    """Somebody who owns records and never presses anything."""
    telegram_id = new_telegram_id()
    user = await store.users.ensure(telegram_id)
    await store.users.set_region(user.id, REGION_A)
    if role is not None:
        await staff.grant_role(store, SHELL, telegram_id, role, region)
    return await actor_of(store, telegram_id)


async def build_world(
    app: BotApp, store: Store, walkers: dict[str, Actor]
) -> tuple[World, list[int]]:
    clock, rules = app.clock, app.rules
    now = clock.now()
    tipster = await owner(store)
    colleague = await owner(store, "commissar", REGION_A)
    commissar_b = await owner(store, "commissar", REGION_B)
    ombudsman = await owner(store, "ombudsman")
    ambassador_b = await owner(store, "ambassador", REGION_B)
    coordinator = await owner(store, "coordinator")
    world = World(walker_user_ids={name: actor.user_id for name, actor in walkers.items()})
    world.tip_b = await add_tip(
        store, REGION_B, "bribery", "Akmola akimat", now, "new", tipster.user_id
    )
    world.tip_a_theirs = await add_tip(
        store, REGION_A, "bribery", "Aktobe akimat", now, "new", tipster.user_id
    )
    await tips.change_status(store, colleague, world.tip_a_theirs, "taken", rules, clock)
    today = now.date()
    for attribute, who, region in (
        ("check_b", commissar_b, REGION_B),
        ("check_a_theirs", colleague, REGION_A),
    ):
        check = await fieldwork.plan_check(
            store,
            who,
            kind="raid",
            region=region,
            target="District akimat",
            reference=None,
            planned_on=today,
            clock=clock,
        )
        setattr(world, attribute, check)
    world.violation_b, _ = await add_violation(
        store, REGION_B, commissar_b.user_id, "Akmola akimat", "high", now, tip_id=world.tip_b
    )
    world.violation_a_theirs, _ = await add_violation(
        store,
        REGION_A,
        colleague.user_id,
        "Aktobe akimat",
        "high",
        now,
        tip_id=world.tip_a_theirs,
    )
    for attribute, who, region in (
        ("slot_a_theirs", colleague, REGION_A),
        ("slot_b", commissar_b, REGION_B),
    ):
        slot = await receptions.publish_slot(
            store,
            who,
            region=region,
            starts_at=now + timedelta(days=3),
            place="Main hall",
            capacity=5,
            clock=clock,
        )
        setattr(world, attribute, slot)
    await receptions.book(store, tipster, world.slot_a_theirs, clock)
    (booking,) = await receptions.my_bookings(store, tipster, clock)
    world.booking_theirs = booking.id
    draft = BroadcastDraft(ombudsman.telegram_id, 1, "text", Audience(region=REGION_B))
    broadcast = await broadcasts.confirm(
        store, ombudsman, draft, clock, send_at=now + timedelta(days=30)
    )
    world.broadcast_theirs = broadcast.id
    entry_draft = EntryDraft(region=REGION_B, body="Akmola akimat", kind="pain_point", level="high")
    world.entry_b = await risks.create_entry(
        store, ambassador_b, entry_draft, "Queues for land papers.", clock
    )
    await risks.link_violation(store, ambassador_b, world.entry_b, world.violation_b, clock)
    appeal = AppealDraft(
        entry=world.entry_b,
        addressee="Akimat of Akmola region",
        subject="Queues for land",
        body="We ask you to look into the queues for land papers.",
        violations=[world.violation_b],
    )
    world.appeal_b = await appeals.create_appeal(store, ambassador_b, appeal, clock)
    made = await invites.create(
        store, coordinator, "commissar", REGION_B, 1, timedelta(days=1), clock
    )
    world.invite_b = made.invite.id
    owners = [tipster, colleague, commissar_b, ombudsman, ambassador_b, coordinator]
    return world, [actor.user_id for actor in owners]


GRANTS: dict[str, tuple[tuple[str, str | None], ...]] = {
    CITIZEN: (),
    COMMISSAR: (("commissar", REGION_A),),
    AMBASSADOR: (("ambassador", REGION_A),),
    OMBUDSMAN: (("ombudsman", None),),
    COORDINATOR: (("coordinator", None),),
    REGIONAL_COORDINATOR: (("coordinator", REGION_A),),
    BLOCKED: (("commissar", REGION_A), ("coordinator", None)),
}


@pytest.fixture(scope="module")
async def walk(store: Store, database_url: str) -> AsyncIterator[Walk]:
    """One bot, one sandbox and the same people for the whole matrix."""
    sandbox = SandboxServer()
    await sandbox.start("127.0.0.1", 0)
    client = SandboxClient(sandbox.url)
    runner = BotRunner(make_settings(database_url), store, sandbox)
    try:
        app = await runner.start()
        persons = {
            name: await client.person(
                name.title(), person_id=new_telegram_id(), language_code=LANGUAGE
            )
            for name in WALKERS
        }
        await asyncio.gather(*(started(person, "English") for person in persons.values()))
        anchors = {}
        for name, person in persons.items():
            anchors[name] = (await person.messages())[-1].message_id
            for role, region in GRANTS[name]:
                await staff.grant_role(store, SHELL, person.id, role, region)
            row = await store.users.by_telegram_id(person.id)
            assert row is not None
            await store.users.set_region(row.id, REGION_A)
        blocked = await store.users.by_telegram_id(persons[BLOCKED].id)
        assert blocked is not None
        await store.users.set_blocked(blocked.id, True)
        actors = {name: await actor_of(store, person.id) for name, person in persons.items()}
        world, owner_ids = await build_world(app, store, actors)
        yield Walk(app, store, persons, anchors, actors, world, owner_ids)
    finally:
        await runner.stop()
        await client.close()
        await sandbox.stop()


# ------------------------------------------------------------------ what must not change

SNAPSHOT_TABLES = (
    "regions",
    "tip_categories",
    "role_grants",
    "tips",
    "tip_messages",
    "tip_evidence",
    "tip_history",
    "field_checks",
    "check_answers",
    "violations",
    "violation_evidence",
    "reception_slots",
    "reception_bookings",
    "broadcasts",
    "risk_entries",
    "risk_entry_violations",
    "risk_entry_tips",
    "appeals",
    "appeal_violations",
    "invites",
    "invite_redemptions",
)


async def snapshot(walk: Walk) -> dict[str, str]:
    """A digest of each table a forged press could change, and of the walkers' own rows."""
    people_ids = [*walk.world.walker_user_ids.values(), *walk.owner_ids]
    parts = [
        f"SELECT '{table}', md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
        f"FROM {table} t"
        for table in SNAPSHOT_TABLES
    ]
    parts += [
        "SELECT 'users', md5(coalesce(string_agg((id, region_code, language, subscribed, "
        "subscription_region, blocked)::text, '|' ORDER BY id), '')) FROM users "
        "WHERE id = ANY($1::bigint[])",
        "SELECT 'audit_log', count(*)::text FROM audit_log WHERE actor_user_id = ANY($1::bigint[])",
        "SELECT 'outbox', count(*)::text FROM outbox WHERE user_id = ANY($1::bigint[])",
        "SELECT 'deliveries', count(*)::text FROM broadcast_deliveries "
        "WHERE acknowledged_at IS NOT NULL",
    ]
    rows = await walk.store.pool.fetch(" UNION ALL ".join(parts), people_ids)
    return {row[0]: row[1] for row in rows}


Step = tuple[str, Callable[[], Awaitable[str]]]
"""What one walker tries (a label and the attempt, which returns the outcome seen)."""


async def run_steps(walk: Walk, plans: dict[str, list[Step]]) -> dict[tuple[str, str], str]:
    """Each walker's steps one after another, the walkers side by side; then wait until the
    bot has finished with all of them."""

    async def one(name: str, steps: list[Step]) -> dict[tuple[str, str], str]:
        seen = {(name, label): await attempt() for label, attempt in steps}
        await settle(walk, name)
        return seen

    merged: dict[tuple[str, str], str] = {}
    for seen in await asyncio.gather(*(one(name, steps) for name, steps in plans.items())):
        merged.update(seen)
    return merged


async def refused_unchanged(walk: Walk, plans: dict[str, list[Step]]) -> dict[tuple[str, str], str]:
    """Run attempts that must all be refused; the store must be as it was."""
    before = await snapshot(walk)
    audit_mark = await walk.store.pool.fetchval("SELECT coalesce(max(id), 0) FROM audit_log")
    seen = await run_steps(walk, plans)
    after = await snapshot(walk)
    changed = sorted(table for table in before if before[table] != after[table])
    written = await walk.store.pool.fetch(
        "SELECT actor_user_id, action, object_id FROM audit_log WHERE id > $1 "
        "AND actor_user_id = ANY($2::bigint[])",
        audit_mark,
        list(walk.world.walker_user_ids.values()),
    )
    assert changed == [], f"refusals changed {changed}; audit: {[tuple(r) for r in written]}"
    return seen


# ------------------------------------------------------------------ acting


async def settle(walk: Walk, name: str) -> None:
    """Wait until the bot has finished with this person's last update: updates of one chat are
    handled one after another, so the answer to a junk press comes after everything else."""
    person = walk.people[name]
    await person.press_data(walk.anchors[name], "settle")
    await person.callback_answer()


async def press(walk: Walk, name: str, data: str) -> tuple[str, bool]:
    person = walk.people[name]
    await person.press_data(walk.anchors[name], data)
    answer = await person.callback_answer()
    return str(answer.get("text") or ""), bool(answer.get("show_alert"))


async def set_state(walk: Walk, name: str, state: State | None) -> None:
    person = walk.people[name]
    key = StorageKey(bot_id=walk.app.bot.id, chat_id=person.id, user_id=person.id)
    storage = walk.app.dispatcher.storage
    await storage.set_state(key, state)
    await storage.set_data(key, {})


def press_outcome(walk: Walk, answer: tuple[str, bool], alert_answer: str | None) -> str:
    shown, alert = answer
    if shown == text(walk.app, "fallback-stale-button"):
        return "router"
    if shown == text(walk.app, "blocked-refusal"):
        return BLOCKED
    if alert and not (alert_answer and shown.startswith(alert_answer)):
        return f"workflow: {shown}"
    return PASSED_ROUTER


def expected_press(name: str, rule: Press) -> str:
    if name == BLOCKED:
        return BLOCKED
    if name in rule.answered:
        return PASSED_ROUTER
    if name in rule.refused_by_workflow:
        return "workflow"
    return "router"


def alert_prefix(walk: Walk, key: str | None) -> str | None:
    if key is None:
        return None
    return text(walk.app, key, id="\x00").split("\x00", 1)[0]


def mismatches(
    seen: dict[tuple[str, str], str], expected: dict[tuple[str, str], str]
) -> list[tuple[str, str, str, str]]:
    return [
        (label, name, want, seen[(name, label)][:90])
        for (name, label), want in expected.items()
        if seen[(name, label)].split(":", 1)[0] != want
    ]


def split_plans(
    expected: dict[tuple[str, str], str],
    attempts: dict[tuple[str, str], Callable[[], Awaitable[str]]],
) -> tuple[dict[str, list[Step]], dict[str, list[Step]]]:
    """The attempts that must be refused, and those that must be answered, per walker."""
    refused: dict[str, list[Step]] = {name: [] for name in WALKERS}
    answered: dict[str, list[Step]] = {name: [] for name in WALKERS}
    for (name, label), attempt in attempts.items():
        plans = answered if expected[(name, label)] == PASSED_ROUTER else refused
        plans[name].append((label, attempt))
    return refused, answered


async def walk_all(
    walk: Walk,
    expected: dict[tuple[str, str], str],
    attempts: dict[tuple[str, str], Callable[[], Awaitable[str]]],
) -> None:
    refused, answered = split_plans(expected, attempts)
    seen = await refused_unchanged(walk, refused)
    seen.update(await run_steps(walk, answered))
    wrong = mismatches(seen, expected)
    assert wrong == [], "\n".join(map(str, wrong))


# ------------------------------------------------------------------ the matrix


async def test_every_command_as_every_role(walk: Walk) -> None:
    app = walk.app

    def outcome(command: str, shown: str) -> str:
        if shown == role_refusal(app, command):
            return "router"
        if shown == text(app, "blocked-refusal"):
            return BLOCKED
        for key in COMMANDS[command].refused_by_workflow.values():
            if shown == text(app, key):
                return "workflow"
        if shown in {text(app, "error-generic"), text(app, "error-not-allowed")}:
            return f"error: {shown}"
        return PASSED_ROUTER

    def expected(name: str, command: str) -> str:
        rule = COMMANDS[command]
        if name == BLOCKED:
            return BLOCKED
        if name in rule.answered:
            return PASSED_ROUTER
        return "workflow" if name in rule.refused_by_workflow else "router"

    def attempt(name: str, command: str) -> Callable[[], Awaitable[str]]:
        async def send() -> str:
            reply = await walk.people[name].ask(f"/{command}")
            if expected(name, command) == PASSED_ROUTER:
                await settle(walk, name)  # an answer may come in several messages
            return outcome(command, reply.text) + ": " + reply.text

        return send

    try:
        await walk_all(
            walk,
            {(name, f"/{c}"): expected(name, c) for c in COMMANDS for name in WALKERS},
            {(name, f"/{c}"): attempt(name, c) for c in COMMANDS for name in WALKERS},
        )
    finally:
        await asyncio.gather(*(set_state(walk, name, None) for name in WALKERS))


async def test_every_menu_button_and_free_text_as_every_role(walk: Walk) -> None:
    app = walk.app
    cases = {text(app, key): who for key, who in MENU_BUTTONS.items()}
    cases.update(TEXTS.values())
    blocked = text(app, "blocked-refusal")

    def attempt(name: str, sent: str) -> Callable[[], Awaitable[str]]:
        async def send() -> str:
            reply = await walk.people[name].ask(sent)
            await settle(walk, name)
            return (BLOCKED if reply.text == blocked else PASSED_ROUTER) + ": " + reply.text

        return send

    def expected(name: str, who: frozenset[str]) -> str:
        return PASSED_ROUTER if name in who else BLOCKED

    try:
        await walk_all(
            walk,
            {(name, sent): expected(name, who) for sent, who in cases.items() for name in WALKERS},
            {(name, sent): attempt(name, sent) for sent in cases for name in WALKERS},
        )
    finally:
        await asyncio.gather(*(set_state(walk, name, None) for name in WALKERS))


async def test_every_button_as_every_role_with_forged_data(walk: Walk) -> None:
    expected: dict[tuple[str, str], str] = {}
    attempts: dict[tuple[str, str], Callable[[], Awaitable[str]]] = {}
    for (router, handler), presses in BUTTONS.items():
        for index, rule in enumerate(presses):
            data = rule.data(walk.world).pack()
            label = f"{router}.{handler}[{index}] {data} ({rule.why or 'plain'})"
            prefix = alert_prefix(walk, rule.alert_answer)
            for name in WALKERS:
                expected[(name, label)] = expected_press(name, rule)

                async def attempt(name: str = name, data: str = data, prefix: Any = prefix) -> str:
                    return press_outcome(walk, await press(walk, name, data), prefix)

                attempts[(name, label)] = attempt
    try:
        await walk_all(walk, expected, attempts)
    finally:
        await asyncio.gather(*(set_state(walk, name, None) for name in WALKERS))


async def test_every_conversation_step_refuses_whoever_lacks_its_role(walk: Walk) -> None:
    """Someone left in a step of a conversation they may not hold (their role was revoked, or
    they forged their way there) is refused at every step, by button or by message."""
    app = walk.app
    in_conversation = text(app, "fallback-in-conversation")
    stale = text(app, "fallback-stale-button")
    blocked = text(app, "blocked-refusal")
    expected: dict[tuple[str, str], str] = {}
    attempts: dict[tuple[str, str], Callable[[], Awaitable[str]]] = {}
    for found in STEP_HANDLERS:
        for state in found.states:
            data = matching_data(found).pack() if found.observer == "callback_query" else ""
            location = any(is_not_text(f) for f in found.text_filters)
            label = f"{state.state} {data or ('location' if location else 'text')}"
            if any(key[1] == label for key in expected):
                continue  # another handler of this step takes the same update
            who = CONVERSATIONS[flow_of(state)]
            for name in WALKERS:
                # The blocked refusal comes before any router: it is walked on every command and
                # button, and here where the blocked account is the only outsider.
                if name in who or (name == BLOCKED and CITIZEN not in who):
                    continue
                refusal = blocked if name == BLOCKED else stale if data else in_conversation
                expected[(name, label)] = "refused"

                async def attempt(
                    name: str = name,
                    state: State = state,
                    data: str = data,
                    location: bool = location,
                    refusal: str = refusal,
                ) -> str:
                    await set_state(walk, name, state)
                    person = walk.people[name]
                    if data:
                        shown = (await press(walk, name, data))[0]
                    elif location:
                        await person.send_location(43.25, 76.95)
                        shown = (await person.reply()).text
                    else:
                        shown = (await person.ask("An answer to this step, 12345")).text
                    return ("refused" if shown == refusal else "answered") + ": " + shown

                attempts[(name, label)] = attempt
    try:
        await walk_all(walk, expected, attempts)
    finally:
        await asyncio.gather(*(set_state(walk, name, None) for name in WALKERS))


def is_not_text(check: Any) -> bool:
    """The handler's filter wants something other than a text (`~F.text`, `F.location`)."""
    operations = tuple(getattr(getattr(check, "__self__", None), "_operations", ()))
    names = [
        operation.name if isinstance(operation, GetAttributeOperation) else type(operation).__name__
        for operation in operations
    ]
    return names in (["text", "ImportantFunctionOperation"], ["location"])

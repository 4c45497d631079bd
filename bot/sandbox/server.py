"""The sandbox's HTTP server: a Bot API-compatible endpoint for the bot, a JSON API for people,
the web chat page, and webhook delivery when the bot asks for a webhook."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any

import aiohttp
from aiohttp import web

from bot.sandbox.world import ApiError, Limits, Params, Upload, World, bad_request

SANDBOX_TOKEN = "7000000001:sandbox-local-token-not-secret"
BOT_NAME = "Anti-corruption Front (sandbox)"
BOT_USERNAME = "acf_sandbox_bot"
REQUEST_LIMIT = 64 * 1024 * 1024

log = logging.getLogger(__name__)


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _refusal(error: ApiError) -> web.Response:
    return web.json_response(error.payload(), status=error.code)


async def _read_params(request: web.Request) -> Params:
    values: dict[str, Any] = dict(request.query)
    files: dict[str, Upload] = {}
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("can't parse JSON request body") from None
        if isinstance(body, dict):
            values.update(body)
    elif request.content_type == "multipart/form-data":
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if not isinstance(part, aiohttp.BodyPartReader) or part.name is None:
                continue
            if part.filename is not None:
                content_type = part.headers.get(aiohttp.hdrs.CONTENT_TYPE)
                if content_type == "application/octet-stream":
                    content_type = None
                files[part.name] = Upload(await part.read(), part.filename, content_type)
            else:
                values[part.name] = await part.text()
    elif request.can_read_body:
        values.update(await request.post())
    return Params(values, files)


PeopleCall = Callable[["SandboxServer", web.Request], Awaitable[Any]]


def people_call(
    call: PeopleCall,
) -> Callable[[SandboxServer, web.Request], Awaitable[web.Response]]:
    """Answer a people-side call as JSON, with refusals in Telegram's shape."""

    async def handler(server: SandboxServer, request: web.Request) -> web.Response:
        try:
            return web.json_response(await call(server, request))
        except ApiError as error:
            return _refusal(error)

    return handler


class SandboxServer:
    """Serves one sandbox world. `start()` returns the base URL that the bot uses as its
    Bot API server and that people open in a browser."""

    def __init__(
        self,
        world: World | None = None,
        *,
        token: str = SANDBOX_TOKEN,
        limits: Limits | None = None,
    ) -> None:
        self.world = world or World(
            token, bot_name=BOT_NAME, bot_username=BOT_USERNAME, limits=limits
        )
        self.token = self.world.token
        self.url = ""
        self._runner: web.AppRunner | None = None
        self._delivery: asyncio.Task[None] | None = None
        self._http: aiohttp.ClientSession | None = None
        self.app = self._build_app()

    def _build_app(self) -> web.Application:
        app = web.Application(client_max_size=REQUEST_LIMIT)
        app.router.add_route("*", "/bot{token}/{method}", self._bot_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        app.router.add_get("/", self._page)
        app.router.add_get("/static/{name}", self._static)
        app.router.add_get("/sandbox/files/{file_id}", self._file_for_people)
        api = "/sandbox/api"
        app.router.add_get(f"{api}/info", self._info)
        app.router.add_get(f"{api}/people", self._people)
        app.router.add_post(f"{api}/people", self._add_person)
        app.router.add_post(f"{api}/people/{{person_id}}/blocked", self._set_blocked)
        app.router.add_get(f"{api}/chats/{{person_id}}", self._chat)
        app.router.add_get(f"{api}/chats/{{person_id}}/events", self._events)
        app.router.add_post(f"{api}/chats/{{person_id}}/messages", self._person_sends)
        app.router.add_post(f"{api}/chats/{{person_id}}/album", self._person_sends_album)
        app.router.add_post(f"{api}/chats/{{person_id}}/presses", self._person_presses)
        app.router.add_get(f"{api}/events", self._all_events)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        self._runner = web.AppRunner(
            self.app, access_log=None, handle_signals=False, shutdown_timeout=1.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[attr-defined]
        bound_port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        shown_host = "127.0.0.1" if host in ("0.0.0.0", "") else host
        self.url = f"http://{shown_host}:{bound_port}"
        self._http = aiohttp.ClientSession()
        self._delivery = asyncio.create_task(self._deliver_to_webhook())
        return self.url

    async def stop(self) -> None:
        self.world.close()
        if self._delivery is not None:
            self._delivery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._delivery
        if self._http is not None:
            await self._http.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # ------------------------------------------------------------ the bot's side

    async def _bot_api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _refusal(ApiError(401, "Unauthorized"))
        try:
            params = await _read_params(request)
            result = await self.world.call(request.match_info["method"], params)
        except ApiError as error:
            return _refusal(error)
        return _ok(result)

    async def _download(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return _refusal(ApiError(401, "Unauthorized"))
        stored = self.world.file_by_path(request.match_info["path"])
        if stored is None:
            return _refusal(ApiError(404, "Not Found"))
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )

    async def _deliver_to_webhook(self) -> None:
        """Push queued updates to the webhook, in order, retrying until the bot answers 2xx."""
        backoff = 0.2
        while not self.world.closing:
            webhook = self.world.webhook
            pending = self.world.take_webhook_updates() if webhook else []
            if webhook is None or not pending:
                await self.world.wait_for_updates(timeout=5)
                continue
            update = pending[0]
            headers = {}
            if webhook.secret_token:
                headers["X-Telegram-Bot-Api-Secret-Token"] = webhook.secret_token
            assert self._http is not None
            try:
                async with self._http.post(
                    webhook.url, json=update, headers=headers, timeout=aiohttp.ClientTimeout(10)
                ) as response:
                    delivered = 200 <= response.status < 300
                    error = (
                        None if delivered else f"Wrong response from the webhook: {response.status}"
                    )
            except (aiohttp.ClientError, TimeoutError) as failure:
                delivered, error = False, f"Connection failed: {type(failure).__name__}"
            if delivered:
                self.world.confirm_update(update["update_id"])
                backoff = 0.2
                continue
            webhook.last_error, webhook.last_error_date = error, int(time.time())
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 5.0)

    # ------------------------------------------------------------ people's side

    async def _page(self, request: web.Request) -> web.Response:
        return await self._static_file("index.html")

    async def _static(self, request: web.Request) -> web.Response:
        return await self._static_file(request.match_info["name"])

    async def _static_file(self, name: str) -> web.Response:
        if name not in {"index.html", "chat.js", "chat.css"}:
            raise web.HTTPNotFound()
        body = resources.files("bot.sandbox").joinpath("static", name).read_bytes()
        content_type = {
            "html": "text/html",
            "js": "text/javascript",
            "css": "text/css",
        }[name.rsplit(".", 1)[1]]
        return web.Response(body=body, content_type=content_type, charset="utf-8")

    async def _file_for_people(self, request: web.Request) -> web.Response:
        stored = self.world.files.get(request.match_info["file_id"])
        if stored is None:
            raise web.HTTPNotFound()
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )

    @staticmethod
    def _person_id(request: web.Request) -> int:
        try:
            return int(request.match_info["person_id"])
        except ValueError:
            raise bad_request("a person's id is a number") from None

    @staticmethod
    async def _json_body(request: web.Request) -> dict[str, Any]:
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("the body must be a JSON object") from None
        if not isinstance(body, dict):
            raise bad_request("the body must be a JSON object")
        return body

    @people_call
    async def _info(self, request: web.Request) -> dict[str, Any]:
        return {"bot": self.world.bot_user, "people": len(self.world.people)}

    @people_call
    async def _people(self, request: web.Request) -> list[dict[str, Any]]:
        return [person.public() for person in self.world.people.values()]

    @people_call
    async def _add_person(self, request: web.Request) -> dict[str, Any]:
        body = await self._json_body(request)
        first_name = str(body.get("first_name") or "").strip()
        if not first_name:
            raise bad_request("first_name is empty")
        person = self.world.add_person(
            first_name,
            person_id=int(body["id"]) if body.get("id") is not None else None,
            last_name=body.get("last_name"),
            username=body.get("username"),
            language_code=body.get("language_code", "ru"),
            label=body.get("label"),
        )
        return person.public()

    @people_call
    async def _set_blocked(self, request: web.Request) -> dict[str, Any]:
        body = await self._json_body(request)
        self.world.set_blocked(self._person_id(request), bool(body.get("blocked")))
        return self.world.person(self._person_id(request)).public()

    @people_call
    async def _chat(self, request: web.Request) -> dict[str, Any]:
        return self.world.chat_view(self._person_id(request))

    @people_call
    async def _events(self, request: web.Request) -> dict[str, Any]:
        person_id = self._person_id(request)
        self.world.person(person_id)
        after = int(request.query.get("after", "0"))
        timeout = min(float(request.query.get("timeout", "25")), 50.0)
        events = await self.world.wait_events(after, person_id, timeout)
        return {"events": events, "cursor": events[-1]["seq"] if events else after}

    @people_call
    async def _all_events(self, request: web.Request) -> dict[str, Any]:
        after = int(request.query.get("after", "0"))
        timeout = min(float(request.query.get("timeout", "25")), 50.0)
        limit = int(request.query.get("limit", "1000"))
        events = (await self.world.wait_events(after, None, timeout))[:limit]
        return {"events": events, "cursor": events[-1]["seq"] if events else after}

    @people_call
    async def _person_sends(self, request: web.Request) -> dict[str, Any]:
        person_id = self._person_id(request)
        if request.content_type == "multipart/form-data":
            params = await _read_params(request)
            upload = params.files.get("file")
            kind = params.text("kind") or "document"
            if upload is None:
                raise bad_request("file is missing")
            return self.world.send_file(person_id, kind, upload, caption=params.text("caption"))
        body = await self._json_body(request)
        if "latitude" in body or "longitude" in body:
            try:
                latitude, longitude = float(body["latitude"]), float(body["longitude"])
            except (KeyError, TypeError, ValueError):
                raise bad_request("latitude and longitude must be numbers") from None
            return self.world.share_location(person_id, latitude, longitude)
        return self.world.write(person_id, str(body.get("text") or ""))

    @people_call
    async def _person_sends_album(self, request: web.Request) -> list[dict[str, Any]]:
        if request.content_type != "multipart/form-data":
            raise bad_request("an album is sent as multipart/form-data")
        params = await _read_params(request)
        kinds = json.loads(params.text("kinds") or "[]")
        uploads = [params.files[name] for name in sorted(params.files)]
        if len(kinds) != len(uploads):
            raise bad_request("give one kind per file")
        items = list(zip(kinds, uploads, strict=True))
        return self.world.send_album(self._person_id(request), items, params.text("caption"))

    @people_call
    async def _person_presses(self, request: web.Request) -> dict[str, Any]:
        body = await self._json_body(request)
        try:
            message_id = int(body["message_id"])
        except (KeyError, TypeError, ValueError):
            raise bad_request("message_id must be a number") from None
        data = body.get("data")
        if not isinstance(data, str):
            raise bad_request("data must be a string")
        return self.world.press(self._person_id(request), message_id, data)

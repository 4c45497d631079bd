"""The bot's own web server: `GET /healthz` always, the webhook endpoint in webhook mode."""

from __future__ import annotations

from aiohttp import web

from db.store import Store

STORE_KEY = web.AppKey("store", Store)


async def healthz(request: web.Request) -> web.Response:
    """200 only while the store answers, so a load balancer stops sending to a broken instance."""
    if await request.app[STORE_KEY].ping():
        return web.json_response({"status": "ok"})
    return web.json_response({"status": "store unavailable"}, status=503)


def build_web_app(store: Store) -> web.Application:
    app = web.Application()
    app[STORE_KEY] = store
    app.router.add_get("/healthz", healthz)
    return app

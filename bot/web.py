"""The bot's own web server: `GET /healthz` and `GET /metrics` always, the webhook endpoint in
webhook mode."""

from __future__ import annotations

from aiohttp import web

from bot.metrics import CONTENT_TYPE, BotMetrics
from db.store import Store

STORE_KEY = web.AppKey("store", Store)
METRICS_KEY = web.AppKey("metrics", BotMetrics)


async def healthz(request: web.Request) -> web.Response:
    """200 only while the store answers, so a load balancer stops sending to a broken instance."""
    if await request.app[STORE_KEY].ping():
        return web.json_response({"status": "ok"})
    return web.json_response({"status": "store unavailable"}, status=503)


async def metrics(request: web.Request) -> web.Response:
    """Prometheus's text format: updates, latency, queues, broadcasts, the process."""
    body = await request.app[METRICS_KEY].exposition()
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE})


def build_web_app(store: Store, bot_metrics: BotMetrics) -> web.Application:
    app = web.Application()
    app[STORE_KEY] = store
    app[METRICS_KEY] = bot_metrics
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    return app

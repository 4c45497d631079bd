"""The bot's process: settings, wiring, the dispatcher and its middlewares (see docs)."""

from bot.lazy_models import build_models_on_first_use

build_models_on_first_use()

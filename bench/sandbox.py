"""The sandbox's Bot API server in a process of its own, so that neither the bot nor the
simulated people share an event loop with it. Prints its URL on one line, stops on SIGTERM.

    python -m bench.sandbox
"""

from __future__ import annotations

import asyncio
import signal
import sys

from bot.sandbox.server import SandboxServer


async def serve() -> None:
    server = SandboxServer()
    url = await server.start()
    sys.stdout.write(f"{url}\n")
    sys.stdout.flush()
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signal_number, stopped.set)
    await stopped.wait()
    await server.stop()


if __name__ == "__main__":
    asyncio.run(serve())

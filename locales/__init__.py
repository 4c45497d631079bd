"""The bot's texts: one folder per language (ru, kk, en), Fluent files inside."""

from pathlib import Path

LOCALES_DIR = Path(__file__).resolve().parent

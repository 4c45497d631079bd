"""Charts as PNG images, drawn with matplotlib's Agg backend (no display), sized to be read on a
phone: tall, large type, horizontal bars. Drawing takes a while, so it runs in a thread.

matplotlib (with numpy, some 45 MB) is imported at the first chart, not with the bot."""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass

WIDTH, HEIGHT, DPI = 8, 10, 110
MAX_BARS = 8
LABEL_LENGTH = 28


@dataclass(frozen=True)
class Section:
    """One panel: a title and labelled values, drawn as horizontal bars, largest on top."""

    title: str
    bars: list[tuple[str, float]]


def _label(text: str) -> str:
    """People's words as a label: shortened, and with `$` escaped so that matplotlib never reads
    them as mathematics (an unbalanced `$` would fail the drawing)."""
    short = text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"
    return short.replace("$", r"\$")


def bar_chart_png(title: str, sections: list[Section]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    shown = [section for section in sections if section.bars] or sections[:1]
    figure = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
    figure.suptitle(title, fontsize=18, fontweight="bold")
    axes_list = figure.subplots(len(shown), 1, squeeze=False)[:, 0]
    for axes, section in zip(axes_list, shown, strict=True):
        bars = section.bars[:MAX_BARS][::-1]
        labels = [_label(label) for label, _ in bars]
        values = [value for _, value in bars]
        drawn = axes.barh(labels, values, color="#2b6cb0")
        axes.bar_label(drawn, fmt="%g", fontsize=13, padding=3)
        axes.set_title(section.title, fontsize=15, loc="left")
        axes.tick_params(axis="y", labelsize=13)
        axes.tick_params(axis="x", labelsize=11)
        axes.spines[["top", "right"]].set_visible(False)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        if values:
            axes.set_xlim(0, max(values) * 1.2 or 1)
    figure.tight_layout(rect=(0, 0, 1, 0.96))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


async def render_bar_chart(title: str, sections: list[Section]) -> bytes:
    return await asyncio.to_thread(bar_chart_png, title, sections)

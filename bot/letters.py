"""The appeal as a DOCX letter the ambassador can edit and send: addressee, subject, text, the
violations it rests on, and an annex listing every evidence file with its SHA-256, so the body
can check that what it receives is what the commissars recorded.

Labels come from locales/ through `text` (plain labels, without markup); what people wrote is
put in as it is. python-docx is imported at the first letter, not with the bot."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from handlers.render import money
from roles.appeals import AppealView

Text = Callable[..., str]


def appeal_docx(
    view: AppealView, text: Text, zone: ZoneInfo, region_name: str, language: str, today: date
) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt

    appeal = view.appeal
    document = Document()
    document.styles["Normal"].font.size = Pt(12)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    heading.add_run(f"{text('letter-to')} {appeal.addressee}").bold = True
    document.add_paragraph(f"{text('letter-region')} {region_name}")
    document.add_paragraph(f"{today:%d.%m.%Y}")
    document.add_paragraph(f"{text('letter-subject')} {appeal.subject}").runs[0].bold = True
    for paragraph in appeal.body.split("\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())

    document.add_heading(text("letter-violations"), level=2)
    for violation in view.violations:
        line = document.add_paragraph(style="List Number")
        line.add_run(f"#{violation.id} · {violation.body} · ").bold = True
        line.add_run(text(f"severity-{violation.severity}"))
        line.add_run(f" · {violation.created_at.astimezone(zone):%d.%m.%Y}\n")
        line.add_run(violation.description)
        if violation.rule_broken:
            line.add_run(f"\n{text('letter-rule')} {violation.rule_broken}")
        if violation.amount is not None:
            line.add_run(f"\n{text('letter-amount')} {money(violation.amount, language)}")

    document.add_paragraph(text("letter-closing"))
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading(text("letter-annex"), level=1)
    document.add_paragraph(text("letter-annex-note"))
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, key in zip(
        table.rows[0].cells,
        ("letter-col-violation", "letter-col-file", "letter-col-kind", "letter-col-received",
         "letter-col-sha256"),
        strict=True,
    ):  # fmt: skip
        cell.text = text(key)
    for violation in view.violations:
        for item in view.evidence.get(violation.id, []):
            cells = table.add_row().cells
            cells[0].text = f"#{violation.id}"
            cells[1].text = item.file_name or f"{item.position}"
            cells[2].text = text(f"evidence-kind-{item.kind}")
            cells[3].text = f"{item.received_at.astimezone(zone):%d.%m.%Y %H:%M:%S}"
            cells[4].text = item.sha256
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

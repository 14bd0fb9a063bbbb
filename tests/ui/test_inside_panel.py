"""InsidePanel: who entered is listed (event or offline log), the counts, and the evacuation list as a PDF."""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import Qt

from accreditor.gate.offline_gate import Gate, default_log_path, open_event_gate, open_offline_gate
from accreditor.gate.package import TrustAnchor, load_package
from ui import pdf_preview
from ui.gate import inside_panel
from ui.gate.inside_panel import EventInside, GateLogInside, InsidePanel, InsideTableModel


@pytest.fixture
def event_gate(gate_event) -> Iterator[Gate]:
    gate = open_event_gate(gate_event.store.location, gate_event.context())
    yield gate
    gate.close()


def enter(gate: Gate, gate_event, *roles: str) -> None:
    """The roles' badges scanned at the gate, a minute apart."""
    start = gate_event.context().now
    for minute, role in enumerate(roles):
        gate.scan(gate_event.tokens[role], now=start + timedelta(minutes=minute))


@pytest.fixture
def panel(qtbot, gate_event, event_gate, inline_jobs) -> InsidePanel:
    enter(event_gate, gate_event, "delegate", "vip", "revoked", "no_photo")
    created = InsidePanel(EventInside(gate_event.store, "organiser"), "PLN")
    qtbot.addWidget(created)
    created.refresh()
    return created


def names(panel: InsidePanel) -> list[str]:
    return [panel.model.entry_at(row).name for row in range(panel.model.rowCount())]


def test_the_panel_lists_who_entered_with_photo_and_counts(panel: InsidePanel) -> None:
    # The revoked guest was refused (red): a refusal is no passage.
    assert sorted(names(panel)) == sorted(["Ҷамшед Раҳмонов", "عبد الرحمن أبو داوود", "Łukasz Kozłowski"])
    assert panel.counts["PLN"] == 3
    assert panel.counts["PRS"] == 0
    assert "3" in panel.count_boxes["PLN"].text()
    assert panel.status_label.text().startswith("3 people in PLN, as of ")
    row = names(panel).index("Ҷамшед Раҳмонов")
    model = panel.model
    assert model.data(model.index(row, 1)) == "Jamshed Rahmonov"
    assert model.data(model.index(row, 2)) == "Delegate"
    assert model.data(model.index(row, 5)) == "G1"
    assert model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole) is not None


def test_the_table_model_passes_the_model_tester(qtmodeltester, panel: InsidePanel) -> None:
    qtmodeltester.check(panel.model)
    qtmodeltester.check(InsideTableModel())


def test_every_zone_or_one(panel: InsidePanel) -> None:
    panel.zone_filter.setCurrentIndex(panel.zone_filter.findData("PRS"))
    assert names(panel) == []
    panel.zone_filter.setCurrentIndex(0)
    assert panel.zone() is None
    assert len(names(panel)) == 3


def test_the_evacuation_list_is_written_and_offered_for_preview(
    panel: InsidePanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "evacuation.pdf"
    previews: list[tuple[Path, str]] = []
    monkeypatch.setattr(inside_panel, "ask_pdf_path", lambda _parent, suggested: out)
    monkeypatch.setattr(pdf_preview.PdfPreviewDialog, "ask", lambda _parent, pdf, title: previews.append((pdf, title)))

    panel.pdf_action.trigger()

    assert previews == [(out, "Evacuation list")]
    document = pypdfium2.PdfDocument(str(out))
    text = document[0].get_textpage().get_text_range()
    document.close()
    assert "Jamshed Rahmonov" in text
    assert "PLN — Plenary hall: 3 people inside" in text
    assert panel.status_label.text() == f"Evacuation list written to {out} (1 page)."


def test_print_from_the_preview_goes_to_the_printer(
    panel: InsidePanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_printer
) -> None:
    monkeypatch.setattr(inside_panel, "ask_pdf_path", lambda _parent, _suggested: tmp_path / "list.pdf")
    monkeypatch.setattr(pdf_preview.PdfPreviewDialog, "ask", lambda _parent, _pdf, _title: True)

    panel.pdf_action.trigger()

    (job,) = fake_printer.jobs
    assert job.title == "Evacuation list"
    assert job.pdf.startswith(b"%PDF")
    assert panel.status_label.text() == "Sent (job badges-7)."


def test_cancelling_the_file_dialog_writes_nothing(panel: InsidePanel, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(inside_panel, "ask_pdf_path", lambda _parent, _suggested: None)
    panel.pdf_action.trigger()
    assert list(tmp_path.glob("*.pdf")) == []


def test_an_offline_gate_lists_who_entered_through_it(qtbot, gate_event, inline_jobs) -> None:
    path = gate_event.package()
    anchor = TrustAnchor.from_public_key_file(gate_event.pem)
    with open_offline_gate(path, gate_event.context(), anchor=anchor) as gate:
        enter(gate, gate_event, "delegate", "media")  # media: refused in PLN
        source = GateLogInside(default_log_path(path), load_package(path.read_bytes(), anchor))
        created = InsidePanel(source, "PLN")
        qtbot.addWidget(created)
        created.refresh()

        assert names(created) == ["Ҷамшед Раҳмонов"]
        assert created.counts == {"PLN": 1, "VIP": 0, "PRS": 0, "BIL": 0, "SRV": 0}
        assert created.scope_label.text().startswith("From this gate's own log only")
        entry = created.model.entry_at(0)
        assert (entry.category_name, entry.zone_name, entry.gate) == ("Delegate", "Plenary hall", "G1")
        assert entry.photo is not None  # the package's thumbnail
        source.close()

"""The app's event session: loaded off the UI thread, operations applied there, `changed` heard on the UI thread."""

import threading
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from accreditor import guests
from accreditor.changes import Changes, Topic
from accreditor.errors import WorkflowError
from accreditor.services import accreditation
from accreditor.store import EventStore
from tests.ui.conftest import Shown
from ui import jobs
from ui.event_session import SessionAdapter, changes_of

SMITH = 2


@pytest.fixture
def adapter(qtbot: QtBot, event_store: EventStore) -> SessionAdapter:
    created = SessionAdapter(event_store)
    with qtbot.waitSignals([created.loaded, created.indexed], order="strict"):
        created.start()
    return created


@pytest.fixture
def view(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_session_loads_in_the_background_then_indexes(adapter: SessionAdapter) -> None:
    assert adapter.is_loaded()
    assert adapter.is_indexed()
    assert len(adapter.session) == 6
    assert [guest.fields.family_name for guest in adapter.session.find("smith")] == ["Smith"]


def test_an_operation_is_applied_off_the_ui_thread_and_announced_on_it(
    qtbot: QtBot, adapter: SessionAdapter, view: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: dict[str, int] = {}
    applying = adapter.session.apply

    def apply(changes: Changes) -> None:
        threads["apply"] = threading.get_ident()
        applying(changes)

    monkeypatch.setattr(adapter.session, "apply", apply)
    heard: list[Changes] = []
    adapter.changed.connect(
        lambda changes: heard.append(changes) or threads.setdefault("changed", threading.get_ident())
    )
    results = []

    def approve(store: EventStore) -> accreditation.Decision:
        threads["op"] = threading.get_ident()
        return accreditation.change_status(store, [SMITH], "approved", "tester")

    with qtbot.waitSignal(adapter.changed):
        adapter.run_op(view, approve, success=results.append)
    jobs.wait_for_jobs()

    assert threads["op"] != threading.get_ident()
    assert threads["apply"] != threading.get_ident()
    assert threads["changed"] == threading.get_ident()
    assert heard == [Changes.of(Topic.GUESTS, guests=[SMITH])]
    assert results[0].changed == [SMITH]
    assert adapter.session.guest(SMITH).status == "approved"  # applied before anyone heard of it


def test_a_refused_operation_reaches_the_one_error_path_and_changes_nothing(
    adapter: SessionAdapter, view: QWidget, shown_errors: list[Shown]
) -> None:
    heard: list[Changes] = []
    adapter.changed.connect(heard.append)

    def revoke_pending(store: EventStore) -> accreditation.Decision:
        return accreditation.change_status(store, [SMITH], "revoked", "tester", "lost")

    adapter.run_op(view, revoke_pending, label="Cannot revoke")
    jobs.wait_for_jobs()

    [error] = shown_errors
    assert error.title == "Cannot revoke"
    assert "cannot be revoked" in error.text
    assert heard == []


def test_a_failure_handler_gets_the_error_instead(adapter: SessionAdapter, view: QWidget) -> None:
    errors: list[BaseException] = []

    def fail(_store: EventStore) -> Changes:
        raise WorkflowError("No.")

    adapter.run_op(view, fail, failure=errors.append)
    jobs.wait_for_jobs()
    assert [str(error) for error in errors] == ["No."]


def test_the_other_views_hear_of_a_change_even_when_the_asking_view_is_gone(
    qtbot: QtBot, adapter: SessionAdapter, event_store: EventStore
) -> None:
    asking = QWidget()
    successes: list[object] = []
    heard: list[Changes] = []
    adapter.changed.connect(heard.append)
    started = threading.Event()
    release = threading.Event()

    def slow_rename(store: EventStore) -> Changes:
        started.set()
        release.wait(5)
        with store.begin() as connection:
            old = guests.get_guest(connection, SMITH).fields
            guests.update_guest(connection, SMITH, replace(old, family_name="Smyth"), "tester")
        return Changes.of(Topic.GUESTS, guests=[SMITH])

    adapter.run_op(asking, slow_rename, success=successes.append)
    assert started.wait(5)
    asking.deleteLater()
    qtbot.wait(10)
    release.set()
    jobs.wait_for_jobs()

    assert successes == []
    assert [changes.guest_ids for changes in heard] == [{SMITH}]
    assert adapter.session.guest(SMITH).fields.family_name == "Smyth"


def test_results_say_what_they_changed() -> None:
    decision = accreditation.Decision([4, 5])
    assert changes_of(decision) == Changes.of(Topic.GUESTS, guests=[4, 5])
    assert changes_of(Changes.of(Topic.PHOTOS)) == Changes.of(Topic.PHOTOS)
    assert not changes_of(42)


def test_another_event_replaces_the_session(qtbot: QtBot, adapter: SessionAdapter, make_event) -> None:
    other = make_event("summit.accreditor", name="Summit")
    first = adapter.session
    with qtbot.waitSignal(adapter.indexed):
        adapter.set_store(other)
    assert adapter.session is not first
    assert adapter.session.event.name == "Summit"

"""The background-job helper: ops run on the pool, outcomes come back on the UI thread, errors reach the user."""

import threading

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from accreditor.errors import AccreditorError
from tests.ui.conftest import Shown
from ui import jobs, messages
from ui.jobs import JobContext

WAIT_S = 5


@pytest.fixture
def view(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_op_runs_off_the_ui_thread_and_success_on_it(qtbot: QtBot, view: QWidget) -> None:
    threads: dict[str, int] = {}

    def op(_context: JobContext) -> int:
        threads["op"] = threading.get_ident()
        return 42

    def success(result: int) -> None:
        threads["success"] = threading.get_ident()
        threads["result"] = result

    job = jobs.run_in_background(view, op, success=success)
    with qtbot.waitSignal(job.finished):
        pass
    assert threads["op"] != threading.get_ident()
    assert threads["success"] == threading.get_ident()
    assert threads["result"] == 42
    assert job.is_finished()


def test_progress_arrives_in_order_on_the_ui_thread(qtbot: QtBot, view: QWidget) -> None:
    seen: list[tuple[int, int, int]] = []

    def op(context: JobContext) -> None:
        for done in range(1, 4):
            context.report_progress(done, 3)

    job = jobs.run_in_background(view, op, success=lambda _result: None)
    job.progressed.connect(lambda done, total: seen.append((done, total, threading.get_ident())))
    with qtbot.waitSignal(job.finished):
        pass
    assert seen == [(done, 3, threading.get_ident()) for done in (1, 2, 3)]


def test_a_failure_goes_to_the_failure_callback(qtbot: QtBot, view: QWidget, shown_errors: list[Shown]) -> None:
    failures: list[BaseException] = []

    def op(_context: JobContext) -> None:
        raise AccreditorError("The printer is out of cards.")

    job = jobs.run_in_background(view, op, success=pytest.fail, failure=failures.append)
    with qtbot.waitSignal(job.finished):
        pass
    assert [str(error) for error in failures] == ["The printer is out of cards."]
    assert shown_errors == []


def test_without_a_failure_callback_a_user_error_is_shown_as_itself(
    qtbot: QtBot, view: QWidget, shown_errors: list[Shown]
) -> None:
    def op(_context: JobContext) -> None:
        raise AccreditorError("The printer is out of cards.")

    job = jobs.run_in_background(view, op, success=pytest.fail, label="Printing the badge")
    with qtbot.waitSignal(job.finished):
        pass
    assert shown_errors == [Shown("Printing the badge", "The printer is out of cards.", "")]


def test_without_a_failure_callback_a_bug_is_an_apology_with_the_traceback(
    qtbot: QtBot, view: QWidget, shown_errors: list[Shown]
) -> None:
    job = jobs.run_in_background(view, lambda _context: 1 / 0, success=pytest.fail)
    with qtbot.waitSignal(job.finished):
        pass
    (shown,) = shown_errors
    assert (shown.title, shown.text) == (messages.UNEXPECTED_TITLE, messages.UNEXPECTED_TEXT)
    assert "ZeroDivisionError" in shown.details


def test_a_cancelled_op_stops_quietly(qtbot: QtBot, view: QWidget, shown_errors: list[Shown]) -> None:
    started, go_on = threading.Event(), threading.Event()
    saw_cancel: list[bool] = []

    def op(context: JobContext) -> None:
        started.set()
        go_on.wait(WAIT_S)
        saw_cancel.append(context.cancelled())
        if context.cancelled():
            raise AccreditorError("Stopped.")

    job = jobs.run_in_background(view, op, success=pytest.fail)
    assert started.wait(WAIT_S)
    job.cancel()
    go_on.set()
    with qtbot.waitSignal(job.finished):
        pass
    assert saw_cancel == [True]
    assert shown_errors == []  # the error was the cancellation the user asked for


def test_callbacks_are_dropped_when_the_view_is_gone(qtbot: QtBot) -> None:
    view = QWidget()
    started, go_on = threading.Event(), threading.Event()
    delivered: list[object] = []

    def op(_context: JobContext) -> str:
        started.set()
        go_on.wait(WAIT_S)
        return "done"

    job = jobs.run_in_background(view, op, success=delivered.append, failure=delivered.append)
    assert started.wait(WAIT_S)
    view.deleteLater()
    with qtbot.waitSignal(view.destroyed):
        pass
    go_on.set()
    with qtbot.waitSignal(job.finished):
        pass
    assert delivered == []


def test_wait_for_jobs_delivers_the_outcomes(view: QWidget) -> None:
    results: list[int] = []
    for number in range(5):
        jobs.run_in_background(view, lambda _context, number=number: number, success=results.append)
    assert jobs.wait_for_jobs()
    assert sorted(results) == [0, 1, 2, 3, 4]


def test_synchronous_jobs_finish_before_run_in_background_returns(inline_jobs: None, view: QWidget) -> None:
    calls: list[str] = []

    def op(_context: JobContext) -> str:
        calls.append(f"op on the UI thread: {threading.current_thread() is threading.main_thread()}")
        return "result"

    job = jobs.run_in_background(view, op, success=calls.append)
    assert calls == ["op on the UI thread: True", "result"]
    assert job.is_finished()
    dialog = jobs.progress_dialog(job, view, "Printing…")
    assert not dialog.isVisible()


def test_the_progress_dialog_follows_the_job_and_its_cancel_button_cancels(qtbot: QtBot, view: QWidget) -> None:
    started, go_on = threading.Event(), threading.Event()

    def op(context: JobContext) -> bool:
        context.report_progress(1, 4)
        started.set()
        go_on.wait(WAIT_S)
        return context.cancelled()

    outcome: list[bool] = []
    job = jobs.run_in_background(view, op, success=outcome.append, label="Printing badges")
    dialog = jobs.progress_dialog(job, view, "Printing badges…")
    assert started.wait(WAIT_S)
    qtbot.waitUntil(lambda: dialog.maximum() == 4 and dialog.value() == 1)
    assert dialog.windowTitle() == "Printing badges"
    dialog.findChild(QPushButton).click()
    go_on.set()
    with qtbot.waitSignal(dialog.destroyed):
        pass
    assert outcome == [True]


def test_wait_for_gives_the_result_of_an_op_run_off_the_ui_thread(qtbot: QtBot) -> None:
    ui_thread = threading.get_ident()

    def op(_context: JobContext) -> int:
        return threading.get_ident()

    assert jobs.wait_for(op) != ui_thread


def test_wait_for_raises_the_ops_error_where_it_was_asked(qtbot: QtBot) -> None:
    def op(_context: JobContext) -> None:
        raise AccreditorError("Wrong passphrase.")

    with pytest.raises(AccreditorError, match="Wrong passphrase"):
        jobs.wait_for(op)

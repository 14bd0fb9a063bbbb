"""The one way the app runs slow work (import, batch PDF, printing) off the UI thread.

After Anki's `QueryOp` and Picard's `util/thread.py`: `run_in_background(parent, op, success=…)` runs `op` on a
QThreadPool; `op` gets a `JobContext` to report progress and to ask whether the user cancelled, and must not
touch widgets.  `success(result)` or `failure(error)` then run on the UI thread; without a `failure`, the error
goes to the app's one error dialog (`messages.show_error`).  If `parent` is destroyed before the job ends, the
callbacks are dropped, as Qt drops a connection whose context object died: the view they would update is gone.
So an op whose result must not be lost (a print to record) records it itself.

Tests call `set_synchronous(True)`: the op then runs inline and the callbacks run before `run_in_background`
returns, so GUI tests need no waiting (Picard swaps in such a pool for its tests).
"""

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui import messages

T = TypeVar("T")

_synchronous = False
_running: set["Job"] = set()  # Python owns the jobs: nothing may collect one while its op runs
_pool: QThreadPool | None = None


class JobContext:
    """What an op may do from its worker thread: report progress and look for a cancel request."""

    def __init__(self, report: Callable[[int, int], None], cancel: threading.Event) -> None:
        self._report = report
        self._cancel = cancel

    def report_progress(self, done: int, total: int) -> None:
        self._report(done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Job(QObject, Generic[T]):
    """A running op as the UI thread sees it; every public signal is emitted on the UI thread.

    The worker emits the private signals; because the Job lives in the UI thread they arrive there queued,
    after the code that started the job has connected to `progressed` and `finished`.
    """

    progressed = Signal(int, int)
    finished = Signal()
    _worker_progressed = Signal(int, int)
    _worker_succeeded = Signal(object)
    _worker_failed = Signal(object)

    def __init__(
        self,
        parent: QObject,
        success: Callable[[T], None],
        failure: Callable[[BaseException], None] | None,
        label: str,
    ) -> None:
        super().__init__()  # no Qt parent: the job must outlive a view closed while it runs
        self.label = label
        self._parent = parent
        self._success = success
        self._failure = failure
        self._done = False
        self._cancel = threading.Event()
        self.context = JobContext(self._worker_progressed.emit, self._cancel)
        self._worker_progressed.connect(self._on_progress)
        self._worker_succeeded.connect(self._on_success)
        self._worker_failed.connect(self._on_failure)

    def cancel(self) -> None:
        """Ask the op to stop; it decides when (`JobContext.cancelled`).  An error it raises after this is
        taken for the cancellation itself and not reported; a result it still returns is delivered."""
        self._cancel.set()

    def is_finished(self) -> bool:
        return self._done

    def run(self, op: Callable[[JobContext], T]) -> None:
        """The op's body on whatever thread runs it: hand the outcome to the UI thread."""
        try:
            result = op(self.context)
        except BaseException as error:  # every error, even a bug, must reach the user
            self._worker_failed.emit(error)
        else:
            self._worker_succeeded.emit(result)

    def _parent_alive(self) -> bool:
        return shiboken6.isValid(self._parent)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if not self._done:
            self.progressed.emit(done, total)

    @Slot(object)
    def _on_success(self, result: T) -> None:
        try:
            if self._parent_alive():
                self._success(result)
        finally:
            self._finish()

    @Slot(object)
    def _on_failure(self, error: BaseException) -> None:
        try:
            if self.context.cancelled() or not self._parent_alive():
                return
            if self._failure is not None:
                self._failure(error)
            else:
                title, text, details = messages.describe(error)
                window = self._parent.window() if isinstance(self._parent, QWidget) else None
                messages.show_error(window, self.label or title, text, details=details)
        finally:
            self._finish()

    def _finish(self) -> None:
        self._done = True
        _running.discard(self)
        self.finished.emit()


def run_in_background(
    parent: QObject,
    op: Callable[[JobContext], T],
    *,
    success: Callable[[T], None],
    failure: Callable[[BaseException], None] | None = None,
    label: str = "",
) -> Job[T]:
    """Run `op(context)` on the thread pool; `success`/`failure` run on the UI thread. Call from the UI thread."""
    job: Job[T] = Job(parent, success, failure, label)
    _running.add(job)
    if _synchronous:
        job.run(op)
    else:
        thread_pool().start(lambda: job.run(op))
    return job


def wait_for(op: Callable[[JobContext], T]) -> T:
    """Run `op` on the thread pool and wait for its result with the event loop running, so the window still
    paints and the UI thread runs no database statement and no key derivation; its error is raised here.

    For the few steps a dialog cannot go on without (a login checked, a key unlocked): everything else
    takes `success` callbacks.
    """
    outcome: list[tuple[bool, object]] = []
    waiting = QEventLoop()

    def finish(succeeded: bool, value: object) -> None:
        outcome.append((succeeded, value))
        waiting.quit()

    owner = QCoreApplication.instance()
    assert owner is not None, "wait_for needs a QApplication"
    run_in_background(
        owner,
        op,
        success=lambda result: finish(True, result),
        failure=lambda error: finish(False, error),
    )
    if not outcome:
        waiting.exec()
    succeeded, value = outcome[0]
    if not succeeded:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]


def set_synchronous(enabled: bool) -> None:
    """Tests: run each op inline on the calling thread, with its callbacks, before `run_in_background` returns."""
    global _synchronous  # noqa: PLW0603 - one switch for the whole app, like Picard's test pool
    _synchronous = enabled


def thread_pool() -> QThreadPool:
    """The app's own pool, so waiting for our jobs does not wait for anyone else's."""
    global _pool  # noqa: PLW0603 - created lazily: a QThreadPool wants a QCoreApplication first
    if _pool is None:
        _pool = QThreadPool()
    return _pool


def wait_for_jobs(timeout_ms: int = 5000) -> bool:
    """Let running ops end and deliver their results (test teardown, app quit); False if some are still busy."""
    deadline = QDeadlineTimer(timeout_ms)
    if not thread_pool().waitForDone(deadline):
        return False
    # The outcomes are queued events for the UI thread: deliver them so callbacks run and `_running` empties.
    while _running and not deadline.hasExpired():
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
    return not _running


def progress_dialog(job: Job[T], parent: QWidget | None, text: str) -> QProgressDialog:
    """A window-modal progress dialog with Cancel that follows `job` and closes itself when the job ends.

    It appears only if the job takes longer than Qt's minimum duration (4 s by default).
    """
    dialog = QProgressDialog(text, QCoreApplication.translate("jobs", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(job.label or QCoreApplication.translate("jobs", "Working"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def show_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total > 0 else 0)

    def close() -> None:
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()

    job.progressed.connect(show_progress)
    dialog.canceled.connect(job.cancel)
    if job.is_finished():  # a synchronous job is over before anyone could connect
        close()
    else:
        job.finished.connect(close)
    return dialog

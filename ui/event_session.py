"""The open event's session as the app sees it: loaded in the background, one `changed` signal for every view.

`SessionAdapter` owns the core `EventSession` of the open event.  It loads it off the UI thread
(`loaded` when the guests are in memory, `indexed` when search works), and runs core operations
the way Anki's `CollectionOp` does:

    session.run_op(view, lambda store: accreditation.change_status(store, ids, "approved", actor), success=…)

the op runs on the thread pool, its returned `Changes` (the result itself, or its `changes`
attribute) are applied to the session there too, and then, on the UI thread, `changed(changes)` is
emitted before `success(result)` runs.  A failure goes to `failure`, or to the app's one error dialog.
Every view listens to `changed` and refreshes only what it shows (a hidden view when next shown).
"""

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from accreditor.changes import NOTHING, Changes
from accreditor.session import EventSession
from accreditor.store import EventStore
from ui import jobs, messages

R = TypeVar("R")


def changes_of(result: object) -> Changes:
    """What an operation's result says it changed: a `Changes`, or an object carrying one as `changes`."""
    if isinstance(result, Changes):
        return result
    found = getattr(result, "changes", None)
    return found if isinstance(found, Changes) else NOTHING


class SessionAdapter(QObject):
    """The session of the open event; replaced as a whole when another event is opened."""

    loaded = Signal()  # the guests of a newly opened event are in memory (search may still be indexing)
    indexed = Signal()  # `find` works
    changed = Signal(object)  # Changes: what an operation (or a reload) changed

    def __init__(self, store: EventStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = EventSession(store)

    @property
    def session(self) -> EventSession:
        return self._session

    @property
    def store(self) -> EventStore:
        return self._session.store

    def is_loaded(self) -> bool:
        return self._session.is_loaded

    def is_indexed(self) -> bool:
        return self._session.is_indexed

    # -- loading ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Load the guests in the background, then index them; `loaded` and `indexed` follow."""
        session = self._session

        def load(_context: jobs.JobContext) -> None:
            session.load()

        def index(_context: jobs.JobContext) -> None:
            session.build_index()

        def loaded(_result: None) -> None:
            if session is not self._session:
                return  # another event was opened meanwhile
            self.loaded.emit()
            jobs.run_in_background(self, index, success=indexed, label=self.tr("Indexing the guests"))

        def indexed(_result: None) -> None:
            if session is self._session:
                self.indexed.emit()

        jobs.run_in_background(self, load, success=loaded, label=self.tr("Cannot load the event"))

    def set_store(self, store: EventStore) -> None:
        """Another event: a new session, loaded in the background like the first."""
        self._session = EventSession(store)
        self.start()

    def reload(self) -> None:
        """Read everything again (changes made at other desks); views hear `changed` as after any operation."""
        self.run_op(self, lambda _store: Changes.everything(), label=self.tr("Cannot reload the event"))

    # -- operations ------------------------------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        """Changes made elsewhere (a dialog that wrote itself): applied in the background, then `changed`."""
        self.run_op(self, lambda _store: changes, label=self.tr("Cannot read the event's changes"))

    def announce(self, changes: Changes) -> None:
        """Changes an operation has applied to this session already (the desk's services apply their own in
        their worker): every view hears them through `changed`, nothing is read again."""
        if changes:
            self.changed.emit(changes)

    def run_op(
        self,
        parent: QObject,
        op: Callable[[EventStore], R],
        *,
        success: Callable[[R], None] | None = None,
        failure: Callable[[BaseException], None] | None = None,
        label: str = "",
    ) -> jobs.Job[tuple[R, Changes]]:
        """Run `op(store)` off the UI thread, apply what it changed to the session there, then on the UI
        thread emit `changed` and call `success(result)`.

        The session hears every outcome, so the other views stay true even if `parent` is closed
        meanwhile; only `parent`'s own callbacks are dropped then.
        """
        session = self._session

        def work(_context: jobs.JobContext) -> tuple[R, Changes]:
            result = op(session.store)
            changes = changes_of(result)
            session.apply(changes)
            return result, changes

        def done(outcome: tuple[R, Changes]) -> None:
            result, changes = outcome
            if changes and session is self._session:
                self.changed.emit(changes)
            if success is not None and shiboken6.isValid(parent):
                success(result)

        def failed(error: BaseException) -> None:
            if not shiboken6.isValid(parent):
                return
            if failure is not None:
                failure(error)
            else:
                title, text, details = messages.describe(error)
                window = parent.window() if isinstance(parent, QWidget) else None
                messages.show_error(window, label or title, text, details=details)

        return jobs.run_in_background(self, work, success=done, failure=failed, label=label)

"""What a batch worker process is: a lean fresh interpreter that renders chunks of badges and dies with its parent.

Kept apart from batch.py so a worker imports the renderer and nothing else (no database layer, no
command line, no Qt, not even the layout checker): every chunk arrives with its photos and its layout
already checked, and the worker's memory is the renderer's.

Two things make that hold:

- `WORKER_CONTEXT` starts workers fresh ("spawn": safe from a GUI thread) without re-running the
  parent's main script.  multiprocessing normally re-imports it in every worker, and the parent's main
  script is the `accreditor` command (every command module) or the desktop app (Qt).
- `start_worker` runs first in each worker: the worker ends as soon as its parent does, however the
  parent ended (killed included), so a stopped batch leaves no renderer running with signed badges in
  memory.  On Linux the kernel sees to it (PR_SET_PDEATHSIG); everywhere a watchdog thread waits on
  the pipe multiprocessing keeps open to the parent, which the system closes when the parent ends.
"""

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import types
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from multiprocessing.context import SpawnContext, SpawnProcess
from multiprocessing.process import BaseProcess
from typing import Any

from accreditor import text
from accreditor.badges import fonts, render, shaping, variables
from accreditor.badges.layout import Layout
from accreditor.badges.render import BadgeData, BadgeRenderer

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
# Modules whose caches hold text by the badge (shaped lines, runs, widths, transliterations).
_TEXT_CACHES = (fonts, render, shaping, text, variables)


@contextmanager
def _without_main_script() -> Iterator[None]:
    """For the moment a worker starts, the parent seems to have no main script for the worker to re-run.

    multiprocessing's spawn hands the child the parent's `__main__` module to import again; a module
    with neither a file nor a spec is left alone.  The swap lasts only the milliseconds of the launch
    (another thread would see the stand-in then; nothing in Accreditor reads `__main__`).
    """
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


class _WorkerProcess(SpawnProcess):
    @staticmethod
    def _Popen(process_obj: BaseProcess) -> Any:
        with _without_main_script():
            return SpawnProcess._Popen(process_obj)


class _WorkerContext(SpawnContext):
    Process = _WorkerProcess


WORKER_CONTEXT = _WorkerContext()


def start_worker() -> None:
    """The initializer of every worker: end with the parent (see the module's docstring).

    Linux sends the signal when the thread that started the worker ends: the thread running the batch,
    which waits for its workers before it returns.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl to be had: the watchdog alone will do
            pass
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), name="parent-watchdog", daemon=True).start()


def _exit_with(parent: BaseProcess) -> None:
    parent.join()  # returns once the parent's end of the pipe closes: it has ended
    os._exit(1)


@cache
def _renderer(layout: Layout) -> BadgeRenderer:
    return BadgeRenderer(layout)


def render_part(layout: Layout, badges: Sequence[BadgeData], part: str) -> tuple[int, list[str]]:
    """Render `badges` into the PDF `part` with a layout checked by the parent; returns (pages, warnings)."""
    report = _renderer(layout).render(badges, part)
    _forget_text()
    return report.pages, list(report.warnings)


def _forget_text() -> None:
    """Empty the text caches: each badge has its own names, so over a long batch they would only grow."""
    for module in _TEXT_CACHES:
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()

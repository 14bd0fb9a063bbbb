"""`python -m ui.gate [EVENT|PACKAGE]`: the full-screen gate; the packaged app runs this file as `accreditor-gate`."""

import multiprocessing
import sys

from ui.gate.gate_window import main

if __name__ == "__main__":
    # A frozen gate started as a worker process must run the worker, not open another window.
    multiprocessing.freeze_support()
    sys.exit(main())

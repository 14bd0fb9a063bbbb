"""`python -m accreditor.cli`; the PyInstaller build runs this file as the frozen `accreditor` command."""

import multiprocessing
import sys

from accreditor.cli import main

if __name__ == "__main__":
    # `accreditor badges` renders big batches in spawned worker processes; in the frozen build each worker
    # starts this same executable, which must run the worker instead of parsing a command line.
    multiprocessing.freeze_support()
    sys.exit(main())

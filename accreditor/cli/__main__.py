"""`python -m accreditor.cli`."""

import sys

from accreditor.cli import main

sys.exit(main())

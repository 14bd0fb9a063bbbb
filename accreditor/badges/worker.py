"""What a batch worker process runs: render one chunk of badges to a part file.

Kept apart from batch.py so a worker imports the renderer and nothing else (no database layer):
every chunk arrives with its photos, and the worker's memory is the renderer's.
"""

from collections.abc import Sequence
from functools import cache

from accreditor.badges.layout import Layout, load_layout
from accreditor.badges.render import BadgeData, BadgeRenderer


@cache
def _layout(name: str) -> Layout:
    return load_layout(name)


def render_part(layout: str, badges: Sequence[BadgeData], part: str) -> tuple[int, list[str]]:
    """Render `badges` into the PDF `part`; returns (pages, warnings)."""
    report = BadgeRenderer(_layout(layout)).render(badges, part)
    return report.pages, list(report.warnings)

"""The badge designer: layouts edited on a true-scale canvas, previewed by the core renderer, saved as JSON.

Open it with `BadgeDesigner(store, parent)` and `.show()`; see `designer_window`.
"""

from ui.organiser.designer.designer_window import BadgeDesigner

__all__ = ["BadgeDesigner"]

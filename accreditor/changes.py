"""What a core operation changed, so that every view showing it refreshes, and nothing else does.

Every service operation that writes returns (or carries) a `Changes`.  The event session applies it
to what it holds in memory, and the app turns it into one signal that every view listens to: a view
asks `touches(Topic.GUESTS)` or looks at `guest_ids` and refreshes only what it shows.  Anki's
`OpChanges` is the model.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Topic(StrEnum):
    """The kinds of data a change can touch."""

    EVENT = "event"  # name, dates, venue, signing keys
    GUESTS = "guests"  # a guest's fields, status, category or zones
    CHECK_INS = "check_ins"
    PRINTS = "prints"  # badges printed, serials raised
    PHOTOS = "photos"
    CATEGORIES = "categories"  # categories and zones
    SCANS = "scans"  # the gate's scan log (occupancy)
    LAYOUTS = "layouts"


@dataclass(frozen=True, slots=True)
class Changes:
    """Topics touched, and the guests concerned (`all_guests` when too many to list, as after an import)."""

    topics: frozenset[Topic] = frozenset()
    guest_ids: frozenset[int] = frozenset()
    all_guests: bool = False
    origin: str = field(default="", compare=False)  # "" = this station; else the station that made the change

    @classmethod
    def of(cls, *topics: Topic, guests: Iterable[int] = (), all_guests: bool = False) -> "Changes":
        return cls(frozenset(topics), frozenset(guests), all_guests)

    @classmethod
    def everything(cls) -> "Changes":
        """A reload from scratch: another event opened, or the event changed beyond telling."""
        return cls(frozenset(Topic), frozenset(), True)

    def touches(self, *topics: Topic) -> bool:
        return any(topic in self.topics for topic in topics)

    def concerns(self, guest_id: int) -> bool:
        return self.all_guests or guest_id in self.guest_ids

    def __bool__(self) -> bool:
        return bool(self.topics)

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(
            self.topics | other.topics,
            self.guest_ids | other.guest_ids,
            self.all_guests or other.all_guests,
            self.origin if self.origin == other.origin else "",
        )


NOTHING = Changes()

"""Finding a guest as the desk types: any script, any word order, forgiving Latin spellings.

Every guest has a `search_text`: the folded words (see `text.fold`) of their names as written
and in Latin, organisation, delegation, passport number, e-mail and reference.  The index keeps
those words sorted, so a query word is matched by binary search:

    exact word  >  word prefix  >  substring  >  same sound (`text.phonetic`)

A guest matches when every query word matches one of their words; guests are ranked by the sum
of their best match per query word, then by Latin name.
"""

import bisect
import heapq
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from accreditor import schema
from accreditor.text import fold, phonetic

if TYPE_CHECKING:
    from accreditor.guests import GuestFields

EXACT, PREFIX, SUBSTRING, SOUND = 4, 3, 2, 1
# Shorter query words match too much by substring or sound to be useful.
_MIN_FUZZY_LENGTH = 3


def search_text(guest: "GuestFields") -> str:
    """The words a guest can be found by, folded to lower-case ASCII, each once."""
    sources = (
        guest.family_name,
        guest.given_name,
        guest.family_name_latin,
        guest.given_name_latin,
        guest.organisation,
        guest.delegation,
        guest.external_ref,
        guest.passport_no.replace(" ", ""),
        guest.email,
    )
    words = [word for source in sources if source for word in fold(source).split()]
    if guest.email:
        words.append(guest.email.lower())
    return " ".join(dict.fromkeys(words))


def sort_key(family_name_latin: str, given_name_latin: str) -> str:
    return fold(f"{family_name_latin} {given_name_latin}")


def _sound_of(word: str) -> str:
    """Sound-alike key of a name word; numbers, e-mails and codes have none (they are spelled exactly)."""
    if not word.isalpha():
        return ""
    return phonetic(word)


@dataclass(frozen=True, slots=True)
class IndexEntry:
    guest_id: int
    search_text: str
    sort_key: str


def _ids(guest_ids: Iterable[int] = ()) -> "array[int]":
    """Guest ids packed 8 bytes each: a set per word costs ten times that at 100,000 guests."""
    return array("q", guest_ids)


class _SortedWords:
    """Sorted distinct words, each with the guests that have it; prefix and substring lookups."""

    def __init__(self) -> None:
        self.guests_of: dict[str, array[int]] = {}
        self._sorted: list[str] = []
        self._blob: str | None = None
        self._offsets: list[int] = []

    def add(self, word: str, guest_id: int) -> None:
        holders = self.guests_of.get(word)
        if holders is None:
            self.guests_of[word] = _ids((guest_id,))
            bisect.insort(self._sorted, word)
            self._blob = None
        elif guest_id not in holders:
            holders.append(guest_id)

    def discard(self, word: str, guest_id: int) -> None:
        holders = self.guests_of.get(word)
        if holders is not None and guest_id in holders:
            holders.remove(guest_id)

    def load(self, postings: dict[str, "array[int]"]) -> None:
        self.guests_of = dict(postings)
        self._sorted = sorted(self.guests_of)
        self._blob = None

    def with_prefix(self, prefix: str) -> Iterable[str]:
        start = bisect.bisect_left(self._sorted, prefix)
        end = bisect.bisect_left(self._sorted, prefix + "\x7f")
        return self._sorted[start:end]

    def containing(self, fragment: str) -> Iterable[str]:
        """Words containing `fragment`; one regex scan over all words joined, at C speed."""
        if self._blob is None:
            self._blob = "\n".join(self._sorted)
            offsets, position = [], 0
            for word in self._sorted:
                offsets.append(position)
                position += len(word) + 1
            self._offsets = offsets
        seen: set[int] = set()
        for found in re.finditer(re.escape(fragment), self._blob):
            index = bisect.bisect_right(self._offsets, found.start()) - 1
            if index not in seen:
                seen.add(index)
                yield self._sorted[index]


class SearchIndex:
    """An in-memory index of an event's guests; build it once, then query it as often as needed."""

    def __init__(self, entries: Iterable[IndexEntry] = ()) -> None:
        self._words = _SortedWords()
        self._sounds = _SortedWords()
        self._entries: dict[int, IndexEntry] = {}
        # Packed as they are gathered: lists or sets of 100,000 guests' words would double the peak memory.
        words: defaultdict[str, array[int]] = defaultdict(_ids)
        for entry in entries:
            self._entries[entry.guest_id] = entry
            for word in dict.fromkeys(entry.search_text.split()):
                words[word].append(entry.guest_id)
        words_of_sound: defaultdict[str, list[str]] = defaultdict(list)
        for word in words:
            if sound := _sound_of(word):
                words_of_sound[sound].append(word)
        sounds = {
            sound: _ids(sorted(set().union(*(words[word] for word in sound_words))))
            for sound, sound_words in words_of_sound.items()
        }
        self._words.load(words)
        self._sounds.load(sounds)

    @classmethod
    def from_connection(cls, connection: Connection) -> "SearchIndex":
        table = schema.guests
        rows = connection.execute(
            select(table.c.id, table.c.search_text, table.c.family_name_latin, table.c.given_name_latin)
        )
        return cls(
            IndexEntry(row.id, row.search_text, sort_key(row.family_name_latin, row.given_name_latin)) for row in rows
        )

    def __len__(self) -> int:
        return len(self._entries)

    def upsert(self, entry: IndexEntry) -> None:
        """Index a new or changed guest without rebuilding the rest."""
        self.remove(entry.guest_id)
        self._entries[entry.guest_id] = entry
        for word in entry.search_text.split():
            self._words.add(word, entry.guest_id)
            if sound := _sound_of(word):
                self._sounds.add(sound, entry.guest_id)

    def remove(self, guest_id: int) -> None:
        old = self._entries.pop(guest_id, None)
        if old is not None:
            for word in old.search_text.split():
                self._words.discard(word, guest_id)
                if sound := _sound_of(word):
                    self._sounds.discard(sound, guest_id)

    def search(self, query: str, limit: int = 50) -> list[int]:
        """Ids of the guests matching every word of `query`, best first."""
        words = list(dict.fromkeys(fold(query).split()))
        email = query.strip().lower()
        if "@" in email and " " not in email:
            words = [email]
        if not words:
            return []
        scores: dict[int, int] | None = None
        # The longest word is usually the most selective: start there, intersect the rest.
        for word in sorted(words, key=len, reverse=True):
            ranks = self._ranks(word, None if scores is None else scores.keys())
            if scores is None:
                scores = ranks
            else:
                scores = {guest: score + ranks[guest] for guest, score in scores.items() if guest in ranks}
            if not scores:
                return []
        assert scores is not None
        entries = self._entries
        best = heapq.nsmallest(limit, scores.items(), key=lambda item: (-item[1], entries[item[0]].sort_key))
        return [guest for guest, _score in best]

    def _ranks(self, word: str, candidates: Iterable[int] | None) -> dict[int, int]:
        """Best match rank of `word` per guest (only among `candidates` when given)."""
        allowed = None if candidates is None else set(candidates)
        ranks: dict[int, int] = {}

        def credit(holders: Iterable[int], rank: int) -> None:
            for guest in holders:
                if (allowed is None or guest in allowed) and ranks.get(guest, 0) < rank:
                    ranks[guest] = rank

        guests_of = self._words.guests_of
        credit(guests_of.get(word, ()), EXACT)
        for found in self._words.with_prefix(word):
            if found != word:
                credit(guests_of[found], PREFIX)
        if len(word) >= _MIN_FUZZY_LENGTH:
            for found in self._words.containing(word):
                if not found.startswith(word):
                    credit(guests_of[found], SUBSTRING)
            sound = _sound_of(word)
            if sound:
                for found in self._sounds.with_prefix(sound):
                    credit(self._sounds.guests_of[found], SOUND)
        return ranks

"""Category colours that differ for everyone, and text that reads on them.

About one man in twelve sees colours differently; a guard who cannot tell a VIP band from a Media
band has no category at all.  Two colours count as distinct when their distance ΔE in CAM02-UCS
(a colour space built so that equal distances look equally different) is at least
`MIN_DISTANCE` as seen with normal vision *and* as simulated for the three dichromacies — protanopia,
deuteranopia and tritanopia, the strongest forms of the common deficiencies (Machado et al. 2009 at
severity 100, via colorspacious).  Text on a band is black or white, whichever gives the higher
WCAG contrast; on any colour the better of the two reaches about 4.58:1, so every band meets
`MIN_TEXT_CONTRAST` (WCAG AA for normal text) as long as the renderer picks the better one.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

MIN_DISTANCE = 15.0
"""Least ΔE (CAM02-UCS) between two category colours, for normal vision and each simulated dichromacy."""
MIN_TEXT_CONTRAST = 4.5
"""Least WCAG contrast ratio of a band's text (black or white) with the band."""

VISIONS: Mapping[str, str | None] = {
    "normal vision": None,
    "protanopia": "protanomaly",
    "deuteranopia": "deuteranomaly",
    "tritanopia": "tritanomaly",
}
"""The ways of seeing every category colour is checked for, and colorspacious's name of each."""

DEFAULT_PALETTE: Mapping[str, str] = {
    "HOD": "#771111",  # maroon
    "DEL": "#334488",  # blue
    "OBS": "#88CCEE",  # sky
    "VIP": "#DD8855",  # apricot
    "MED": "#EECC44",  # yellow
    "ORG": "#557766",  # sage green
    "STF": "#BB4400",  # rust
    "SEC": "#111111",  # black
    "INT": "#9966AA",  # lilac
    "TEC": "#AAAAAA",  # grey
}
"""The standard categories' colours: every pair at least `MIN_DISTANCE` apart in every vision above
(found by a search over the sRGB cube starting from the old hues; the least distance is 16.7)."""

_HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def _rgb(colour: str) -> tuple[float, float, float]:
    if not _HEX.fullmatch(colour):
        raise ValueError(f"{colour!r} is not a #RRGGBB colour")
    return (int(colour[1:3], 16) / 255, int(colour[3:5], 16) / 255, int(colour[5:7], 16) / 255)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #RRGGBB colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in _rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(background: str) -> str:
    """#000000 or #FFFFFF, whichever contrasts more with the background."""
    return "#000000" if contrast_ratio(background, "#000000") >= contrast_ratio(background, "#FFFFFF") else "#FFFFFF"


@lru_cache(maxsize=4096)
def _appearance(colour: str, vision: str) -> tuple[float, float, float]:
    """The colour in CAM02-UCS as someone with `vision` sees it."""
    import numpy  # noqa: PLC0415 - loaded when colours are compared, not by every process
    from colorspacious import cspace_convert  # noqa: PLC0415

    rgb = numpy.array(_rgb(colour))
    deficiency = VISIONS[vision]
    if deficiency is not None:
        space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
        rgb = numpy.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)
    jab = cspace_convert(rgb, "sRGB1", "CAM02-UCS")
    return (float(jab[0]), float(jab[1]), float(jab[2]))


def distance(first: str, second: str, vision: str = "normal vision") -> float:
    """ΔE in CAM02-UCS between two #RRGGBB colours as seen with `vision` (one of `VISIONS`)."""
    a, b = _appearance(first.upper(), vision), _appearance(second.upper(), vision)
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5


@dataclass(frozen=True, slots=True)
class Clash:
    """Two colours that someone cannot tell apart well enough."""

    other: str
    """The name (or code) of the colour it clashes with."""
    vision: str
    distance: float

    def describe(self, colour_name: str = "This colour") -> str:
        return (
            f"{colour_name} is hard to tell from {self.other} with {self.vision} "
            f"(ΔE {self.distance:.1f}, at least {MIN_DISTANCE:g} is needed)."
        )


def closest_clash(colour: str, others: Mapping[str, str]) -> Clash | None:
    """The worst clash of `colour` with any of `others` (name → #RRGGBB), or None when it is distinct."""
    worst: Clash | None = None
    for name, other in others.items():
        for vision in VISIONS:
            apart = distance(colour, other, vision)
            if apart < MIN_DISTANCE and (worst is None or apart < worst.distance):
                worst = Clash(name, vision, apart)
    return worst


def clashes(colours: Mapping[str, str]) -> list[tuple[str, Clash]]:
    """Every pair of `colours` (name → #RRGGBB) that is not distinct, each pair once."""
    names = list(colours)
    found = []
    for index, name in enumerate(names):
        later = {other: colours[other] for other in names[index + 1 :]}
        if (clash := closest_clash(colours[name], later)) is not None:
            found.append((name, clash))
    return found


def low_contrast(colours: Iterable[str]) -> list[str]:
    """The colours on which neither black nor white text reaches `MIN_TEXT_CONTRAST`."""
    return [colour for colour in colours if contrast_ratio(colour, text_colour_on(colour)) < MIN_TEXT_CONTRAST]

"""A fresh clone tests fully: the suite reads only what the repository holds."""

import re
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
TESTS = REPOSITORY / "tests"
# A path that climbs out of the repository, or the shared folder beside the project checkouts.
_OUTSIDE = re.compile(r"""parents\[1\]\.parent|["']\.\./|["']/work/|["']shared["']""")


def test_the_sample_exports_are_in_the_repository(sample_exports: Path) -> None:
    assert sample_exports.resolve().is_relative_to(REPOSITORY)
    names = {path.name for path in sample_exports.iterdir()}
    assert {"registration-en.csv", "registration-ru.csv", "registration-title-block.xlsx"} <= names


def test_no_test_reads_files_beside_the_repository() -> None:
    offenders = [
        f"{path.relative_to(REPOSITORY)}:{number}"
        for path in sorted(TESTS.rglob("*.py"))
        if path != Path(__file__).resolve()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _OUTSIDE.search(line)
    ]
    assert offenders == []

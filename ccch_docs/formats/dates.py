"""Dates as the decree writes them: `ngày 05 tháng 01 năm 2021`, `05/12/2020`, with blanks for drafts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

BLANK = "      "  # room left for the clerk to write a day or month by hand


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date whose day, or day and month, may still be blank (an unsigned draft); complete ones compare."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        # Validates the parts together (31 February, month 13 …).
        if self.day is not None:
            try:
                date(self.year or 2000, self.month or 1, self.day)
            except ValueError:
                raise ValueError(f"ngày {self.day}/{self.month}/{self.year} không có trên lịch") from None
        elif self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"tháng phải từ 1 đến 12, không phải {self.month}")

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read a YAML value: a date, ``"2021-12"``, ``2022``/``"2022"`` or nothing.

        >>> PartialDate.parse("2021-12")
        PartialDate(year=2021, month=12, day=None)
        >>> PartialDate.parse(None)
        PartialDate(year=None, month=None, day=None)
        """
        if value is None or value == "":
            return cls()
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool):
            raise ValueError("cần một ngày như 2021-12-05, 2021-12 hoặc 2021")
        if isinstance(value, int):
            return cls(_year(value))
        if isinstance(value, str):
            parts = value.strip().split("-")
            if 1 <= len(parts) <= 3 and all(p.isdigit() for p in parts):
                nums = [int(p) for p in parts] + [None, None]
                return cls(_year(nums[0]), nums[1], nums[2])
        raise ValueError(f"cần một ngày như 2021-12-05, 2021-12 hoặc 2021, không phải {value!r}")

    @property
    def complete(self) -> bool:
        return self.day is not None

    def __str__(self) -> str:
        """The short form used inside text (`05/12/2020`), as `short_date` writes it."""
        return short_date(self)


def _year(y: int) -> int:
    if not 1900 <= y <= 2200:
        raise ValueError(f"năm {y} nằm ngoài khoảng 1900–2200")
    return y


def day_text(day: int) -> str:
    """Day of month: a leading 0 below 10.

    >>> day_text(5), day_text(18)
    ('05', '18')
    """
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Month: a leading 0 for January and February only (the decree's rule).

    >>> month_text(1), month_text(2), month_text(5), month_text(12)
    ('01', '02', '5', '12')
    """
    return f"{month:02d}" if month <= 2 else str(month)


def long_date(d: PartialDate) -> str:
    """`ngày … tháng … năm …`, keeping blanks for the parts not yet known.

    >>> long_date(PartialDate(2021, 1, 5))
    'ngày 05 tháng 01 năm 2021'
    >>> long_date(PartialDate(2020, 6, 29))
    'ngày 29 tháng 6 năm 2020'
    >>> long_date(PartialDate(2021, 12))
    'ngày        tháng 12 năm 2021'
    """
    day, month, year = _parts(d)
    return f"ngày {day} tháng {month} năm {year}"


def short_date(d: PartialDate) -> str:
    """`05/12/2020` as used inside text and in the "(Kèm theo …)" line; blanks kept.

    >>> short_date(PartialDate(2020, 12, 5)), short_date(PartialDate(2021, 6, 19))
    ('05/12/2020', '19/6/2021')
    >>> short_date(PartialDate(2021, 12))
    '      /12/2021'
    """
    day, month, year = _parts(d)
    return f"{day}/{month}/{year}"


def _parts(d: PartialDate) -> tuple[str, str, str]:
    return (day_text(d.day) if d.day else BLANK, month_text(d.month) if d.month else BLANK,
            str(d.year) if d.year else BLANK)


def place_date(place: str, d: PartialDate) -> str:
    """The italic header line (ô 4).

    >>> place_date("Đồng Tháp", PartialDate(2020, 12, 5))
    'Đồng Tháp, ngày 05 tháng 12 năm 2020'
    """
    return f"{place}, {long_date(d)}"

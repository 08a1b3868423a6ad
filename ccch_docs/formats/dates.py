"""Dates as the decree writes them: `ngày 05 tháng 01 năm 2021`, `05/12/2020`, with blanks for drafts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import Unclear

# How clerks write a date: 2021-12-05 (or 2021-12, 2021), 05/12/2021 or 5-12-2021 (or 12/2021), in words.
_ISO = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?")
_DAY_FIRST = re.compile(r"(?:(?P<d>\d{1,2})[/.-])?(?P<m>\d{1,2})(?P<sep>[/.-])(?P<y>\d{4}|\d{2})")
_WORDS = re.compile(r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.IGNORECASE)
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
        """Read a YAML value: ``2021-12-05``, ``05/12/2021``, ``5-12-2021``, ``"2021-12"``, ``2022`` or nothing.

        >>> PartialDate.parse("2021-12"), PartialDate.parse("15/01/2025"), PartialDate.parse("5-1-2025")
        (PartialDate(year=2021, month=12, day=None), PartialDate(year=2025, month=1, day=15), \
PartialDate(year=2025, month=1, day=5))
        >>> PartialDate.parse(None), PartialDate.parse("ngày 05 tháng 12 năm 2020")
        (PartialDate(year=None, month=None, day=None), PartialDate(year=2020, month=12, day=5))
        >>> for text in ("01/15/2025", "15/01/25", "2025-15-01"):
        ...     try:
        ...         PartialDate.parse(text)
        ...     except Unclear as exc:
        ...         print(exc.hint)
        viết 15/01/2025 (ngày/tháng/năm)
        viết 15/01/2025 (năm đủ bốn chữ số)
        viết 2025-01-15 (năm-tháng-ngày)
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
            text = value.strip()
            m = _ISO.fullmatch(text) or _WORDS.fullmatch(text)
            if m:
                return cls._checked(text, m["y"], m["m"], m["d"], f"viết {m['y']}-{m['d']}-{m['m']} (năm-tháng-ngày)")
            m = _DAY_FIRST.fullmatch(text)
            if m:
                sep, own = m["sep"], [p for p in (m["d"], m["m"]) if p]
                if len(m["y"]) == 2:
                    raise Unclear(f"năm `{m['y']}` viết tắt",
                                  f"viết {sep.join(own)}{sep}20{m['y']} (năm đủ bốn chữ số)")
                swapped = sep.join(own[::-1] + [m["y"]])
                return cls._checked(text, m["y"], m["m"], m["d"], f"viết {swapped} (ngày/tháng/năm)")
        raise ValueError(f"cần một ngày như 2021-12-05, 05/12/2021, 2021-12 hoặc 2021, không phải {value!r}")

    @classmethod
    def _checked(cls, text: str, year: str, month: str | None, day: str | None, hint: str) -> PartialDate:
        """The date of these parts; Unclear, with `hint` (the date swapped), when only day and month swapped make a
        date."""
        try:
            return cls(_year(int(year)), int(month) if month else None, int(day) if day else None)
        except ValueError:
            if day and month and int(month) > 12 >= int(day):
                raise Unclear(f"ngày `{text}` không có trên lịch: không có tháng {int(month)}",
                              hint) from None
            raise

    @property
    def complete(self) -> bool:
        return self.day is not None

    def __str__(self) -> str:
        """The short form used inside text (`05/12/2020`), as `short_date` writes it."""
        return short_date(self)


def last_day(d: PartialDate) -> date | None:
    """The latest day `d` may be: itself, the end of its month or year when the day or month is blank; None when
    all is blank.

    >>> last_day(PartialDate(2021, 2, 5)), last_day(PartialDate(2024, 2)), last_day(PartialDate(2024, 12))
    (datetime.date(2021, 2, 5), datetime.date(2024, 2, 29), datetime.date(2024, 12, 31))
    >>> last_day(PartialDate(2024)), last_day(PartialDate())
    (datetime.date(2024, 12, 31), None)
    """
    if d.year is None:
        return None
    if d.month is not None and d.day is not None:
        return date(d.year, d.month, d.day)
    month = d.month or 12
    return date(d.year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


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

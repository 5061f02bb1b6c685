#!/usr/bin/env python3
"""Prints every day of the given years as `YYYY-MM-DD W` (working day) or `YYYY-MM-DD O` (day off)
according to PyPI's `chinesecalendar` package, an independent source the Swift tests compare
the hall's own calendar data against (Tests/HallCoreTests/CalendarCrossCheckTests.swift).

Usage: check_chinesecalendar.py 2025 2026
Exit status 3 when the package is not installed (pip install chinesecalendar).
"""
import datetime
import sys

try:
    import chinese_calendar
except ImportError:
    sys.stderr.write("chinesecalendar is not installed: pip install chinesecalendar\n")
    sys.exit(3)

for year in (int(arg) for arg in sys.argv[1:]):
    day = datetime.date(year, 1, 1)
    while day.year == year:
        print(day.isoformat(), "W" if chinese_calendar.is_workday(day) else "O")
        day += datetime.timedelta(days=1)

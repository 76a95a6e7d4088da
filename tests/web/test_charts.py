"""Chart geometry: dates in the reader's words, day-only articles drawn as days, a phone layout whose labels
fit, and no chart where a list says more (one story, or everything in one period)."""

from __future__ import annotations

from datetime import date, datetime

from recoupe.web.charts import Month, day_words, histogram, moment_words, timeline


def test_dates_in_words() -> None:
    assert day_words(date(2018, 11, 17)) == "17 nov. 2018"
    assert day_words(date(2019, 1, 1)) == "1er janv. 2019"
    assert day_words(date(2018, 8, 3), year=False) == "3 août"
    assert moment_words(datetime(2018, 11, 17, 14, 0)) == "17 nov. 2018 à 14 h"  # noqa: DTZ001 - wall-clock times
    assert moment_words(datetime(2018, 11, 17, 14, 5)) == "17 nov. 2018 à 14 h 05"  # noqa: DTZ001
    assert moment_words(date(2018, 11, 17)) == "17 nov. 2018"


def test_ticks_fall_on_round_hours_in_words() -> None:
    items = [
        ("Le Monde", datetime(2018, 11, 17, 10, 0), False, "/a", "A"),  # noqa: DTZ001
        ("Libération", datetime(2018, 11, 17, 16, 0), False, "/b", "B"),  # noqa: DTZ001
    ]
    chart = timeline(items)
    assert [t.label for t in chart.ticks] == ["le 17 à 12 h", "15 h"]
    assert chart.description == "2 articles from 2 outlets, le 17 nov. 2018"
    assert [d.title for d in chart.dots] == ["A, 17 nov. 2018 à 10 h", "B, 17 nov. 2018 à 16 h"]


def test_a_day_only_article_is_drawn_as_its_day() -> None:
    items = [
        ("Le Monde", date(2018, 11, 17), False, "/a", "Gilets jaunes (Le Monde)"),
        ("AFP", datetime(2018, 11, 18, 9, 30), False, "/b", "Mobilisation (AFP)"),  # noqa: DTZ001
        ("Le Figaro", None, False, "/c", "Undated"),
    ]
    chart = timeline(items)
    band, dot = chart.dots
    assert band.day
    assert band.title == "Gilets jaunes (Le Monde), 17 nov. 2018"  # no hour made up
    assert not dot.day
    assert dot.title == "Mobilisation (AFP), 18 nov. 2018 à 9 h 30"
    # the band covers the 17th: 24 of the 33.5 hours drawn (with 4 % padding each side) of the plot
    plot = chart.width - chart.left - 14
    assert abs(band.width - plot * 24 / (33.5 * 1.08)) < 0.5
    assert band.x + band.width < dot.x  # the 18th at 9:30 comes after the whole 17th
    assert chart.undated == 1
    assert chart.description == "3 articles from 3 outlets, 1 without a known day, du 17 nov. 2018 au 18 nov. 2018"
    assert all(":" not in t.label for t in chart.ticks)


def test_the_phone_layout_puts_names_above_their_lanes_at_real_size() -> None:
    long_name = "Le Parisien – Aujourd'hui en France"  # 35 characters: cut in the wide layout only
    items = [(long_name, datetime(2018, 11, 17, 10, 0), False, "/a", "A")]  # noqa: DTZ001
    items += [("Ouest-France", datetime(2018, 11, 19, 8, 0), True, "/b", "B")]  # noqa: DTZ001
    wide, narrow = timeline(items), timeline(items, layout="narrow")
    assert (wide.width, narrow.width) == (720, 360)
    assert wide.rows[0][0] == "Le Parisien – Aujourd'h…"
    assert narrow.rows[0][0] == long_name
    assert narrow.left < 20  # lanes use the whole width; the name sits above (negative offset)
    assert narrow.label_y_offset < 0 < wide.label_y_offset
    assert len(narrow.ticks) <= 3
    assert [t.label for t in narrow.ticks] == ["18 nov. 2018", "19 nov."]  # midnights inside 17 nov. 10 h - 19 nov. 8 h
    assert all(narrow.left <= d.x <= narrow.width for d in narrow.dots)


def test_histogram_only_when_there_is_something_to_compare() -> None:
    one = [datetime(2018, 11, 17, 14, 0)]  # noqa: DTZ001
    assert histogram(one) is None  # one story: the list below says it
    same_day = [datetime(2018, 11, 17, 9, 0), datetime(2018, 11, 17, 18, 0)]  # noqa: DTZ001
    assert histogram(same_day) is None  # one period: one giant bar says nothing
    months = [datetime(2018, 11, 17), datetime(2018, 12, 3), datetime(2019, 1, 20)]  # noqa: DTZ001
    chart = histogram(months)
    assert chart is not None
    assert chart.unit == "month"
    assert [(b.label, b.count) for b in chart.bars] == [("nov. 2018", 1), ("déc. 2018", 1), ("janv. 2019", 1)]
    assert [t.label for t in chart.ticks] == ["nov. 2018", "déc. 2018", "janv. 2019"]
    assert chart.description == "3 stories from nov. 2018 to janv. 2019; at most 1 story in one month"
    narrow = histogram(months, layout="narrow")
    assert narrow is not None
    assert narrow.width == 360
    assert len(narrow.ticks) <= 3


def test_a_midnight_tick_names_the_day() -> None:
    items = [
        ("Le Monde", datetime(2018, 11, 17, 3, 0), False, "/a", "A"),  # noqa: DTZ001
        ("AFP", datetime(2018, 11, 18, 3, 0), False, "/b", "B"),  # noqa: DTZ001
    ]
    # 24 h (+ 4 % each side, 25.9 h): 6-hour steps (at most 5 ticks) from 2 h to 4 h the next day
    assert [t.label for t in timeline(items).ticks] == ["le 17 à 6 h", "12 h", "18 h", "18 nov."]


def test_a_month_only_article_is_drawn_as_its_month() -> None:
    items = [
        ("Le Journal", Month(2025, 2), False, "/a", "Musk (Le Journal)"),
        ("Clubic", date(2025, 2, 11), False, "/b", "OpenAI (Clubic)"),
    ]
    chart = timeline(items)
    month, day = chart.dots
    assert month.day
    assert month.title == "Musk (Le Journal), févr. 2025"
    assert day.title == "OpenAI (Clubic), 11 févr. 2025"
    assert abs(month.width / day.width - 28) < 0.1  # February 2025 is 28 days
    assert chart.description == "2 articles from 2 outlets, du 1er févr. 2025 au 11 févr. 2025"

"""Labels for things the authority data does not list: resolutions, sessions, ordinals."""

from __future__ import annotations

from functools import cache

from instrumap.extract.lexicon import load_data

_ZH_DIGITS = "零一二三四五六七八九"


@cache
def organ_names(series: str) -> dict[str, str]:
    """The first-listed name of the organ issuing ``series`` in each language: {"en": "General Assembly", …}."""
    names: dict[str, str] = {}
    for language in ("en", "zh"):
        for name, value in load_data(language)["organs"].items():
            if value == series and language not in names:
                names[language] = name
    return names


def resolution_label(series: str, number: str, kind: str = "resolution") -> dict[str, str]:
    """``("E", "2003/24")`` → {"en": "Economic and Social Council resolution 2003/24",
    "zh": "经济及社会理事会第2003/24号决议"}."""
    names = organ_names(series)
    zh_word = "决定" if kind == "decision" else "决议"
    label = {"en": f"{names.get('en', series)} {kind} {number}".strip()}
    if "zh" in names:
        label["zh"] = f"{names['zh']}第{number.replace(' ', '')}号{zh_word}"
    return label


@cache
def _english_ordinals() -> dict[int, str]:
    data = load_data("en")
    words = {n: w for w, n in data["ordinals"].items()}
    for tens_word, tens in data["tens"].items():
        for unit in range(1, 10):
            words[tens + unit] = f"{tens_word}-{words[unit]}"
    return words


def english_ordinal_word(n: int) -> str:
    """58 → "fifty-eighth"; numbers past the lexicon as "101st"."""
    word = _english_ordinals().get(n)
    if word:
        return word
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def chinese_ordinal_word(n: int) -> str:
    """58 → "五十八"."""
    if n < 10:
        return _ZH_DIGITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[unit] if unit else "")
    return str(n)

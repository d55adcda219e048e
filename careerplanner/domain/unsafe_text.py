"""Characters that would drive a terminal rather than show on it, found and made visible.

Control characters (C0 but tab and line breaks, DEL, C1: ESC, BEL, OSC...) and lone
surrogates (bytes that were not UTF-8) are refused in every text the user enters
(`validation.parse_text`), and escaped wherever stored text is printed (`printable`).
"""

from __future__ import annotations

import re
import unicodedata

UNSAFE_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x1b": "ESC", "\x7f": "DEL", "\x9d": "OSC"}


def unsafe_in(text: str) -> str | None:
    """What the first unsafe character of `text` is, in words; None when there is none."""
    found = UNSAFE_TEXT.search(text)
    if found is None:
        return None
    char = found.group()
    if unicodedata.category(char) == "Cs":
        return "a character that is not valid text (the input was not UTF-8)"
    return f"a control character ({_NAMES.get(char, f'U+{ord(char):04X}')})"


def printable(text: str) -> str:
    """`text` with every unsafe character shown as an escape (`\\x1b`), for terminals."""
    if UNSAFE_TEXT.search(text) is None:
        return text
    return UNSAFE_TEXT.sub(
        lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text
    )

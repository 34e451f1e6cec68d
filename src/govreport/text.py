"""Small text helpers shared by the rules: display cleaning and sentence finding."""
from __future__ import annotations

import re

import regex

__all__ = ["clean", "clean_title", "first_sentence_end", "is_topic_sentence"]

_DECORATION = regex.compile(r"<[a-zA-Z/][^<>\n]{0,40}>|\*\*|__|\\(?=[*_#\\])|^[ \t]*#{1,6}[ \t]*", regex.M)
_TRIM = " \t\r\u3000\u00a0\u2002\u2003\u200b\u200c\u200d\u2060\ufeff"


_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Every match of _DECORATION and _INVISIBLE starts with one of these characters; most
# pieces of a report hold none, and one class search for them (re's fast class scan) is
# cheaper than running the two substitutions.
_MARKUP = re.compile("[<*_\\\\#\u200b\u200c\u200d\u2060\ufeff]")


def clean(raw: str) -> str:
    """Display text of a raw piece of the report: markup removed, lines joined.

    Markdown ``#``/``**``, stray HTML tags and backslash escapes go; line breaks and the
    indentation around them are removed (Chinese text has no spaces between lines).
    """
    text = raw
    if _MARKUP.search(raw):
        text = _DECORATION.sub("", _INVISIBLE.sub("", raw))
    if "\n" in text:
        text = "".join(part.strip(_TRIM) for part in text.split("\n"))
    return text.strip(_TRIM)


def clean_title(raw: str) -> str:
    """A heading title for display: :func:`clean` plus trailing 。 and colons removed."""
    return clean(raw).rstrip("。．.:：").strip(_TRIM)


_SENTENCE_END = re.compile(r"[。！？!?]")


def first_sentence_end(norm: str, start: int, end: int) -> int:
    """The offset just after the first sentence of ``norm[start:end]``, or ``-1``."""
    m = _SENTENCE_END.search(norm, start, end)
    if m is None:
        return -1
    pos: int = m.end()
    # keep a closing quote or bracket and a closing ** with the sentence
    while pos < end and norm[pos] in "”’）】」』":
        pos += 1
    return pos


_TOPIC_MAX = 40
_CLAUSE_MARK = re.compile(r"[，,；;：:]")
_WORDS = re.compile(r"[^\s*]")  # re's \s is str.isspace(), which str.strip() strips


def is_topic_sentence(norm: str, start: int, end: int) -> int:
    """If ``norm[start:end]`` opens with a topic sentence, the offset where it ends; else ``-1``.

    A topic sentence is short (at most 40 characters), has no comma, semicolon or colon,
    ends with 。 and is followed by more text: ``切实把政治建设摆在首位。坚持…``.
    """
    stop = first_sentence_end(norm, start, min(end, start + _TOPIC_MAX + 8))
    if stop == -1 or norm[stop - 1] not in "。”）" :
        return -1
    sentence = clean(norm[start:stop])
    if len(sentence) > _TOPIC_MAX or _CLAUSE_MARK.search(sentence):
        return -1
    if _WORDS.search(norm, stop, end) is None:
        return -1  # nothing but spaces and ** after it
    return stop

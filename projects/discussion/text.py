"""A comment's plain text as parts: text, links (http and https only) and
@mentions. Pure functions, no Django; templates render the parts, so every
part is escaped like any other text."""

import re
from dataclasses import dataclass

# A mention starts at "@" not preceded by a word character, "." or "@" (so an
# e-mail address is no mention), and does not end with "." (the end of a
# sentence). Usernames of letters, digits and . + - _ are mentionable.
MENTION = re.compile(r"(?<![\w.@])@([\w.+-]*[\w+-])")
LINK = re.compile(r"\bhttps?://[^\s<>\"']+", re.IGNORECASE)
PARTS = re.compile(f"{LINK.pattern}|{MENTION.pattern}", re.IGNORECASE)
# Punctuation that ends a sentence rather than a link.
TRAILING = ".,;:!?)]}'\""


@dataclass(frozen=True)
class Part:
    kind: str  # "text", "link" or "mention"
    text: str
    href: str = ""  # of a link
    name: str = ""  # of a mention: the member's name


def mentioned(text: str) -> list[str]:
    """The usernames `text` mentions, lower-cased, each once, in order."""
    return list(dict.fromkeys(name.lower() for name in MENTION.findall(text)))


def parts(text: str, *, members: dict[str, str]) -> list[Part]:
    """`text` cut into parts. `members` maps lower-cased usernames to names:
    a mention of anyone else stays plain text."""
    found: list[Part] = []
    start = 0
    for match in PARTS.finditer(text):
        token, username = match.group(0), match.group(1)
        if username is None:  # a link, without the punctuation after it
            href = token.rstrip(TRAILING)
            end = match.start() + len(href)
            _text(found, text[start : match.start()])
            found.append(Part("link", href, href=href))
        elif username.lower() in members:
            end = match.end()
            _text(found, text[start : match.start()])
            found.append(Part("mention", token, name=members[username.lower()]))
        else:
            continue
        start = end
    _text(found, text[start:])
    return found


def _text(found: list[Part], text: str) -> None:
    if not text:
        return
    if found and found[-1].kind == "text":
        found[-1] = Part("text", found[-1].text + text)
    else:
        found.append(Part("text", text))

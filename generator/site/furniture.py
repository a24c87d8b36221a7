"""Page furniture scraped with an article: headlines, bylines, captions, tags, sign-up links.

The corpus keeps every document byte for byte, so the scraper's leftovers stay in the text;
the source page only sets them apart. A paragraph is furniture when it is short and does not
end as a sentence does ("Sign up for our weekly newsletter", "Image via Getty", "by John
Beck"), or when it is the document's own title. A paragraph a fact quotes is never set apart.
"""

from __future__ import annotations

import re

#: At most this many words: longer lines without a full stop are the article's own standfirst.
MAX_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?:;][\"'\u201d\u2019)\]]*\s*$|[\"'\u201d\u2019]\s*$")


def is_furniture(paragraph: str, title: str) -> bool:
    """Whether a paragraph of a scraped page is not article text (see the module's rule)."""
    text = paragraph.strip()
    if not text:
        return False
    if text.casefold() == title.strip().casefold():
        return True
    return len(text.split()) <= MAX_WORDS and not _SENTENCE_END.search(text)

"""Stage ``news_check``: say when a document does not read like a news article.

A software changelog, a price list or an index page of headlines still yields "figures"
(``46 people``, ``12.50``) that would enter a story's measures.  News prose has full sentences
(a finite verb), reported speech (``said``, ``according to``) and ends its lines with sentence
punctuation; code-like text is full of identifiers, paths and version numbers.  The stage keeps
the reason in ``Document.not_news`` (None when the document reads like news); ``add`` prints it
on stderr and ``--skip-non-news`` leaves such documents out.  The rule is deliberately
cautious: prose without quotes (a feature, an explainer) is not flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc

from claimledger.model import Document
from claimledger.pipeline import Context, stage
from claimledger.vocab import words

CODE_SHARE = 0.08          # code-like words among all words
PROSE_SHARE = 0.5          # sentences with a finite verb, below which a text is a list or table
ENDED_LINES = 0.3          # lines ending like a sentence, below which a text is an index of headlines
ITEM_LINES = 0.5           # bullet or numbered lines
HEADLINE_WORDS = 15        # mean words per line of an index page (a headline, a link)
MIN_LINES = 4

CODE_WORD = re.compile(
    r"""^(?:[\w$]+\([^\s]*\)?[;:,.]?             # call(), f(x)
        |[a-z]+[A-Z]\w*                          # camelCase
        |\w+_\w+                                 # snake_case
        |[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){1,}\(?\)?  # module.attr (not "U.S." as a word)
        |(?:\.{0,2}/)?[\w.-]+/[\w./-]+           # paths, a/b/c
        |v?\d+\.\d+\.\d+[\w.-]*                  # semantic versions 2.4.1
        |--?[a-z][\w-]+                          # --flags
        |\#\d+                                   # issue numbers
        |[`{}<>=;|\\]+.*|.*[`{};=<>\\].*        # code punctuation
        )$""", re.X)
ITEM_LINE = re.compile(r"^\s*(?:[-*•·+]|\d+[.)]|\[[ x]\])\s+")
SENTENCE_END = re.compile(r"""[.!?]["'”’)]*$|[:;]$""")
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


@dataclass
class Signals:
    words: int
    code_words: int
    sentences: int
    finite: int
    reporting: int
    lines: int
    ended_lines: int
    item_lines: int


def signals(text: str, parsed: SpacyDoc, statements: int = 0) -> Signals:
    """Counts the rule reads, from the text and its parse."""
    tokens = text.split()
    reporting_verbs = words("reporting_verbs")
    sentences = finite = reporting = 0
    for sent in parsed.sents:
        if sum(t.is_alpha for t in sent) < 2:
            continue
        sentences += 1
        finite += any(t.tag_ in FINITE_TAGS or "Fin" in t.morph.get("VerbForm") for t in sent)
        reporting += any(t.lemma_.lower() in reporting_verbs and t.pos_ in {"VERB", "AUX", "ADP"}
                         for t in sent)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return Signals(
        words=len(tokens),
        code_words=sum(bool(CODE_WORD.match(t)) for t in tokens),
        sentences=sentences, finite=finite, reporting=max(reporting, statements),
        lines=len(lines),
        ended_lines=sum(bool(SENTENCE_END.search(line)) for line in lines),
        item_lines=sum(bool(ITEM_LINE.match(line)) for line in lines),
    )


def not_news_reason(s: Signals) -> str | None:
    """Why the text does not look like news, or None when it does."""
    if s.words and s.code_words / s.words >= CODE_SHARE and s.code_words >= 3:
        return f"code-like text ({s.code_words} of {s.words} words look like identifiers, paths or versions)"
    if s.reporting:
        return None
    if s.lines >= MIN_LINES and s.item_lines / s.lines >= ITEM_LINES:
        return f"a list ({s.item_lines} of {s.lines} lines are items) with no reported speech"
    if s.sentences and s.finite / s.sentences < PROSE_SHARE:
        return f"few full sentences ({s.finite} of {s.sentences} have a verb) and no reported speech"
    if s.lines >= MIN_LINES and s.ended_lines / s.lines < ENDED_LINES and s.words / s.lines <= HEADLINE_WORDS:
        return f"a page of headlines or links ({s.ended_lines} of {s.lines} lines end like a sentence)"
    return None


@stage("news_check")
def news_check(doc: Document, parsed: SpacyDoc, ctx: Context) -> None:
    doc.not_news = not_news_reason(signals(doc.text, parsed, len(doc.statements)))

"""The statement being assembled by the cue passes, before speakers are resolved and stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from claimledger.extract.quotes import Quote
from claimledger.model import Source


@dataclass(eq=False)  # drafts are compared by identity: two may hold equal fields
class Draft:
    """A statement being assembled (converted to a model Statement at the end)."""

    parts: list[list[int]]
    direct: bool
    cue: Optional[str] = None
    cue_span: Optional[tuple[int, int]] = None
    source_span: Optional[SpacySpan] = None
    role_span: Optional[SpacySpan] = None
    speaker: Optional[Source] = None
    resolved: bool = True
    relays: list[Source] = field(default_factory=list)
    hedged: bool = False
    polarity: str = "positive"
    sentence: tuple[int, int] = (0, 0)
    cue_token: Optional[Token] = None
    quotes: list[Quote] = field(default_factory=list)
    relayed_by: Optional["Draft"] = None
    intention: bool = False           # "plans to ...": part of any claim that contains it
    relay_tok: Optional[Token | SpacySpan] = None  # "Tass quoted X": the quoting source
    same_as: Optional["Draft"] = None  # a follow-on quote takes this statement's speaker
    co_speakers: list[Source] = field(default_factory=list)  # "X and Y said": the other names
    nominal: bool = False              # "X's claim that ...": never a relay of, nor part of, an outer claim

    @property
    def start(self) -> int:
        return min(p[0] for p in self.parts)

    @property
    def end(self) -> int:
        return max(p[1] for p in self.parts)

    def covers(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.parts)

"""Word lists that make a verb, a phrase or a sentence an attribution cue, and what kind.

General English reporting, stance and intention verbs (PolNeAR counts all three as cues), with
the subsets that change how content, hedging and polarity are read.
"""

from __future__ import annotations

import re


CUE_LEMMAS = {
    "question", "attack", "criticize", "criticise", "support", "endorse", "oppose", "praise",
    "condemn", "blast", "slam", "defend", "denounce", "mock", "blame", "welcome", "applaud", "hail",
    "back", "decry", "reference",
    "want", "plan", "pledge", "vow", "refuse", "decline", "propose", "offer", "seek", "threaten",
    "intend", "encourage", "vote", "decide", "aim", "commit", "press", "push", "prefer", "wish",
    "say", "tell", "add", "write", "note", "report", "announce", "suggest", "argue", "claim",
    "confirm", "deny", "warn", "estimate", "assert", "explain", "state", "declare", "insist",
    "acknowledge", "admit", "reveal", "stress", "emphasize", "emphasise", "comment", "predict",
    "tweet", "post", "respond", "reply", "ask", "believe", "think", "conclude", "indicate",
    "allege", "maintain", "contend", "recall", "agree", "caution", "urge", "vow", "promise",
    "pledge", "complain", "mention", "concede", "observe", "testify", "inform", "quip", "show",
    "find", "fear", "hope", "quote", "cite", "repeat", "reiterate", "boast", "joke", "lament",
    "signal", "hint", "forecast", "project", "learn", "doubt", "feel", "worry", "remark",
    "retort", "counter", "dispute", "rebut", "refute", "reject", "dismiss", "speculate", "assure",
    "recount", "disclose", "clarify", "echo", "shout", "whisper", "yell", "brief", "characterize",
    "characterise", "describe", "call", "expect", "know", "calculate", "put", "peg", "accuse", "point",
    "assess", "judge", "conclude", "demand", "proclaim", "affirm", "guarantee", "announce",
    "charge", "contest", "record", "document", "notify", "answer", "write", "publish", "broadcast",
    "read", "detail", "outline", "highlight", "underline", "underscore", "continue", "go",
    "count", "tally",
}


# Cues that need a clause or a quote as content, never a bare object ("called a meeting").
WEAK_CUES = {"call", "describe", "characterize", "characterise", "put", "go", "continue", "read",
             "record", "document", "detail", "outline", "highlight", "find", "show", "know",
             "feel", "expect", "point", "publish", "broadcast", "post", "brief", "charge"}


DENIAL_CUES = {"deny", "reject", "dismiss", "refute", "rebut", "dispute", "contest"}


DENIAL_WORDS = re.compile(r"\b(false|untrue|baseless|groundless|fake|wrong|lies|fabricat\w*|not true|nonsense|unfounded)\b", re.I)


HEDGE_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly", "reputedly", "apparently"}


HEDGE_CUES = {"caution", "speculate", "believe", "think", "suggest", "estimate", "fear", "hint", "doubt"}


HEDGE_PHRASES = re.compile(r"\b(is|are|was|were) (believed|thought|said|reported|understood|estimated) to\b|\bunconfirmed\b|\bcould not be (independently )?verified\b", re.I)


ANONYMITY = re.compile(r"\banonymity\b|\bnot authori[sz]ed to\b|\b(declined|asked) not to be (named|identified)\b|\bwho asked not to\b|\bunnamed\b", re.I)


NOT_A_SOURCE = {"plan", "scheme", "rule", "law", "schedule", "tradition", "custom", "script",
                "design", "procedure", "protocol", "standard", "principle", "instruction",
                "timetable", "method", "formula", "pattern", "order", "logic", "practice"}


RELAY_CUES = {"quote", "cite"}


# Verbs whose "to"-infinitive is an attributed intention or demand.
INTENTION_CUES = {"want", "plan", "promise", "pledge", "vow", "refuse", "decline", "agree", "urge",
                  "propose", "offer", "seek", "threaten", "intend", "hope", "encourage", "ask",
                  "vote", "decide", "expect", "aim", "demand", "call", "commit", "tell", "warn",
                  "press", "push", "promise", "prefer", "wish", "need"}


# Inside another's claim these stay part of it ("she said he thinks ..."), never a relay.
BELIEF_CUES = {"think", "believe", "expect", "hope", "feel", "know", "fear", "doubt", "want",
               "worry", "suggest", "show", "underscore", "indicate", "seem", "find"}


# Cues whose object is the claim when there is no clause ("reported 300 deaths").
OBJECT_CUES = {"estimate", "report", "confirm", "announce", "claim", "deny", "record", "count",
               "put", "peg", "tally", "reveal", "predict", "forecast", "project", "disclose", "acknowledge",
               "admit", "allege"}


# Stances whose object is what the source is for or against ("criticized the plan as ...").
STANCE_CUES = {"question", "cite", "accuse", "attack", "criticize", "criticise", "support",
               "endorse", "oppose", "praise", "condemn", "blast", "slam", "defend", "reject",
               "dismiss", "denounce", "mock", "blame", "propose", "mention", "welcome", "applaud",
               "hail", "back", "decry", "reference"}


# "said the same thing", and "said many of the examples ... failed" (a clause misread as object)
OBJECT_CUES |= STANCE_CUES | {"note", "say"}
# Verbs through which data and documents "say" something by their object ("polls show X ahead").
EVIDENCE_CUES = {"show", "find", "reveal", "indicate", "suggest", "put", "record", "document", "give"}
DOCUMENT_HEADS = {
    "report", "study", "survey", "poll", "analysis", "statement", "document", "assessment", "paper",
    "data", "estimate", "figure", "statistic", "memo", "letter", "filing", "review", "audit",
    "investigation", "release", "bulletin", "forecast", "projection", "census", "tally", "count",
    "transcript", "record", "average", "video", "footage", "number", "result", "finding", "polling",
    "photo", "image", "evidence", "test", "model", "research", "chart", "map", "index", "return",
}


# "X mocked the idea, saying ...": these participles share the subject of any head verb.
PARTICIPLE_CUES = {"say", "add", "note", "argue", "claim", "warn", "tell", "insist", "explain",
                   "write", "declare", "state", "suggest", "predict", "acknowledge", "admit",
                   "stress", "call", "describe", "accuse", "deny", "assert", "complain"}


# "called the plan 'a disaster'": the object and its label are the content.
NAMING_CUES = {"call", "describe", "characterize", "characterise", "label", "dub", "brand", "term"}


REPORTING_VERBS = {"report", "cite", "quote"}


SOURCE_DEPS = {"nsubj", "nsubjpass", "csubj"}


PUNCT_STRIP = " \t\n,;:.—–-"


UNNAMED = "(unnamed)"

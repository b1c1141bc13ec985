"""HTML pages: the article body without navigation, footers and comments, plus its metadata.

Extraction falls back in steps and records which step produced the text, so a reader can judge
how much to trust it: trafilatura (precision-oriented default), trafilatura with
``favor_recall`` (short or unusual pages), then plain block text from lxml with the obvious
boilerplate elements removed.  A page where none of them finds text is reported as
"no article text".  Dates come from the page's metadata only (meta tags, JSON-LD, ``<time>``,
URL), never from dates mentioned in the body.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
import trafilatura

from ..model import Document
from .dates import metadata_date
from .errors import IngestError
from .text import normalise_text

TRAFILATURA = f"trafilatura {trafilatura.__version__}"
MIN_ARTICLE_CHARS = 25
DATE_PARAMS = {"original_date": True, "extensive_search": False}

BOILERPLATE_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "iframe", "svg", "canvas", "head", "menu",
)
BLOCK_TAGS = (
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "figure", "figcaption", "hr",
    "address", "details", "summary",
)
_SPACES = re.compile(r"[ \u00a0]{2,}")
_BOILERPLATE_NAMES = re.compile(
    r"(?:^|[\s_-])(comments?|cookies?|newsletter|share|social|related|advert|ad|promo)(?:$|[\s_-])", re.I)
"""class/id words of page furniture, dropped by the last-resort lxml extraction."""


@dataclass
class PageMeta:
    """What the page says about itself (all optional)."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None


def html_document(html: str, name: str, *, url: str | None = None, fmt: str = "html") -> Document:
    """A Document from an HTML page; raises :class:`IngestError` when it holds no article text."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise IngestError(name, f"malformed HTML: {exc or 'no elements'}") from None
    text, extractor, meta = extract(tree, url)
    if len(text) < MIN_ARTICLE_CHARS:
        raise IngestError(name, "no article text found in the HTML page")
    page_url = _absolute(meta.url, url) or url
    title = meta.title or page_title(tree)
    return Document(
        name=name, format=fmt, extractor=extractor, text=without_title(text, title), title=title,
        author=meta.author, url=page_url,
        outlet=meta.sitename or outlet_from_url(page_url),
        published=meta.published, published_how="metadata" if meta.published else None,
        published_evidence="page metadata" if meta.published else None,
    )


def extract(tree: lxml.html.HtmlElement, url: str | None) -> tuple[str, str, PageMeta]:
    """(text, extractor name, metadata) with the first extractor that finds enough text."""
    meta = PageMeta()
    for label, recall in ((TRAFILATURA, False), (f"{TRAFILATURA} (favor_recall)", True)):
        result = trafilatura.bare_extraction(
            _copy(tree), url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=recall, date_extraction_params=dict(DATE_PARAMS),
        )
        if result is None:
            continue
        if not meta.title:
            meta = PageMeta(
                title=_clean(result.title), author=_clean(result.author),
                published=metadata_date(result.date), sitename=_clean(result.sitename),
                url=_clean(result.url),
            )
        text = normalise_text(result.text or "")
        if len(text) >= MIN_ARTICLE_CHARS:
            return text, label, meta
    return html_to_text(tree), "lxml", meta


def html_to_text(root: lxml.html.HtmlElement | str) -> str:
    """Visible text of an HTML tree or fragment, one line per block, boilerplate elements dropped."""
    if isinstance(root, str):
        if not root.strip():
            return ""
        try:
            root = lxml.html.fragment_fromstring(root, create_parent="div")
        except (lxml.etree.ParserError, ValueError):
            return normalise_text(root)
    else:
        root = _copy(root)
    for element in list(root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        _drop(element)
    for element in list(root.iter(*BOILERPLATE_TAGS)):
        _drop(element)
    for element in list(root.iter()):
        names = f"{element.get('class', '')} {element.get('id', '')}" if isinstance(element.tag, str) else ""
        if names.strip() and _BOILERPLATE_NAMES.search(names) and element.getparent() is not None:
            _drop(element)
    for element in root.iter(*BLOCK_TAGS, "br"):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    text = root.text_content()
    return normalise_text(_SPACES.sub(" ", text))


def without_title(text: str, title: str | None) -> str:
    """The body without a first line that repeats the title (titles live in ``Document.title``)."""
    first, newline, rest = text.partition("\n")
    if title and newline and rest.strip() and " ".join(first.split()).casefold() == title.casefold():
        return rest
    return text


def page_title(tree: lxml.html.HtmlElement) -> str | None:
    found = tree.find(".//title")
    return _clean(found.text_content()) if found is not None else None


def outlet_from_url(url: str | None) -> str | None:
    """The host name without ``www.``: the best outlet name a bare URL gives."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _absolute(found: str | None, base: str | None) -> str | None:
    """A canonical URL made absolute against the page address; None when that is impossible."""
    if not found or urlsplit(found).scheme in ("http", "https"):
        return found
    return urljoin(base, found) if base else None


def _copy(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    # trafilatura prunes the tree it is given; each attempt needs the untouched page.
    return copy.deepcopy(tree)


def _drop(element: lxml.etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None

"""Articles written for these tests (several domains) and builders for real files of every format."""

from __future__ import annotations

import io
from pathlib import Path

QUAKE = (
    "Quake death toll climbs past 2,300 as rescuers race to reach villages\n"
    "The death toll from Tuesday's magnitude 7.1 earthquake rose to at least 2,300 on Thursday, "
    "the national disaster agency said, as rescue teams dug through collapsed apartment blocks.\n"
    "\"We expect the number to climb further,\" agency spokesman Daniel Ortiz told reporters, adding "
    "that about 11,000 people had been injured and 40,000 left homeless.\n"
    "The United Nations appealed for $25 million in emergency aid, while neighbouring countries sent "
    "search-and-rescue teams with sniffer dogs and heavy lifting equipment.\n"
    "Aftershocks of up to magnitude 5.4 continued to rattle the region overnight, forcing families to "
    "sleep outdoors in freezing temperatures for a third night."
)

ELECTION = (
    "Turnout hits record 71 percent in regional vote\n"
    "Turnout in Sunday's regional election reached 71 percent, the highest since 1994, the electoral "
    "commission said on Monday.\n"
    "The governing party won 38 of the 90 seats, down from 45, according to official results, while "
    "the opposition alliance took 31.\n"
    "Analysts said higher participation among voters under 30 had decided several close districts."
)

RESULTS = (
    "Harbor Foods posts 12% rise in quarterly profit\n"
    "Harbor Foods said on Wednesday that net profit rose 12% to $418 million in the third quarter, "
    "beating analysts' forecasts, as demand for frozen meals held up.\n"
    "Revenue grew to $3.2 billion from $2.9 billion a year earlier, the company said in a statement.\n"
    "Chief executive Anna Berg said the group would cut about 600 jobs in its packaging division by 2026."
)

SPORT = (
    "Late penalty sends United into cup final\n"
    "A stoppage-time penalty from Lena Okafor sent United into the cup final on Saturday after a 2-1 "
    "win over City in front of 61,000 fans.\n"
    "City had led through a first-half header and hit the post twice before the break.\n"
    "\"We never stopped believing,\" Okafor said after the match."
)

HEALTH = (
    "Measles cases triple in a year, health agency warns\n"
    "Measles cases tripled to 1,250 last year, the national health agency said on Tuesday, warning that "
    "vaccination rates among young children had fallen below 90 percent in 14 districts.\n"
    "The agency said at least three children had died, and urged parents to check their records."
)


def html_page(title: str, body: str, *, author: str = "Maria Lopez", date: str = "2024-03-14",
              site: str = "Daily Courier", canonical: str = "https://courier.example.com/news/story") -> str:
    """A realistic news page: navigation, JSON-LD and meta tags, comments and a footer around the article."""
    paragraphs = "\n".join(f"<p>{line}</p>" for line in body.split("\n"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta name="author" content="{author}">
<link rel="canonical" href="{canonical}">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{title}", "datePublished": "{date}T09:30:00Z", "author": {{"@type": "Person", "name": "{author}"}}}}</script>
<style>body {{ font-family: serif; }}</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="ad">Subscribe now for only $1 a week! Limited offer.</div>
<main><article>
<h1>{title}</h1>
<p class="byline">By {author}</p>
{paragraphs}
</article>
<section id="comments"><h3>Reader comments</h3>
<div class="comment"><p>SunnyDay77: Shocking numbers, my thoughts are with every family affected tonight.</p></div>
<div class="comment"><p>Grumpy_Reader: The government should have acted far sooner than this, as usual.</p></div>
</section></main>
<footer><p>Copyright 2024 {site}. All rights reserved.</p><a href="/privacy">Privacy policy</a>
<a href="/terms">Terms of use</a></footer>
<script>window.analytics = {{track: function() {{}}}};</script>
</body></html>"""


def article_body(article: str) -> str:
    """The article without its headline line."""
    return article.split("\n", 1)[1]


def article_title(article: str) -> str:
    return article.split("\n", 1)[0]


def write_warc(path: Path, pages: list[tuple[str, str, bytes, str]], *, gzip: bool = True) -> Path:
    """A real WARC written with warcio: (url, content type, body, WARC-Date) response records, plus a request."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=gzip)
        for url, content_type, body, date in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True),
            )
            writer.write_record(request)
    return path

ARTICLES = {"quake": QUAKE, "election": ELECTION, "results": RESULTS, "sport": SPORT, "health": HEALTH}

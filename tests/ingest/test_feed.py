from claimledger.ingest.errors import IngestError
from claimledger.ingest.feed import feed_documents

from .samples import ELECTION, HEALTH, RESULTS, SPORT, article_body, article_title


def rss(items: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Northern Post</title><link>https://northernpost.example.com/</link>
<description>News</description>{items}</channel></rss>""".encode()


def rss_item(article: str, link: str, date: str, *, full: bool = True) -> str:
    body = "".join(f"<p>{line}</p>" for line in article_body(article).split("\n"))
    content = f"<content:encoded><![CDATA[{body}]]></content:encoded>" if full else ""
    return f"""<item><title>{article_title(article)}</title><link>{link}</link>
<dc:creator>Sam Reyes</dc:creator><pubDate>{date}</pubDate>
<description>{article_body(article).split(chr(10))[0]}</description>{content}</item>"""


def test_rss_entries_become_documents():
    data = rss(rss_item(ELECTION, "https://northernpost.example.com/vote", "Mon, 03 Jun 2024 07:15:00 GMT")
               + rss_item(SPORT, "https://northernpost.example.com/cup", "Sun, 12 May 2024 21:00:00 GMT", full=False))
    docs = list(feed_documents(data, "news.rss"))
    assert [doc.name for doc in docs] == ["news.rss#1", "news.rss#2"]
    vote, cup = docs
    assert vote.title == article_title(ELECTION) and vote.text == article_body(ELECTION)
    assert (vote.outlet, vote.author, vote.url) == ("Northern Post", "Sam Reyes", "https://northernpost.example.com/vote")
    assert (vote.published, vote.published_how, vote.format) == ("2024-06-03", "metadata", "feed")
    assert vote.extractor.startswith("feedparser")
    assert cup.text == article_body(SPORT).split("\n")[0]  # only the summary was in the feed


def test_atom_entries_become_documents():
    body = "".join(f"&lt;p&gt;{line}&lt;/p&gt;" for line in article_body(RESULTS).split("\n"))
    data = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Markets Daily</title><id>urn:md</id>
<updated>2024-10-23T10:00:00Z</updated>
<entry><title>{article_title(RESULTS)}</title><id>urn:md:1</id><link href="https://md.example/harbor"/>
<author><name>Ines Kahn</name></author><published>2024-10-23T09:00:00Z</published>
<updated>2024-10-23T10:00:00Z</updated><content type="html">{body}</content></entry>
<entry><title>Empty</title><id>urn:md:2</id><updated>2024-10-23T10:00:00Z</updated></entry>
</feed>""".encode()
    items = list(feed_documents(data, "md.atom"))
    doc, error = items
    assert doc.text == article_body(RESULTS)
    assert (doc.title, doc.author, doc.outlet, doc.published) == (article_title(RESULTS), "Ines Kahn", "Markets Daily", "2024-10-23")
    assert str(error) == "md.atom#2: feed entry has no content"


def test_malformed_feed_is_reported():
    items = list(feed_documents(b"<?xml version='1.0'?><rss><channel><title>Broken &&& </rss", "bad.rss"))
    assert len(items) == 1 and isinstance(items[0], IngestError)
    assert str(items[0]).startswith("bad.rss: malformed feed: line 1, column ")


def test_truncated_feed_keeps_complete_entries():
    data = rss(rss_item(HEALTH, "https://n.example/measles", "Tue, 14 May 2024 08:00:00 GMT")
               + "<item><title>Cut off</title><description>Half a sen")
    data = data[: data.index(b"Half a sen") + 10]
    docs = [item for item in feed_documents(data, "cut.rss") if not isinstance(item, IngestError)]
    assert docs and docs[0].text == article_body(HEALTH)

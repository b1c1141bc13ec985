"""Ordering figures by their wording when the calendar date is unknown."""

from __future__ import annotations

from claimledger.link.timeline import is_earlier_value, months_ago, order_in_document, update_direction
from tests.link.helpers import add_figure, doc_with


def test_relative_wording_orders_past_before_present():
    assert months_ago("last year") > months_ago("last month") > months_ago("so far") == 0
    assert months_ago(None) == 0 and months_ago("to date") == 0
    assert months_ago("three weeks ago") < months_ago("two months ago")
    assert months_ago("since the start of the season") is None


def test_order_within_one_article():
    doc = doc_with("a", "Last year the league had 18 clubs. By last month it had 20 clubs. So far 22 clubs joined. "
                        "Last November 400 fans came; by December 650 fans came.")
    old = add_figure(doc, "18", 18, as_of_text="Last year")
    mid = add_figure(doc, "20", 20, as_of_text="By last month")
    now = add_figure(doc, "22", 22, as_of_text="So far")
    nov = add_figure(doc, "400", 400, as_of_text="Last November")
    dec = add_figure(doc, "650", 650, as_of_text="by December")
    assert order_in_document(old, mid) == -1 and order_in_document(now, mid) == 1
    assert order_in_document(old, now) == -1
    assert order_in_document(nov, dec) == -1 and order_in_document(dec, nov) == 1
    assert order_in_document(now, add_figure(doc, "22", 22, as_of_text="So far")) == 0


def test_change_words_mark_an_update_and_its_earlier_value():
    doc = doc_with("a", "The number of registered voters has increased to 2.4 million. "
                        "Unemployment fell to 4.1 percent. The company now employs 9,000 people. "
                        "The toll rose to 320, up from 250 on Friday. Sales were 12 million. "
                        "Attendance reached 51,000, nearly double the first estimate of 26,000.")
    up = add_figure(doc, "2.4 million", 2.4e6)
    down = add_figure(doc, "4.1 percent", 4.1, unit="percent")
    now = add_figure(doc, "9,000", 9000)
    rose = add_figure(doc, "320", 320)
    earlier = add_figure(doc, "250", 250)
    plain = add_figure(doc, "12 million", 12e6)
    first = add_figure(doc, "26,000", 26000)
    assert update_direction(doc, up) == "up" and update_direction(doc, down) == "down"
    assert update_direction(doc, now) == "any" and update_direction(doc, rose) == "up"
    assert update_direction(doc, earlier) is None and update_direction(doc, plain) is None
    assert is_earlier_value(doc, earlier) and is_earlier_value(doc, first)
    assert not is_earlier_value(doc, rose) and not is_earlier_value(doc, plain)

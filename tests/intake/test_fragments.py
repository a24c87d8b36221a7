"""Text fragment links (`URL#:~:text=start,end`), percent-encoded as the specification says."""

from __future__ import annotations

from urllib.parse import unquote

from generator.site.fragments import encode_term, text_directive, text_fragment_link


def test_the_characters_that_separate_a_directive_are_percent_encoded() -> None:
    assert encode_term("a-b, c&d") == "a%2Db%2C%20c%26d"


def test_explicit_characters_stay_and_others_are_encoded_as_utf8_bytes() -> None:
    assert encode_term("Okafor's (plan): 1.2 metres!") == "Okafor's%20(plan):%201.2%20metres!"
    assert encode_term("harbour\u2019s \u201cwall\u201d \u2014 5%") == (
        "harbour%E2%80%99s%20%E2%80%9Cwall%E2%80%9D%20%E2%80%94%205%25"
    )
    assert encode_term('#"<>`') == "%23%22%3C%3E%60"


def test_a_short_quote_is_linked_whole() -> None:
    assert (
        text_directive("ready to step  up the fight") == "text=ready%20to%20step%20up%20the%20fight"
    )


def test_a_long_quote_is_linked_by_its_first_and_last_five_words() -> None:
    quote = "The plan, approved by seven votes to two, will raise the wall by 1.2 metres"
    directive = text_directive(quote)
    start, end = directive.removeprefix("text=").split(",")
    assert unquote(start) == "The plan, approved by seven"
    assert unquote(end) == "the wall by 1.2 metres"


def test_the_link_keeps_the_address_and_any_fragment_it_has() -> None:
    url = "https://news.example/a?id=1&x=2"
    assert text_fragment_link(url, "one two") == url + "#:~:text=one%20two"
    assert text_fragment_link(url + "#top", "one") == url + "#top:~:text=one"
    assert text_fragment_link(url, "  ") is None

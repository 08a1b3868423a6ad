"""Golden test of the one place docxtpl is used: the Jinja source it makes of a small, fixed XML part.

A docxtpl upgrade that changes its tag cleaning changes what every template renders to; this test
says so before the documents do.
"""

from __future__ import annotations

from ccch_docs.docxtpl_patch import jinja_source

PART = ('<w:body>'
        '<w:p><w:r><w:t>{%p if d.kieu == &quot;muc1&quot; %}</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>{{ ten</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>_loai }}</w:t></w:r></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">{{r d|runs }}</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>{%p endif %}</w:t></w:r></w:p>'
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{%tr for x in y %}</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:p><w:r><w:t>{{ x &amp; 1 }} a &lt; b</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:p><w:r><w:t>{%tr endfor %}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        '</w:body>')

GOLDEN = ('<w:body>{% if d.kieu == "muc1" %}'
          '<w:p><w:r><w:t xml:space="preserve">{{ ten_loai }}</w:t></w:r></w:p>'
          '<w:p><w:r><w:t xml:space="preserve"></w:t></w:r>{{ d|runs }}'
          '<w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'
          '{% endif %}'
          '<w:tbl>{% for x in y %}<w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">{{ x & 1 }} a &lt; b</w:t></w:r>'
          '</w:p></w:tc></w:tr>{% endfor %}</w:tbl>'
          '</w:body>')


def test_jinja_source_of_a_fixed_part():
    # {%p %} and {%tr %} replace their paragraph and row, a tag split over runs is joined, {{r }} leaves
    # its run, entities inside tags become characters and entities in text stay.
    assert jinja_source(PART) == GOLDEN


def test_text_without_tags_is_kept():
    xml = '<w:p><w:r><w:t xml:space="preserve">Số: 01/KH-UBND</w:t></w:r></w:p>'
    assert jinja_source(xml) == xml

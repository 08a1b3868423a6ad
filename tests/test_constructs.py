"""Constructs of real documents beyond the seeds: grounds wording, captions, pack wording, report period."""

from __future__ import annotations

import ccch_docs
from conftest import make_pack
from docx_view import View, clean, toggle
from samples import DECISION, LETTER, PLAN

TABLE = {"tieu_de": "Danh mục nhiệm vụ", "cot": [{"khoa": "noi_dung", "ten": "Nội dung"}],
         "dong": [{"noi_dung": "Rà soát thủ tục hành chính"}]}


def _with_pack(tmp_path, pack_yaml: str, data: dict) -> View:
    folder = make_pack(tmp_path / "pack", pack_yaml)
    out = tmp_path / "pack.docx"
    ccch_docs.render(ccch_docs.from_dict(data, templates=[folder]), out)
    return View.open(out)


def _styled(view: View, style: str) -> list[str]:
    return [clean(p.text) for p in view.doc.paragraphs if p.style.style_id == style and clean(p.text)]


def test_grounds_written_in_full_are_printed_as_written(render_dict):
    view = render_dict({**DECISION, "can_cu": ["Luật A", "Theo đề xuất của Sở Tư pháp"],
                        "theo_de_nghi": "Xét đề nghị của Giám đốc Sở Nội vụ"})
    assert _styled(view, "CanCu") == ["Căn cứ Luật A;", "Theo đề xuất của Sở Tư pháp;",
                                      "Xét đề nghị của Giám đốc Sở Nội vụ."]
    view = render_dict({**DECISION, "can_cu": ["Luật A"], "theo_de_nghi": "Theo đề xuất của Sở Nội vụ"})
    assert _styled(view, "CanCu") == ["Căn cứ Luật A;", "Theo đề xuất của Sở Nội vụ."]
    view = render_dict({**DECISION, "can_cu": ["Luật A"], "theo_de_nghi": "Sở Nội vụ"})
    assert _styled(view, "CanCu") == ["Căn cứ Luật A;", "Theo đề nghị của Sở Nội vụ."]


def test_a_letters_appendix_caption_names_its_type(render_dict):
    view = render_dict({**LETTER, "phu_luc": [TABLE]})
    assert view.appendix_headings() == [["Phụ lục", "DANH MỤC NHIỆM VỤ",
                                         "(Kèm theo Công văn số 06/VPUBND-KSTTHC ngày 02/6/2022 của "
                                         "Văn phòng UBND tỉnh Đồng Tháp)"]]


def test_a_pack_chooses_the_appendix_heading_and_the_stt_label(render_dict, tmp_path):
    view = _with_pack(tmp_path, 'tu_ngu: {phu_luc: "PHỤ LỤC", so_tt: "STT"}\n', {**PLAN, "phu_luc": [TABLE, TABLE]})
    assert [h[0] for h in view.appendix_headings()] == ["PHỤ LỤC I", "PHỤ LỤC II"]
    assert View.table_rows(view.appendix_tables()[0])[0] == "STT | Nội dung"
    view = render_dict({**PLAN, "phu_luc": [TABLE]})
    assert view.appendix_headings()[0][0] == "Phụ lục"
    assert View.table_rows(view.appendix_tables()[0])[0] == "Số TT | Nội dung"


REPORT = {**PLAN, "loai": "bao_cao", "trich_yeu": "Kết quả cải cách hành chính năm 2021"}


def test_report_period_shown_by_default_reworded_by_a_pack_hidden_by_a_key(render_dict, tmp_path):
    period = {"tu": "2020-12-01", "den": "2021-11-15"}
    view = render_dict({**REPORT, "ky_bao_cao": period})
    (line,) = [p for p in view.title() if p.style.style_id == "TrichYeuGhiChu"]
    assert clean(line.text) == "(số liệu tính từ 01/12/2020 đến 15/11/2021)"
    assert toggle(line, "w:i")
    view = _with_pack(tmp_path, 'tu_ngu: {ky_bao_cao: "(Số liệu tính từ ngày {tu} đến ngày {den})"}\n',
                      {**REPORT, "ky_bao_cao": period})
    assert _styled(view, "TrichYeuGhiChu") == ["(Số liệu tính từ ngày 01/12/2020 đến ngày 15/11/2021)"]
    view = render_dict({**REPORT, "ky_bao_cao": {**period, "hien_thi": False}})
    assert _styled(view, "TrichYeuGhiChu") == []

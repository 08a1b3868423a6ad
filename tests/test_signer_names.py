"""The signer's name: one rule (decree.names) for the model's validation (CCHC-E631) and for `check` (ho_ten.title)."""

from __future__ import annotations

import unicodedata

import pytest

import ccch_docs
from ccch_docs import checks
from ccch_docs.decree.names import title_of
from clerk_docx import build
from samples import PLAN

# (name as written, the titles before it, the name alone); no titles: the name signs as written.
NAMES = [
    ("Nguyễn Văn Dương", None, None),
    ("Ông Ích Khiêm", None, None),  # Ông, a family name
    ("Ông Văn Tùng", None, None),
    ("Ông Nguyễn Văn Dương", "Ông", "Nguyễn Văn Dương"),
    ("Bà Trần Thị B", "Bà", "Trần Thị B"),
    ("ông Huỳnh Văn Tâm", "ông", "Huỳnh Văn Tâm"),
    ("BÀ LÊ THỊ HẠNH", "BÀ", "LÊ THỊ HẠNH"),
    ("Ông Văn Dũng", None, None),
    ("Ông Ông Văn Dũng", "Ông", "Ông Văn Dũng"),
    ("TS. Lê Văn A", "TS.", "Lê Văn A"),
    ("PGS.TS. Phạm Minh Chính", "PGS.TS.", "Phạm Minh Chính"),
    ("ThS Đỗ Thị Mai", "ThS", "Đỗ Thị Mai"),
    ("Đồng chí Ngô Văn Tư", "Đồng chí", "Ngô Văn Tư"),
    ("đ/c Võ Văn Kiệt", "đ/c", "Võ Văn Kiệt"),
    ("GS. Ông Ích Khiêm", "GS.", "Ông Ích Khiêm"),
    ("Ông TS. Bùi Văn Nam", "Ông TS.", "Bùi Văn Nam"),
    (unicodedata.normalize("NFD", "Bà Đặng Thị Lan"), "Bà", "Đặng Thị Lan"),  # decomposed accents, as some editors save
]


@pytest.mark.parametrize("name, title, bare", NAMES)
def test_the_rule(name, title, bare):
    assert title_of(name) == (None if title is None else (title, bare))


@pytest.mark.parametrize("name, title, bare", NAMES)
def test_the_model_refuses_a_titled_signer_and_signs_a_family_name(name, title, bare):
    data = {**PLAN, "nguoi_ky": {"chuc_vu": "Chủ tịch", "ho_ten": name}}
    if title is None:
        assert ccch_docs.from_dict(data).nguoi_ky.ho_ten == name
        return
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict(data)
    [problem] = exc.value.problems
    assert (problem.key, problem.code) == ("nguoi_ky.ho_ten", "CCHC-E631")
    assert problem.message == f"họ tên người ký không kèm danh xưng, học hàm, học vị ({title})"
    assert problem.hint == f"viết `ho_ten: {bare}`"


@pytest.mark.parametrize("name, title, bare", NAMES)
def test_check_flags_the_same_names(tmp_path, name, title, bare):
    report = checks.check(build(tmp_path / "clerk.docx", name=name))
    assert report.error is None and report.findings is not None
    found = [f for f in report.violations if f.code == "ho_ten.title"]
    assert [f.found[0] for f in found] == ([] if title is None else [unicodedata.normalize("NFC", name)])  # as read

"""A validated document as far as its printed .docx carries it: what the structural round trip compares.

Parts, titles, labels, `cung_dong`, tables (columns, groups, labels, rows, merged cells, total) are compared as
they are; each rule below names what the .docx does not say, and so is left out or compared as printed.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ccch_docs import context, flatten
from ccch_docs.decree import numbering
from ccch_docs.document import Document
from ccch_docs.formats import numbers
from ccch_docs.model import BangSo, KhoiBang, Muc, PhuLuc, VanBan
from ccch_docs.settings import Pack

# Inputs of what validation computes: figures printed into the text (so_lieu) and the results phụ lục (ke_hoach,
# ket_qua, phu_luc_ket_qua) come back as that text and that table, not as their sources. The pack (mau) is a look
# the .docx cannot name (README, Importing).
SOURCES = ("so_lieu", "ke_hoach", "ket_qua", "phu_luc_ket_qua", "mau")
# What a document a Quyết định issues prints of its own; its header, date and signer are the decision's.
ISSUED = ("loai", "trich_yeu", "ky_bao_cao", "mo_dau", "noi_dung", "ket_thuc", "danh_so", "phu_luc", "chu_thich")
# A `- ` or `+ ` part prints as the paragraph `- …` written in `doan` would: both are compared as that line.
BULLETS = ("-", "+")
# Paragraph labels past `d)` say whether the letters skip `đ`; a document printing none does not carry chu_cai.
_PAST_D = re.compile(r"^[đe](\)|$)")


def carried(doc: Document, printed: bytes) -> dict[str, Any]:
    """`doc` as its rendering `printed` carries it."""
    past_d = any(_PAST_D.match(p.text.strip()) for p in flatten.read(io.BytesIO(printed)).paras)
    out = _document(doc.van_ban, doc.templates.pack, past_d)
    # Nơi nhận as printed: the decree's opening line (Như trên, Như Điều 3) and a pack's own lines print alike
    # whether written or added.
    out["noi_nhan"] = context.build(doc.van_ban, doc.templates.pack)["noi_nhan"]
    del out["luu"]
    if doc.van_ban.kem_theo is not None:
        issued = _document(doc.van_ban.kem_theo, doc.templates.pack, past_d)
        out["kem_theo"] = {k: v for k, v in issued.items() if k in ISSUED}
    return out


def _document(doc: VanBan, pack: Pack, past_d: bool) -> dict[str, Any]:
    key = doc.layout.body
    out = doc.model_dump(mode="json", exclude={*SOURCES, key, "ket_thuc", "danh_so", "phu_luc", "kem_theo"})
    tree, depth = _parts(getattr(doc, key), doc.scheme(key), pack)
    closing = list(doc.ket_thuc)
    if tree and closing:
        # The closing paragraphs print as the last paragraphs of the last part would: both are read as closing
        # only from the last one ending with `/.`, so both are compared as that part's paragraphs.
        last = tree[-1]
        while last["muc"]:
            last = last["muc"][-1]
        last["doan"] += closing
        closing = []
    out.update({key: tree, "ket_thuc": closing, "phu_luc": [_annex(pl, pack) for pl in doc.phu_luc],
                "danh_so": {"chu_cai": doc.danh_so.chu_cai if past_d else None,
                            "cap": _styles(doc.scheme(key), depth)}})
    return out


def _styles(levels: numbering.Scheme, depth: int) -> list[str]:
    """The label styles of the depths a body uses: the numbering it prints, whether `cap` chose it or not."""
    return [numbering.level(levels, d).style for d in range(depth)]


def _parts(parts: tuple[Muc, ...], levels: numbering.Scheme, pack: Pack,
           depth: int = 0) -> tuple[list[dict[str, Any]], int]:
    """The parts (bullet parts as lines of their parent), and how many depths of labels they use."""
    if not parts:
        return [], depth
    level = numbering.level(levels, depth)
    below = numbering.level(levels, depth + 1).style
    out, used = [], depth + 1
    for part in parts:
        children, deepest = _parts(part.muc, levels, pack, depth + 1)
        item = {"so": part.so, "tieu_de": part.tieu_de.upper() if part.tieu_de and level.upper else part.tieu_de,
                "cung_dong": part.cung_dong, "doan": [_block(b, pack) for b in part.doan], "muc": children}
        if below in BULLETS:
            item["doan"] += [line for child in item.pop("muc") for line in _lines(child, below)]
            item["muc"], deepest = [], depth + 1
        out.append(item)
        used = max(used, deepest)
    return out, used


def _lines(part: dict[str, Any], bullet: str) -> list[Any]:
    first, *rest = part["doan"] or [""]
    return [f"{bullet} {first}".rstrip(), *rest]


def _block(block: str | KhoiBang, pack: Pack) -> Any:
    if isinstance(block, str):
        return block
    return {"ten": block.bang.ten, "don_vi": block.bang.don_vi, **_table(block.bang, pack)}


def _annex(pl: PhuLuc, pack: Pack) -> dict[str, Any]:
    levels = pl.scheme
    tree, depth = _parts(pl.noi_dung, levels, pack)
    return {"tieu_de": pl.tieu_de.upper(), "ngang": pl.landscape, "noi_dung": tree,
            "cap": _styles(levels, depth), **(_table(pl, pack) if pl.cot is not None else {})}


def _table(table: BangSo, pack: Pack) -> dict[str, Any]:
    """Columns by heading and width, groups and rows by the labels and cells they print. Column keys (`khoa`) and
    row ids (`ma`) are not printed (a total names its columns by heading); widths come back to the twentieth of the table; a cell is the text it prints (a
    number as printed, a list of one line as that line)."""
    cols = pack.cot.get(table.cot, table.columns) if isinstance(table.cot, str) else table.columns
    keys = [c.khoa for c in cols]
    total = sum(c.rong for c in cols)
    numeric = table.number_keys(cols)

    def cell(key: str, value: Any) -> Any:
        if isinstance(value, int | float):
            return numbers.so(value) if key in numeric else getattr(value, "text", None) or str(value)
        return (value[0] if len(value) == 1 else list(value)) if isinstance(value, tuple) else value

    def row(r: dict[str, Any]) -> dict[str, Any]:
        merged = {m: [keys.index(k) for k in r.get(m, ())] for m in ("gop", "gop_tren")}
        return {"so": r.get("so"), "o": [cell(k, r.get(k)) for k in keys], **merged}

    default = "gop" if table.danh_so.nhom == "I." else "stt"
    return {"cot": [(c.ten, max(1, round(c.rong / total * 20))) for c in cols], "nhom_kieu": table.danh_so.nhom,
            "lien_tuc": table.danh_so.lien_tuc, "tong_cong": [c.ten for c in cols if c.khoa in table.total_keys],
            "so_cot": table.column_numbers(cols),
            "nhom": [{"ten": g.ten, "so": g.so, "dong_kieu": g.danh_so or table.row_style,
                      "nhom_o": g.ten and (g.nhom_o or table.danh_so.nhom_o or default),
                      "dong": [row(r) for r in g.dong]} for g in table.groups]}

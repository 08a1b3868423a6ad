"""Regenerate ccch_docs/data/metrics.json: advance widths of Liberation Serif (Times New Roman's metrics).

Run by hand when the character set changes: `python tools/make_metrics.py` (needs fonttools and
Debian's fonts-liberation2). The library only reads the JSON file.
"""

import json
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path("/usr/share/fonts/truetype/liberation2")
FACES = {"regular": "LiberationSerif-Regular.ttf", "bold": "LiberationSerif-Bold.ttf",
         "italic": "LiberationSerif-Italic.ttf", "bold_italic": "LiberationSerif-BoldItalic.ttf"}
# Printable ASCII, Latin-1, Latin Extended-A/B and the Vietnamese block, general punctuation.
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x1EA0, 0x1EF9), (0x2010, 0x2027)]


def widths(path: Path) -> dict[str, int]:
    font = TTFont(path)
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    scale = 1000 / font["head"].unitsPerEm
    return {chr(c): round(hmtx[cmap[c]][0] * scale)
            for lo, hi in RANGES for c in range(lo, hi + 1) if c in cmap}


def main() -> None:
    data = {face: widths(FONTS / name) for face, name in FACES.items()}
    out = Path(__file__).resolve().parent.parent / "ccch_docs" / "data" / "metrics.json"
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main()

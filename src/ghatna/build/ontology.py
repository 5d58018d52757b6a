"""Build the PLOVER/CAMEO ontology table shipped in ghatna/data/plover/ontology.json.

    python -m ghatna.build.ontology [--data ../shared/data]

Sources (all in the reference data, none shipped as text):
- plover/PLOVER_MANUAL.tex (v0.8): the 16 event types, each type's modes (the "<TYPE> modes"
  tables), its quad category (the "Quad category:" subsection of its section) and the PLOVER
  conflict-cooperation scores per type and per type:mode (table `tab:ploverscores`);
- plover/CAMEO2PLOVER-2021.txt: CAMEO code -> PLOVER type, mode;
- gdelt-cameo/cameo_goldstein.json: Goldstein score of every CAMEO code.

Decisions recorded here because the sources disagree (see docs/events.md):
- SANCTION: its own section says MATERIAL CONFLICT, the summary quad table lists it under verbal
  conflict. We follow the section (quad 4), which matches the CAMEO 16 "reduce relations" material act.
- ACCUSE: the score table gives the bare type +3 while all its modes score -2 to -3.5 and the
  earlier table -2.0; a positive score for an accusation is a sign slip, so we ship -3.
- Modes in the CAMEO table that the manual does not define for that type are mapped to the
  manual's mode where the meaning is the same (assassinate, massacre -> targeted) or dropped.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "plover" / "ontology.json"
DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"

QUAD_NUMBER = {
    "VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3, "MATERIAL CONFLICT": 4,
}
INTENSITY_CORRECTIONS = {"ACCUSE": -3.0}
MODE_ALIASES = {("ASSAULT", "assassinate"): "targeted", ("ASSAULT", "massacre"): "targeted"}
# CAMEO root codes the PLOVER manual drops (statements, appeals).
DROPPED_ROOTS = ("01", "02")


def _event_chapter(tex: str) -> str:
    start = tex.index(r"\chapter{Event Categories}")
    end = tex.index(r"\chapter", start + 10)
    return tex[start:end]


def _uncomment(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("%"))


def parse_types(tex: str) -> dict[str, dict]:
    """Type -> {quad_class, modes: {name: description}, requires_recipient} from each type's section."""
    chapter = _uncomment(_event_chapter(tex))
    parts = re.split(r"\\section\{([A-Z]+)\}", chapter)
    types: dict[str, dict] = {}
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        quad = re.search(r"\\subsection\{Quad category:\s*([A-Z ]+)\}", body)
        recipient = re.search(r"\\subsection\{Requires recipient:\s*(\w+)", body)
        modes: dict[str, str] = {}
        for table in re.finditer(r"\\caption\{[^\n]*?modes.*?\\end\{tabular\}", body, flags=re.S):
            rows = table.group(0).split(r"\hline")
            for row in rows[2:]:  # after the caption and the "Name & Content" header
                for line in row.split("\\\\"):
                    cells = [c.strip() for c in line.split("&")]
                    if len(cells) == 2 and cells[0] and re.fullmatch(r"[a-z][a-z-]*", cells[0]):
                        modes[cells[0]] = re.sub(r"\s+", " ", cells[1])
        types[name] = {
            "quad_class": QUAD_NUMBER[quad.group(1).strip()] if quad else None,
            "requires_recipient": bool(recipient and recipient.group(1) == "Yes"),
            "modes": list(modes),  # names only: the manual's wording stays in the manual
        }
    return types


def parse_scores(tex: str) -> dict[str, float]:
    """'TYPE' or 'TYPE:mode' -> PLOVER conflict-cooperation score (table tab:ploverscores)."""
    body = _uncomment(tex)
    end = body.index(r"\label{tab:ploverscores}")
    start = body.rindex(r"\begin{tabular}", 0, end)
    table = re.sub(r"\\cellcolor\{[^}]*\}", "", body[start:end])
    scores: dict[str, float] = {}
    for line in table.split("\\\\"):
        cells = [c.strip() for c in line.split("&")]
        for label, value in zip(cells[0::2], cells[1::2], strict=False):
            label = label.replace(r"\hline", "").strip()
            if not label or not re.fullmatch(r"-?\d+(\.\d+)?", value):
                continue
            if ":" in label:
                kind, mode = (p.strip() for p in label.split(":", 1))
                scores[f"{kind}:{mode.lower()}"] = float(value)
            else:
                scores[label] = float(value)
    return scores


def parse_cameo_map(text: str, types: dict[str, dict]) -> dict[str, dict]:
    """CAMEO code -> {type, mode} from CAMEO2PLOVER-2021.txt."""
    mapping: dict[str, dict] = {}
    for line in text.splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*)", line)
        if not m:
            continue
        code, kind, mode = m.group(1), m.group(2), m.group(3).strip().lower() or None
        if kind not in types:
            continue
        mode = MODE_ALIASES.get((kind, mode), mode) if mode else None
        if mode not in types[kind]["modes"]:
            mode = None
        mapping.setdefault(code, {"type": kind, "mode": mode})
    return mapping


def cameo_roots(text: str) -> dict[str, str]:
    """PLOVER type -> its first CAMEO root ("17: COERCE" -> "17"), from the table's headers."""
    roots: dict[str, str] = {}
    for m in re.finditer(r"^(\d\d):\s*([A-Z]+)\s*$", text, flags=re.M):
        roots.setdefault(m.group(2), m.group(1))
    return roots


def representative_cameo(cameo_map: dict[str, dict], roots: dict[str, str]) -> dict[str, str]:
    """'TYPE' / 'TYPE:mode' -> the most general CAMEO code that maps there.

    A type gets its root's "not specified" code (17 -> 170) when that maps to it or is absent
    from the table; otherwise, like every mode, the shortest and then lowest code.
    """
    best: dict[str, str] = {}
    for kind, root in roots.items():
        general = f"{root}0"
        if cameo_map.get(general, {"type": kind})["type"] == kind:
            best[kind] = general
    for code in sorted(cameo_map, key=lambda c: (len(c), c)):
        entry = cameo_map[code]
        for key in (entry["type"], f"{entry['type']}:{entry['mode']}" if entry["mode"] else None):
            if key and key not in best:
                best[key] = code
    return best


def build(data_dir: Path) -> dict:
    tex = (data_dir / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    types = parse_types(tex)
    scores = parse_scores(tex)
    scores.update(INTENSITY_CORRECTIONS)
    cameo_text = (data_dir / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    cameo_map = parse_cameo_map(cameo_text, types)
    roots = {kind: root for kind, root in cameo_roots(cameo_text).items() if kind in types}
    goldstein_table = json.loads(
        (data_dir / "gdelt-cameo" / "cameo_goldstein.json").read_text(encoding="utf-8"))
    goldstein = {code: float(v["value"]) for code, v in sorted(goldstein_table.items())}
    for name, info in types.items():
        info["intensity"] = scores.get(name)
        info["mode_intensity"] = {m: scores[f"{name}:{m}"] for m in info["modes"] if f"{name}:{m}" in scores}
    return {
        "source": "PLOVER manual v0.8 (CC BY-SA 4.0), CAMEO2PLOVER-2021, CAMEO Goldstein scores",
        "types": types,
        "cameo_to_plover": dict(sorted(cameo_map.items())),
        "plover_to_cameo": representative_cameo(cameo_map, roots),
        "goldstein": goldstein,
        "dropped_cameo_roots": list(DROPPED_ROOTS),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    table = build(args.data)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(table, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(table['types'])} types, {len(table['cameo_to_plover'])} CAMEO codes")


if __name__ == "__main__":
    main()

"""Build the CAMEO verb-pattern table shipped in ghatna/data/cameo/verbs.json.

    python -m ghatna.build.cameo_verbs [--data ../shared/data]

Source: petrarch2-dictionaries/CAMEO.2.0.txt, PETRARCH2's CAMEO verb dictionary (Open Event
Data Alliance, MIT licence).  Its format (PETRARCH's "Dictionary Formats" notes and the file's
header):

- synonym sets: a line `&NAME` followed by member lines `+WORD` or `+WORD_WORD` (a phrase of
  consecutive words); a member or a set name ending in `_` takes no regular plural;
- verb blocks: a header `---  NAME  [code]  ---` (the block's default code, `---` for none),
  then its verbs, one a line: `VERB {IRREGULAR FORMS} [own code]`, a multi-word verb marks
  its verb word with `+` (`+CALL_OFF`, `WIRE_+TAP`), then its patterns;
- patterns: `- PRE * POST [code]  # comment`, `*` standing for the verb; words before it are
  the subject's, after it the object's; `{A B}` is a noun phrase whose last word is its head,
  `(PREP ...)` a prepositional phrase, `&NAME` any member of a synonym set, `$ + ^ %` mark
  actors (source, target, skipped, compound) and are not words; `[042:043]` gives the code
  of the source's act first; `[:184]` only the paired code; a trailing `!` is a flag;
- transformations (`~ ...`) after the verb blocks combine two coded verbs; ghatna's recoding
  of intentions and refusals (code/events.py) plays that part, so they are not read.

Output (lowercase words): `synsets` {name: [phrase words...]}, `verbs` [[words, head index,
block index, code or null]], `forms` {inflected verb word: [verb indices]}, `blocks`
[{"name", "code", "patterns": [[pre elements, post elements, code or null]]}].  An element is
["n", [words]] (a noun phrase, head last) or ["p", preposition, [words]]; a word is a plain
word, a `&NAME` synonym set, `a_b` (consecutive words) or ends in `_` (no stem match).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "cameo" / "verbs.json"
DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
SOURCE = "petrarch2-dictionaries/CAMEO.2.0.txt"
ACTOR_MARKERS = frozenset("$+^%")
BLOCK_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
CODE = re.compile(r"\[([^\]]*)\]")


def _strip_comment(line: str) -> str:
    """Everything before a `#` (Python style) or `;` (TABARI style) comment."""
    return re.split(r"[#;]", line, maxsplit=1)[0].rstrip()


def parse_code(text: str) -> str | None:
    """`042:043` -> 042 (the source's act), `:184` -> 184, `080!` -> 080, `---` -> None."""
    parts = [p.strip().rstrip("!") for p in text.split(":")]
    code = next((p for p in parts if p), "")
    return code if code.isdigit() else None


def verb_forms(base: str) -> set[str]:
    """The regular forms of an English verb (third person, past, gerund)."""
    forms = {base}
    if re.search(r"[^aeiou]y$", base):
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif re.search(r"(s|sh|ch|x|z|o)$", base):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms


def _tokens(text: str) -> list[str]:
    """Pattern text split into words and bracket characters."""
    return re.findall(r"[{}()]|[^\s{}()]+", text)


def parse_elements(text: str) -> list[list]:
    """The elements of one side of a pattern (see the module notes)."""
    elements: list[list] = []
    tokens = _tokens(text)
    i = 0

    def word(token: str) -> str | None:
        if token in ACTOR_MARKERS:
            return None
        return token if token.startswith("&") else token.lower()

    while i < len(tokens):
        token = tokens[i]
        if token == "{":
            words = []
            i += 1
            while i < len(tokens) and tokens[i] != "}":
                if (w := word(tokens[i])) is not None and tokens[i] not in "()":
                    words.append(w)
                i += 1
            if words:
                elements.append(["n", words])
        elif token == "(":
            inner = []
            i += 1
            while i < len(tokens) and tokens[i] != ")":
                if tokens[i] not in "{}" and (w := word(tokens[i])) is not None:
                    inner.append(w)
                i += 1
            if inner:
                elements.append(["p", inner[0], inner[1:]])
        elif token not in "})" and (w := word(token)) is not None:
            elements.append(["n", [w]])
        i += 1
    return elements


def parse_pattern(line: str) -> list | None:
    """`- PRE * POST [code]` -> [pre elements, post elements, code]; None when malformed."""
    found = CODE.search(line)
    if not found:
        return None
    body = line[1:found.start()].strip()
    if body.count("*") != 1:
        return None
    pre, post = body.split("*")
    return [parse_elements(pre), parse_elements(post), parse_code(found.group(1))]


def parse_verb(line: str) -> tuple[list[str], int, set[str], str | None]:
    """`VERB {FORMS} [code]` -> (words, head index, forms of the head word, own code)."""
    code_match = CODE.search(line)
    code = parse_code(code_match.group(1)) if code_match else None
    text = CODE.sub(" ", line)
    irregular: list[str] = []
    if "{" in text:
        text, _, rest = text.partition("{")
        irregular = [w for w in re.split(r"[\s,]+", rest.partition("}")[0]) if w]
    phrase = text.split()[0]
    words = phrase.lower().split("_")
    head = next((k for k, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    forms = set()
    for form in irregular:
        parts = form.lower().split("_")
        at = next((k for k, w in enumerate(parts) if w.startswith("+")), head)
        if at < len(parts):
            forms.add(parts[at].lstrip("+"))
    forms |= verb_forms(words[head])  # listed forms add to the regular ones
    return words, head, forms, code


def parse_dictionary(text: str) -> dict:
    """The synonym sets, verbs and patterns of a PETRARCH2 verb dictionary text."""
    synsets: dict[str, list[list[str]]] = {}
    verbs: list[list] = []
    forms: dict[str, list[int]] = {}
    blocks: list[dict] = []
    current_set: str | None = None
    for raw in text.splitlines():
        if raw.startswith("~") or "TRANSFORMATIONS" in raw:
            break
        header = BLOCK_HEADER.match(raw)
        if header:
            blocks.append({"name": header.group(1).lower(), "code": parse_code(header.group(2)), "patterns": []})
            current_set = None
            continue
        line = raw.strip()
        if line.startswith("- "):  # a pattern keeps its `[code]` before the comment
            if blocks and (pattern := parse_pattern(line)):
                blocks[-1]["patterns"].append(pattern)
            continue
        line = _strip_comment(line)
        if not line:
            continue
        if line.startswith("&") and not blocks:
            current_set = line.split()[0]
            synsets[current_set] = []
        elif line.startswith("+") and current_set is not None and not blocks:
            member = line[1:].split()[0]
            plural = not member.endswith("_") and not current_set.endswith("_")
            words = [w for w in re.split(r"[_\s]+", member.lower()) if w]
            if words:
                synsets[current_set].append(words)
                if plural and not words[-1].endswith("s"):
                    synsets[current_set].append(words[:-1] + [re.sub(r"([^aeiou])y$", r"\1ie", words[-1]) + "s"])
        elif blocks and re.match(r"^[A-Z+]", line):
            words, head, verb_word_forms, code = parse_verb(line)
            index = len(verbs)
            verbs.append([words, head, len(blocks) - 1, code])
            for form in sorted(verb_word_forms):
                forms.setdefault(form, []).append(index)
    return {"synsets": synsets, "verbs": verbs, "forms": forms, "blocks": blocks}


def build(data_dir: Path, out: Path = OUT) -> dict:
    path = data_dir / SOURCE
    table = parse_dictionary(path.read_text(encoding="utf-8", errors="replace"))
    table = {"source": f"{SOURCE} (PETRARCH2 CAMEO verb dictionary, Open Event Data Alliance, MIT licence)",
             **table}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    table = build(args.data, args.out)
    n_patterns = sum(len(b["patterns"]) for b in table["blocks"])
    print(f"{args.out}: {len(table['synsets'])} synonym sets, {len(table['verbs'])} verbs, "
          f"{len(table['blocks'])} blocks, {n_patterns} patterns")


if __name__ == "__main__":
    main()

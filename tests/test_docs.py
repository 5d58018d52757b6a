"""docs/benchmarks.md stays honest: every quality figure names its data set's role, and the
figures that are cheap to compute match a fresh run of their suite."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ghatna.eval import DATA_ROLES, data_role, run_suite

BENCHMARKS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
ROLES = {"train", "dev", "test", "dev-used", "timing"}


def quality_rows() -> list[tuple[str, str, str]]:
    """(metric, value, role) of each row of the tables under '## Quality' whose header has a role column
    (the section runs to the next '## ' heading)."""
    text = BENCHMARKS.read_text(encoding="utf-8").split("\n## Quality", 1)[1].split("\n## ", 1)[0]
    rows, columns = [], None
    for line in text.splitlines():
        if not line.startswith("|"):
            columns = None
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if columns is None:
            columns = cells
            assert any(c.endswith("role") for c in columns), f"a quality table with no role column: {columns}"
            continue
        if set("".join(cells)) <= set("-: "):
            continue
        role = next((i for i, c in enumerate(columns) if c.endswith("role")), None)
        if role is not None:
            rows.append((cells[0].strip("`"), cells[columns.index("value")], cells[role]))
    return rows


def test_every_quality_figure_names_its_role():
    rows = quality_rows()
    assert len(rows) >= 20
    for metric, _, role in rows:
        assert role in ROLES, f"{metric}: role {role!r}"
        if re.fullmatch(r"[a-z0-9_.]+", metric) and data_role(metric) != "unknown":
            assert role == data_role(metric), f"{metric}: the table says {role}, eval.DATA_ROLES {data_role(metric)}"


def test_roles_are_declared_for_the_sets_the_issues_name():
    for prefix, role in (("plover_gsr", "dev-used"), ("case2021", "dev-used"), ("ntrex", "dev-used"),
                         ("quantities", "dev-used"), ("ednil.test", "test")):
        assert DATA_ROLES[prefix] == role


def test_structure_figures_match_a_fresh_run(shared_data):
    metrics = run_suite("structure", shared_data)["metrics"]
    documented = {m: v for m, v, _ in quality_rows() if m in metrics}
    assert documented, "docs/benchmarks.md lists no structure figure"
    for metric, value in documented.items():
        assert float(value.split()[0].strip("*")) == pytest.approx(metrics[metric], abs=0.0005), metric

"""The generator remakes every committed file byte for byte, and the data cards are current."""
from __future__ import annotations

import csv
import hashlib
import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from casegen import airport as _airport
from casegen import build as generate
from casegen import cards as _cards
from casegen import examples as _examples
from casegen import hotel_audits as _audits
from casegen import hotel_management as _management
from casegen import hotel_zone as _zone
from casegen import kano as _kano
from casegen import profit_chain as _chain
from coursekit.datasets import TABLES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "datasets"
CASES = ("airport", "hotel", "ecommerce")


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("generated")
    assert generate.main([str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def built():
    return generate.build()


def test_every_committed_csv_is_remade_byte_for_byte(fresh):
    committed = sorted(p.relative_to(DATA) for p in DATA.rglob("*.csv"))
    made = sorted(p.relative_to(fresh) for p in fresh.rglob("*.csv"))
    examples = sorted(Path(name) for name in _examples.generate())
    assert made == committed == sorted([*(Path(t.filename) for t in TABLES.values()), *examples])
    for rel in committed:
        assert (fresh / rel).read_bytes() == (DATA / rel).read_bytes(), rel


@pytest.mark.parametrize("case", CASES)
def test_committed_cards_hold_exactly_the_generated_blocks(built, case):
    expected = built[1][case]
    found = _cards.blocks_in((DATA / case / "README.md").read_text(encoding="utf-8"))
    assert set(found) == set(expected), "a generated block is missing or unexpected"
    for key, body in expected.items():
        assert found[key] == body, f"{case}/README.md block {key!r} is out of date"


@pytest.mark.parametrize("case", CASES)
def test_cards_in_a_fresh_folder_carry_the_same_blocks(fresh, case):
    committed = _cards.blocks_in((DATA / case / "README.md").read_text(encoding="utf-8"))
    stub = _cards.blocks_in((fresh / case / "README.md").read_text(encoding="utf-8"))
    assert stub == committed


def test_column_blocks_describe_every_column_of_every_table(built):
    for table in TABLES.values():
        block = built[1][table.case][f"columns {table.name}"]
        for column in table.columns:
            assert f"| `{column.name}` |" in block
            assert column.meaning_zh in block


def test_files_block_lists_the_true_checksums(built):
    files, blocks = built
    for rel, data in files.items():
        case, name = rel.split("/")
        if case == "examples":  # export files with a hand-written card, compared byte for byte above
            continue
        digest = hashlib.sha256((DATA / rel).read_bytes()).hexdigest()[:16]
        assert f"| `{name}` |" in blocks[case]["files"] and f"`{digest}`" in blocks[case]["files"]


def test_generation_is_deterministic_within_a_process(built):
    again, _ = generate.build()
    assert again == built[0]


def test_check_mode_passes_on_the_repository_and_fails_on_a_changed_file(tmp_path, capsys):
    assert generate.main([str(DATA), "--check"]) == 0
    for case in CASES:
        (tmp_path / case).mkdir()
        for path in (DATA / case).iterdir():
            (tmp_path / case / path.name).write_bytes(path.read_bytes())
    target = tmp_path / "ecommerce" / "ecommerce_daily.csv"
    target.write_bytes(target.read_bytes().replace(b"\n2025-01-01,", b"\n2025-01-01,1", 1))
    assert generate.main([str(tmp_path), "--check"]) == 1
    assert "ecommerce/ecommerce_daily.csv" in capsys.readouterr().err


def test_runs_as_a_module(tmp_path):
    run = subprocess.run([sys.executable, "-m", "casegen", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert f"wrote {len(TABLES)} tables, {len(_examples.generate())} example exports" in run.stdout
    assert (tmp_path / "airport" / "airport_journey.csv").read_bytes() == \
        (DATA / "airport" / "airport_journey.csv").read_bytes()


def test_one_model_seed_changes_only_its_own_tables(built, monkeypatch):
    monkeypatch.setattr(_airport, "SEED", _airport.SEED + 1)
    files, _ = generate.build()
    assert files["airport/airport_journey.csv"] != built[0]["airport/airport_journey.csv"]
    for rel, data in files.items():
        if not rel.startswith("airport/"):
            assert data == built[0][rel], rel


def _frames() -> dict[str, pd.DataFrame]:
    """Every model's frames (what build() types and writes), without the writing."""
    out = {}
    for *_, make in generate.MODELS:
        out.update(make())
    return out


@pytest.fixture(scope="module")
def frames():
    return _frames()


# Whole builds are slow; the frames are what the bytes are written from, so comparing them
# is enough to show that a seed reaches only its own tables.
@pytest.mark.parametrize("module, tables", [
    (_zone, {"hotel_zone"}), (_management, {"hotel_management"}), (_audits, {"hotel_audits"}),
    (_chain, {"ecommerce_units", "ecommerce_recommend"}),
], ids=["zone", "management", "audits", "profit_chain"])
def test_each_new_model_has_its_own_stream(frames, monkeypatch, module, tables):
    monkeypatch.setattr(module, "SEED", module.SEED + 1)
    for name, frame in _frames().items():
        assert (not frame.equals(frames[name])) == (name in tables), name


def test_the_2023_kano_wave_has_its_own_stream(frames, monkeypatch):
    seeds = dict(_kano.SEEDS, ecommerce_kano_2023=_kano.SEEDS["ecommerce_kano_2023"] + 1)
    monkeypatch.setattr(_kano, "SEEDS", seeds)
    for name, frame in _frames().items():
        assert (not frame.equals(frames[name])) == (name == "ecommerce_kano_2023"), name


def test_every_model_seed_is_different():
    seeds = [seed for _, _, seed, _, _ in generate.MODELS]
    assert len(seeds) == len(set(seeds))


def test_all_files_together_are_under_5_mb():
    total = sum(p.stat().st_size for p in DATA.rglob("*") if p.is_file())
    assert total < 5 * 1024 * 1024


@pytest.mark.parametrize("table", list(TABLES.values()), ids=lambda t: t.name)
def test_csv_format_is_fixed(table):
    raw = (DATA / table.filename).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    assert rows[0] == table.column_names
    # no entry spans two lines, so counting lines counts rows (catalog relies on it)
    assert len(rows) == raw.count(b"\n")
    for col in table.columns:
        values = [r[table.column_names.index(col.name)] for r in rows[1:]]
        present = [v for v in values if v != ""]
        if col.kind == "float":
            assert all(len(v.split(".")[1]) == col.decimals for v in present), col.name
        if col.kind == "int":
            assert all(v.lstrip("-").isdigit() for v in present), col.name
        if col.kind == "bool":
            assert set(present) <= {"True", "False"}, col.name
        if col.kind == "datetime":
            assert all(len(v) == 19 and v[10] == " " for v in present), col.name


def test_daily_table_is_the_tickets_summed_by_day():
    tickets = pd.read_csv(DATA / "ecommerce" / "ecommerce_tickets.csv",
                          parse_dates=["created", "first_response"])
    daily = pd.read_csv(DATA / "ecommerce" / "ecommerce_daily.csv", parse_dates=["date"])
    per_day = tickets.groupby(tickets["created"].dt.normalize()).size()
    assert per_day.reindex(daily["date"], fill_value=0).tolist() == daily["complaints"].tolist()
    live = tickets[tickets["channel"] != "email"]
    minutes = (live["first_response"] - live["created"]).dt.total_seconds() / 60
    mean = minutes.groupby(live["created"].dt.normalize()).mean().reindex(daily["date"])
    np.testing.assert_allclose(mean.to_numpy(), daily["mean_first_response_min"], atol=0.0051)


def test_stays_and_complaints_tell_the_same_story():
    stays = pd.read_csv(DATA / "hotel" / "hotel_stays.csv")
    complaints = pd.read_csv(DATA / "hotel" / "hotel_complaints.csv")
    joined = complaints.merge(stays, on="stay_id", suffixes=("", "_stay"), validate="1:1")
    assert len(joined) == len(complaints)
    assert (joined["complaint_id"] == joined["complaint_id_stay"]).all()
    assert joined["failure"].all()
    assert (joined["satisfaction_after"] == joined["satisfaction"]).all()
    assert (joined["returned_1y"] == joined["returned_1y_stay"]).all()
    assert (joined["property"] == joined["property_stay"]).all()
    assert (joined["fixed"] == joined["recovered"]).all()
    assert not stays.loc[stays["complaint_id"].isna(), "recovered"].any()
    received = pd.to_datetime(joined["received"]).dt.normalize()
    arrival = pd.to_datetime(joined["arrival"])
    assert ((received >= arrival) & (received < arrival + pd.to_timedelta(joined["nights"], "D"))).all()


def test_update_card_keeps_the_prose_and_replaces_only_the_blocks():
    card = ("# Title\n\nHand-written story.\n\n<!-- BEGIN GENERATED files -->\nold\n"
            "<!-- END GENERATED files -->\n\nMore prose.\n")
    new = _cards.update_card(card, "Title", {"files": "new\n", "columns t": "cols\n"})
    assert new.startswith("# Title\n\nHand-written story.\n\n<!-- BEGIN GENERATED files -->\nnew\n")
    assert "More prose.\n" in new and "old" not in new
    assert _cards.blocks_in(new) == {"files": "new\n", "columns t": "cols\n"}
    assert _cards.update_card(new, "Title", {"files": "new\n", "columns t": "cols\n"}) == new

"""Make every case table and the generated parts of every data card.

    python -m casegen OUTDIR           # write OUTDIR/<case>/<table>.csv
    python -m casegen datasets --check # compare with the files there

Run in the course folder with ``datasets`` as OUTDIR, it rewrites the committed CSV files (the
same bytes, unless a model changed) and the generated blocks of each ``README.md`` card. Each
model draws from its own fixed seed, so the output is the same on every machine that has the
same numpy version (numpy does not promise identical random streams across its versions).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

import pandas as pd

from coursekit.datasets import HOTEL_STANDARDS, TABLES
from coursekit.datasets.io import csv_bytes
from coursekit.datasets.schema import raise_problems, type_frame

from . import (airport, ecommerce, examples, hotel_audits, hotel_management, hotel_recovery,
               hotel_servqual, hotel_zone, kano, profit_chain)
from .cards import (columns_block, features_block, files_block, parameters_block,
                    segments_block, standards_block, update_card)
from .findings import findings

COMMAND = "python -m casegen datasets"

#: (case, model title, seed, parameters, function returning {table name: frame}).
MODELS = (
    ("airport", "Airport journey model", airport.SEED, airport.PARAMS, airport.generate),
    ("hotel", "SERVQUAL model", hotel_servqual.SEED, hotel_servqual.PARAMS,
     hotel_servqual.generate),
    ("hotel", "Zone-of-tolerance model", hotel_zone.SEED, hotel_zone.PARAMS, hotel_zone.generate),
    ("hotel", "Management survey model", hotel_management.SEED, hotel_management.PARAMS,
     hotel_management.generate),
    ("hotel", "Standards-audit model", hotel_audits.SEED, hotel_audits.PARAMS,
     hotel_audits.generate),
    ("hotel", "KANO model (shared with the e-commerce survey)",
     kano.SEEDS["hotel_kano"], kano.PARAMS, kano.generate_hotel),
    ("hotel", "Stays, failures and recovery model", hotel_recovery.SEED,
     hotel_recovery.PARAMS, hotel_recovery.generate),
    ("ecommerce", "Customer-service model", ecommerce.SEED, ecommerce.PARAMS,
     ecommerce.generate),
    ("ecommerce", "KANO model (shared with the hotel survey)",
     kano.SEEDS["ecommerce_kano"], kano.PARAMS, kano.generate_shop),
    ("ecommerce", "KANO model, 2023 wave (shared with the hotel survey)",
     kano.SEEDS["ecommerce_kano_2023"], kano.PARAMS, kano.generate_shop_2023),
    ("ecommerce", "Service-profit-chain model", profit_chain.SEED, profit_chain.PARAMS,
     profit_chain.generate),
)
CASE_TITLES = {"airport": "Airport passenger journey", "hotel": "Hotel chain",
               "ecommerce": "Online shop customer service"}
FEATURES = {"hotel_kano": kano.HOTEL_FEATURES,
            "ecommerce_kano": kano.SHOP_FEATURES,
            "ecommerce_kano_2023": kano.SHOP_FEATURES_2023}


def build() -> tuple[dict[str, bytes], dict[str, dict[str, str]]]:
    """Everything the generator writes, in memory: {relative path: CSV bytes} and
    {case: {block key: generated card block}}."""
    files: dict[str, bytes] = {}
    blocks: dict[str, dict[str, str]] = {case: {} for case in CASE_TITLES}
    listing: dict[str, list] = {case: [] for case in CASE_TITLES}
    typed_frames: dict[str, pd.DataFrame] = {}
    for case, title, seed, params, make in MODELS:
        frames = make()
        key = "parameters " + "-".join(sorted(frames))
        blocks[case][key] = parameters_block(title, seed, params, COMMAND)
        for name, frame in frames.items():
            table = TABLES[name]
            typed, problems = type_frame(table, frame)
            raise_problems(name, problems)  # the model must produce what the schema promises
            typed_frames[name] = typed
            data = csv_bytes(table, frame)
            files[table.filename] = data
            listing[case].append((table.filename.split("/")[-1], len(frame),
                                  len(table.columns), len(data),
                                  hashlib.sha256(data).hexdigest()))
            if name in FEATURES:
                blocks[case][f"features {name}"] = features_block(FEATURES[name])
                split = kano.segment_mixes(name, FEATURES[name])
                if split:
                    blocks[case][f"segments {name}"] = segments_block(split)
    for table in TABLES.values():
        blocks[table.case][f"columns {table.name}"] = columns_block(table)
    blocks["hotel"]["standards hotel_audits"] = standards_block(HOTEL_STANDARDS)
    for key, text in findings(typed_frames).items():
        first = key.split()[1].split("-")[0]
        blocks[TABLES[first].case][key] = text
    for case in CASE_TITLES:
        blocks[case]["files"] = files_block(sorted(listing[case]))
    # The example exports of the "Your own survey" notebook: export files, not case tables,
    # so they have no layout in TABLES and no generated card blocks (their card is hand-written).
    files.update(examples.generate())
    return files, blocks


def card_blocks() -> dict[str, dict[str, str]]:
    """The generated card blocks of each case (for the tests)."""
    return build()[1]


def _counted(files) -> str:
    examples = sum(rel.startswith("examples/") for rel in files)
    return f"{len(files) - examples} tables, {examples} example exports"


def write(outdir: Path, check: bool = False) -> int:
    started = time.perf_counter()
    files, blocks = build()
    stale = []
    for rel, data in files.items():
        path = outdir / rel
        if check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for case, case_blocks in blocks.items():
        path = outdir / case / "README.md"
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        new = update_card(old, CASE_TITLES[case], case_blocks)
        if check:
            if old != new:
                stale.append(f"{case}/README.md")
            continue
        path.write_text(new, encoding="utf-8", newline="\n")
    seconds = time.perf_counter() - started
    if check:
        if stale:
            print("out of date: " + ", ".join(stale), file=sys.stderr)
            return 1
        print(f"all {_counted(files)} and {len(blocks)} cards are current ({seconds:.1f} s)")
        return 0
    total = sum(len(d) for d in files.values())
    for rel, data in files.items():
        print(f"{rel:34s} {len(data) / 1024:8.0f} KB")
    print(f"wrote {_counted(files)} ({total / 1024 / 1024:.2f} MB) and {len(blocks)} cards "
          f"to {outdir} in {seconds:.1f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m casegen",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, help="folder to write <case>/<table>.csv into")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if any file there differs from a fresh run")
    args = parser.parse_args(argv)
    return write(args.outdir, check=args.check)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""A short tour of the Clermont ecosystem with the ecosys Python package.

Run it as is from a libecosys source tree after building (cmake -S . -B build
&& cmake --build build):

    python3 examples/python/clermont_tour.py [DATASET]

It uses the installed ecosys package if there is one, else the package in
bindings/python of this tree with the library in build/ (or wherever
ECOSYS_LIBRARY points). DATASET defaults to the bundled Clermont dataset,
an illustrative network: see examples/data/clermont/README.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

try:
    import ecosys
except ImportError:
    # Not installed: the package of this source tree and the library built next to it.
    sys.path.insert(0, str(REPO / "bindings" / "python"))
    if "ECOSYS_LIBRARY" not in os.environ and (REPO / "build" / "libecosys.so").exists():
        os.environ["ECOSYS_LIBRARY"] = str(REPO / "build" / "libecosys.so")
    import ecosys

LABEL_DAY = "2019-04-12"  # the day Clermont received the French Impact label


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "examples" / "data" / "clermont"
    try:
        dataset = ecosys.Dataset.read(path)
    except ecosys.ParseError as e:
        print(f"{e.file}:{e.line}:{e.column}: {e.message}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"cannot read {path}: {e}", file=sys.stderr)
        return 1

    with dataset, ecosys.Graph(dataset, at=LABEL_DAY) as label_day, \
            ecosys.Graph(dataset) as whole:
        print(f"libecosys {ecosys.library_version()}: {dataset.actor_count} actors, "
              f"{dataset.tie_count} ties in {path.name}")

        sectors: dict[str, int] = {}
        for actor in dataset.actors:
            sectors[actor.sector] = sectors.get(actor.sector, 0) + 1
        print("Sectors:", ", ".join(f"{s} {n}" for s, n in sorted(sectors.items())))

        for title, graph in ((f"On {LABEL_DAY}", label_day), ("All ties", whole)):
            s = ecosys.structure(graph)
            print(f"\n{title}: {s.tie_count} ties, density {s.density:.3f}, "
                  f"{s.component_count} components, transitivity {s.transitivity:.3f}")

        brokers = ecosys.betweenness(label_day, normalized=True)
        names = {a.id: a.name for a in label_day.actors}
        print(f"\nBrokers on {LABEL_DAY} (normalised betweenness):")
        for actor_id, value in sorted(brokers.items(), key=lambda kv: -kv[1])[:5]:
            print(f"  {value:6.3f}  {actor_id:<22} {names[actor_id][:50]}")

        cut = ecosys.articulation_points(label_day)
        print(f"\nActors whose loss would split the network: {', '.join(cut) or 'none'}")

        summary = ecosys.summary_json(whole)
        print("\nTies inside and across sectors (all ties):")
        for group in summary["groups"]:
            print(f"  {group['value']:<15} {group['actor_count']:2} actors, "
                  f"{group['internal_ties']:2} ties inside, {group['external_ties']:2} across")
        new = whole.tie_count - label_day.tie_count
        print(f"\n{new} ties of the whole period were not yet active on {LABEL_DAY}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

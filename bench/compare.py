#!/usr/bin/python3
"""Puts raw_igraph and bench_ecosys results side by side as a Markdown table.

usage: compare.py ACTORS RAW_FILE... -- ECOSYS_FILE...
       compare.py --peers ACTORS LABEL FILE... [-- LABEL FILE...]...

Each file holds "STEP SECONDS PEAK_KIB" lines; of several runs the best
(smallest) time of each step is kept, and the largest peak memory.

--peers (bench/run_sectors.sh): the first group is libecosys, each further
group a peer (raw igraph, NetworkX, R sna); missing files are skipped. Two
tables: seconds with the ratio libecosys / peer and each step's complexity
(from the public headers), then peak memory with the same ratios.
"""
import os
import sys

# Complexity of each "across sectors" step as its header documents it
# (n actors, m ties, k groups, d the degree of an actor).
COMPLEXITY = {
    "load": "O(n + m)",
    "partition": "O(n log n)",
    "mixing_matrix": "O(m + k²)",
    "ei_index": "O(m + k)",
    "ei_index_actors": "O(n + m)",
    "assortativity": "O(m + k²)",
    "blau": "O(n + m)",
    "constraint": "O(Σ d²)",
    "effective_size": "O(Σ d²)",
    "effective_size_triangles": "O(Σ d²)",
    "structural_holes": "O(Σ d²)",
    "brokerage_roles": "O(Σ d² log d)",
    "leiden": "O(m) per iteration",
    "louvain": "O(m) per pass",
    "modularity": "O(n + m)",
    "participation": "O(n + m)",
    "within_module_z": "O(n + m)",
}


def best(files):
    times, peaks, order = {}, {}, []
    for path in files:
        with open(path) as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                step, seconds, peak = line.split()
                if step not in times:
                    order.append(step)
                    times[step] = float(seconds)
                    peaks[step] = int(peak)
                times[step] = min(times[step], float(seconds))
                peaks[step] = max(peaks[step], int(peak))
    return times, peaks, order


def peers_table(args):
    actors = int(args[0])
    groups, current = [], None
    for a in args[1:]:
        if a == "--":
            current = None
        elif current is None:
            current = (a, [])
            groups.append(current)
        elif os.path.exists(a):
            current[1].append(a)
    results = [(label, best(files)) for label, files in groups]
    (ref_label, (ref_t, ref_p, order)), peers = results[0], results[1:]
    for _, (t, _, o) in peers:
        order += [s for s in o if s not in order]
    fmt_t = lambda v: "–" if v is None else (f"{v:.4f}" if v < 10 else f"{v:.1f}")
    fmt_m = lambda v: "–" if v is None else f"{v / 1024:.1f}"
    ratio = lambda a, b: f"{a / b:.3g}" if a is not None and b else "–"

    print(f"\n### {actors:,} actors\n")
    head = f"| step | complexity | {ref_label} (s) |"
    rule = "|---|---|---:|"
    for label, _ in peers:
        head += f" {label} (s) | ratio |"
        rule += "---:|---:|"
    print(head)
    print(rule)
    for step in order:
        row = f"| {step} | {COMPLEXITY.get(step, '')} | {fmt_t(ref_t.get(step))} |"
        for _, (t, _, _) in peers:
            row += f" {fmt_t(t.get(step))} | {ratio(ref_t.get(step), t.get(step))} |"
        print(row)

    print("\nPeak memory (MiB, VmHWM after the step) and ratio:\n")
    head = f"| step | {ref_label} |"
    rule = "|---|---:|"
    for label, _ in peers:
        head += f" {label} | ratio |"
        rule += "---:|---:|"
    print(head)
    print(rule)
    for step in order:
        row = f"| {step} | {fmt_m(ref_p.get(step))} |"
        for _, (_, p, _) in peers:
            row += f" {fmt_m(p.get(step))} | {ratio(ref_p.get(step), p.get(step))} |"
        print(row)


def main():
    if sys.argv[1] == "--peers":
        peers_table(sys.argv[2:])
        return
    actors = int(sys.argv[1])
    split = sys.argv.index("--")
    raw_t, raw_p, raw_order = best(sys.argv[2:split])
    eco_t, eco_p, eco_order = best(sys.argv[split + 1:])
    print(f"\n## {actors:,} actors\n")
    print("| step | raw igraph (s) | libecosys (s) | time ratio | raw peak (MiB) | libecosys peak (MiB) | memory ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for step in raw_order + [s for s in eco_order if s not in raw_t]:
        rt, et = raw_t.get(step), eco_t.get(step)
        rp, ep = raw_p.get(step), eco_p.get(step)
        cell = lambda v, f: f.format(v) if v is not None else "–"
        ratio = f"{et / rt:.2f}" if rt and et is not None and rt > 0 else "–"
        mratio = f"{ep / rp:.2f}" if rp and ep is not None else "–"
        print(f"| {step} | {cell(rt, '{:.4f}')} | {cell(et, '{:.4f}')} | {ratio} | "
              f"{cell(rp and rp / 1024, '{:.1f}')} | {cell(ep and ep / 1024, '{:.1f}')} | {mratio} |")


if __name__ == "__main__":
    main()

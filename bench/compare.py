#!/usr/bin/python3
"""Puts raw_igraph and bench_ecosys results side by side as a Markdown table.

usage: compare.py ACTORS RAW_FILE... -- ECOSYS_FILE...

Each file holds "STEP SECONDS PEAK_KIB" lines; of several runs the best
(smallest) time of each step is kept, and the largest peak memory.
"""
import sys


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


def main():
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

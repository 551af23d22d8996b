"""Benchmark: the product's course and module pages against the wagtail-lms peer, same run.

The peer's benchmark builds its own throw-away Wagtail project with wagtail-lms 0.11.1
installed, so it runs in a virtualenv of its own (built here on first use, under ``var/``).
Both benchmarks are run alternately, ``--rounds`` times each, because timings on a shared
machine drift from minute to minute; each side's figure is the median of its rounds'
medians.

    .venv/bin/python bench/peer.py [--rounds 3] [--lessons 50] [--learners 1000]
        [--peer-bench ../shared/peer/wagtail_lms_bench.py] [--peer-venv var/peer-venv]

The last line printed is:
    course_ratio=X module_ratio=Y
(the product's median ÷ the peer's median; below 1.0 the product is faster.)
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEER_PACKAGE = "wagtail-lms==0.11.1"
FIGURE = re.compile(r"(\w+)=([0-9.]+)")


def figures(line: str) -> dict[str, float]:
    """The ``name=number`` pairs of one output line."""
    return {name: float(value) for name, value in FIGURE.findall(line)}


def default_peer_bench() -> Path:
    """``../shared/peer/wagtail_lms_bench.py`` beside the repository; in a git worktree,
    beside the main checkout if not beside this one."""
    relative = Path("..") / "shared" / "peer" / "wagtail_lms_bench.py"
    candidates = [ROOT / relative]
    common = subprocess.run(
        ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],  # noqa: S607
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if common.returncode == 0 and common.stdout.strip():
        candidates.append(Path(common.stdout.strip()).parent / relative)
    found = next((path for path in candidates if path.exists()), candidates[0])
    return found.resolve()


def ensure_peer_venv(venv: Path) -> Path:
    """The peer's interpreter, installing wagtail-lms into a fresh virtualenv if needed."""
    python = venv / "bin" / "python"
    if python.exists():
        check = subprocess.run(  # noqa: S603 - the peer's own interpreter
            [str(python), "-c", "import wagtail_lms"], capture_output=True, text=True
        )
        if check.returncode == 0:
            return python
    print(f"building the peer's virtualenv with {PEER_PACKAGE} ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)  # noqa: S603
    subprocess.run([str(python), "-m", "pip", "install", "-q", PEER_PACKAGE], check=True)  # noqa: S603
    return python


def run(command: list[str], env: dict[str, str] | None = None) -> list[str]:
    """Run one benchmark; its output lines (stops the whole run if it fails)."""
    process = subprocess.run(  # noqa: S603 - the benchmarks' own commands
        command, capture_output=True, text=True, env=env, cwd=ROOT
    )
    if process.returncode != 0:
        sys.stderr.write(process.stdout + process.stderr)
        raise SystemExit(f"failed (rc={process.returncode}): {' '.join(command)}")
    return process.stdout.splitlines()


def run_peer(python: Path, bench: Path, args: argparse.Namespace) -> tuple[float, float]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # SQLite, as ours
    with tempfile.TemporaryDirectory(prefix="peer-bench-") as workdir:
        lines = run(
            [
                str(python),
                str(bench),
                "--workdir",
                workdir,
                "--scenarios",
                str(args.lessons),
                "--users",
                str(args.learners),
                "--reps",
                str(args.runs),
                "--no-xapi",
            ],
            env=env,
        )
    last = figures(lines[-1])
    return last["course_page_ms"], last["lesson_page_ms"]


def run_ours(args: argparse.Namespace) -> tuple[float, float]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)  # the benchmark's own SQLite file, as the peer's
    lines = run(
        [
            sys.executable,
            str(ROOT / "bench" / "course_pages.py"),
            "--modules",
            str(args.lessons),
            "--learners",
            str(args.learners),
            "--runs",
            str(args.runs),
        ],
        env=env,
    )
    found: dict[str, float] = {}
    for line in lines:
        found.update(figures(line))
    return found["course_page_ms"], found["module_page_ms_median"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--peer-bench",
        type=Path,
        default=None,
        help="the peer's benchmark script (default: ../shared/peer/ from the repository, "
        "or from its main checkout when run in a git worktree)",
    )
    parser.add_argument("--peer-venv", type=Path, default=ROOT / "var" / "peer-venv")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lessons", type=int, default=50)
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30, help="measured requests per page")
    args = parser.parse_args()
    if args.peer_bench is None:
        args.peer_bench = default_peer_bench()
    if not args.peer_bench.exists():
        raise SystemExit(f"the peer's benchmark is not at {args.peer_bench}; pass --peer-bench")

    python = ensure_peer_venv(args.peer_venv)
    ours_course: list[float] = []
    ours_module: list[float] = []
    peer_course: list[float] = []
    peer_module: list[float] = []
    for number in range(args.rounds):
        # Alternate which side goes first, so neither always runs on a warmer machine.
        order = ("peer", "ours") if number % 2 == 0 else ("ours", "peer")
        for side in order:
            if side == "peer":
                course, module = run_peer(python, args.peer_bench, args)
                peer_course.append(course)
                peer_module.append(module)
            else:
                course, module = run_ours(args)
                ours_course.append(course)
                ours_module.append(module)
            print(
                f"round {number + 1} {side}: "
                f"course_page_ms={course:.2f} module_page_ms={module:.2f}",
                flush=True,
            )

    median = statistics.median
    print(
        f"ours: course_page_ms={median(ours_course):.2f} module_page_ms={median(ours_module):.2f}"
    )
    print(
        f"peer: course_page_ms={median(peer_course):.2f} lesson_page_ms={median(peer_module):.2f}"
    )
    print(
        f"course_ratio={median(ours_course) / median(peer_course):.2f} "
        f"module_ratio={median(ours_module) / median(peer_module):.2f}"
    )


if __name__ == "__main__":
    main()

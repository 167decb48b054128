"""What compiling the hot extraction modules with mypyc gives: the library path of the pure-Python package
and of a copy whose hot modules mypyc compiled, on the same generated texts, beside a bare regex scan.

    python bench/bench_mypyc.py              # 5 MB per language, 3 runs of each
    python bench/bench_mypyc.py --mb 2

mypyc keeps one source (the same type-hinted modules) and compiles them to C extensions; it needs mypy
and a C compiler at build time only (``pip install mypy``). The copy is laid out in a temporary folder,
so the working tree and the installed package are never touched. Prints MB/s (best / median of the runs)
and the compile time; ``--keep DIR`` leaves the compiled tree there.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diff_extract import ROOT, package_tree

# The modules where the per-document time goes (bench/bench_extract.py under cProfile): reading the
# structure, the finders, the resolver's evidence and context. mypyc compiles them as one group.
HOT = [
    "extract/records.py", "extract/lexicon.py", "extract/read/structure.py", "extract/read/paragraphs.py",
    "extract/read/layout.py", "extract/read/footnotes.py", "extract/read/ocr.py", "extract/find/scan.py",
    "extract/find/citations.py", "extract/find/titles.py", "extract/find/organs.py",
    "extract/resolve/evidence.py", "extract/resolve/context.py", "extract/resolve/documents.py",
]  # fmt: skip

RUN = """
import json, statistics, sys, time
sys.path.insert(0, {bench!r})
from corpus import generate
from instrumap.extract.pipeline import extract_document
from instrumap.extract.read.document import parse_text
import instrumap.extract.find.scan as scan
from bench_extract import CEILING
out = {{"compiled": scan.__file__.endswith(".so")}}
for language in {languages!r}:
    texts = list(generate(language, {mb}))
    size = sum(len(t.encode()) for t in texts) / 1e6
    extract_document(parse_text(texts[0], language=language))
    runs, ceiling = [], []
    for _ in range({repeat}):
        started = time.perf_counter()
        for text in texts:
            extract_document(parse_text(text, "bench", language))
        runs.append(time.perf_counter() - started)
        started = time.perf_counter()
        for text in texts:
            CEILING[language].findall(text)
        ceiling.append(time.perf_counter() - started)
    out[language] = {{"mb": round(size, 2), "best": size / min(runs), "median": size / statistics.median(runs),
                      "regex_best": size / min(ceiling), "regex_median": size / statistics.median(ceiling)}}
print(json.dumps(out))
"""


def compile_tree(site: Path) -> float:
    """mypyc over the hot modules of the package laid out in ``site``; the seconds it took."""
    started = time.perf_counter()
    modules = [str(Path("instrumap") / path) for path in HOT]
    done = subprocess.run([sys.executable, "-m", "mypyc", "--ignore-missing-imports", *modules],
                          cwd=site, capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0:
        sys.exit(f"bench_mypyc: mypyc failed:\n{done.stdout[-3000:]}{done.stderr[-2000:]}")
    return time.perf_counter() - started  # each extension is imported before the source beside it


def measure(site: Path, args: argparse.Namespace) -> dict[str, object]:
    code = RUN.format(bench=str(ROOT / "bench"), languages=args.languages.split(","), mb=args.mb, repeat=args.repeat)
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-c", code], cwd=site, capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of generated text per language")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--languages", default="en,zh")
    parser.add_argument("--keep", type=Path, help="leave the compiled tree in this folder")
    args = parser.parse_args()
    if shutil.which("gcc") is None or subprocess.run([sys.executable, "-c", "import mypyc"]).returncode != 0:
        sys.exit("bench_mypyc: needs mypy and a C compiler: pip install mypy (and gcc)")
    with tempfile.TemporaryDirectory() as tmp:
        pure = package_tree(ROOT, Path(tmp) / "pure")
        compiled = package_tree(ROOT, args.keep or Path(tmp) / "compiled")
        seconds = compile_tree(compiled)
        results = {"pure": measure(pure, args), "mypyc": measure(compiled, args)}
    assert results["mypyc"]["compiled"] and not results["pure"]["compiled"], results
    print(f"mypyc compiled {len(HOT)} modules in {seconds:.0f} s")
    print(f"{'lang':4}  {'pure MB/s best/med':>20}  {'mypyc MB/s best/med':>20}  {'ratio':>6}  {'regex MB/s':>11}")
    for language in args.languages.split(","):
        p, c = results["pure"][language], results["mypyc"][language]  # type: ignore[index]
        print(f"{language:4}  {p['best']:>9.2f} / {p['median']:<8.2f}  {c['best']:>9.2f} / {c['median']:<8.2f}  "
              f"{c['best'] / p['best']:>6.2f}  {p['regex_best']:>11.1f}")  # fmt: skip


if __name__ == "__main__":
    main()

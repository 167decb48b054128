"""Every difference in extraction output between the working tree and a git ref, as eyecite's benchmark shows.

    python bench/diff_extract.py REF [PATH …]

Both trees extract the same documents (``../shared/corpus`` when present, and ``tests/fixtures``) through the
command line, each from a private copy of its own source (the ref via ``git archive``), so the installed
package plays no part. Prints, per document, what the working tree adds, drops or changes; exits 1 when
anything differs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("instrumap", "extract", "graph", "ontology")
DOCUMENT_SUFFIXES = (".txt", ".pdf", ".docx", ".html")


def default_paths() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus"
    paths = [shared] if shared.is_dir() else []
    return [*paths, ROOT / "tests" / "fixtures"]


def documents(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        candidates = sorted(path.rglob("*")) if path.is_dir() else [path]
        found += [p for p in candidates if p.is_file() and p.suffix in DOCUMENT_SUFFIXES]
    return found


def package_tree(source: Path, into: Path) -> Path:
    """``source``'s stage folders laid out as the one ``instrumap`` package (what pyproject's package-dir does)."""
    package = into / "instrumap"
    shutil.copytree(source / "instrumap", package, ignore=shutil.ignore_patterns("__pycache__"))
    for stage in STAGES[1:]:
        shutil.copytree(source / stage, package / stage, ignore=shutil.ignore_patterns("__pycache__"))
    return into


def ref_tree(ref: str, into: Path) -> Path:
    checkout = into / "checkout"
    checkout.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, *STAGES], capture_output=True, check=True)
    tar_path = into / "ref.tar"
    tar_path.write_bytes(archive.stdout)
    with tarfile.open(tar_path) as tar:
        tar.extractall(checkout, filter="data")
    return package_tree(checkout, into / "site")


def extract_all(site: Path, files: list[Path]) -> dict[str, dict[str, object]]:
    """Source → extraction record, from the package laid out in ``site``."""
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "instrumap", "extract", *map(str, files), "--format", "jsonl"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=site)
    if "Traceback" in done.stderr:
        sys.exit(f"extraction crashed in {site}:\n" + "\n".join(done.stderr.splitlines()[-12:]))
    records = {}
    for line in done.stdout.splitlines():
        record = json.loads(line)
        records[record["source"]] = record
    for line in done.stderr.splitlines():
        if line.strip():
            records.setdefault(line.split(":", 1)[0], {"error": line})
    return records


def _reference_key(ref: dict[str, object]) -> str:
    return json.dumps(ref, sort_keys=True, ensure_ascii=False)


def differences(old: dict[str, object], new: dict[str, object]) -> list[str]:
    """Readable lines for what changed in one document's record."""
    lines: list[str] = []
    for key in ("error", "document", "problems"):
        if old.get(key) != new.get(key):
            lines.append(f"  {key}: {json.dumps(old.get(key), ensure_ascii=False)}")
            lines.append(f"    → {json.dumps(new.get(key), ensure_ascii=False)}")
    for key in ("references", "relations"):
        before = [_reference_key(r) for r in old.get(key, [])]  # type: ignore[union-attr]
        after = [_reference_key(r) for r in new.get(key, [])]  # type: ignore[union-attr]
        gone, added = sorted(set(before) - set(after)), sorted(set(after) - set(before))
        lines += [f"  - {key[:-1]} {item}" for item in gone] + [f"  + {key[:-1]} {item}" for item in added]
        if not gone and not added and before != after:
            lines.append(f"  {key}: same items, other order")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", help="git ref to compare against (a commit, branch or tag)")
    parser.add_argument("paths", nargs="*", type=Path, help="documents or folders (default: the corpora)")
    args = parser.parse_args()
    files = documents(args.paths or default_paths())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        old = extract_all(ref_tree(args.ref, work / "ref"), files)
        new = extract_all(package_tree(ROOT, work / "tree"), files)
    changed = 0
    for source in sorted(set(old) | set(new)):
        lines = differences(old.get(source, {}), new.get(source, {}))
        if lines:
            changed += 1
            print(source)
            print("\n".join(lines))
    print(f"{len(files)} documents, {changed} with differences (working tree vs {args.ref})")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())

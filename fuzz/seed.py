#!/usr/bin/env python3
"""Fills fuzz/corpus/ with seeds taken from spec/ (generated, not committed):

- corpus/spec_loader/spec-<service>-<file>.json: each spec file, verbatim;
- corpus/request_bodies/example-<service>-<operation>-{request,response}-<n>.json: the body of every example
  request and response in the spec files.

The hand-written corpus/*/seed-* files are committed and left alone. Safe to run again.
"""
import json
import pathlib
import shutil

FUZZ = pathlib.Path(__file__).resolve().parent
SPEC = FUZZ.parent / "spec"


def main():
    loader = FUZZ / "corpus" / "spec_loader"
    bodies = FUZZ / "corpus" / "request_bodies"
    loader.mkdir(parents=True, exist_ok=True)
    bodies.mkdir(parents=True, exist_ok=True)
    counts = {"spec_loader": 0, "request_bodies": 0}
    for path in sorted(SPEC.rglob("*.json")):
        if path.name == "spec.schema.json" or path.name.endswith(".overlay.json"):
            continue
        stem = "-".join(path.relative_to(SPEC).with_suffix("").parts)
        shutil.copyfile(path, loader / f"spec-{stem}.json")
        counts["spec_loader"] += 1
        try:
            spec = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        examples = (spec.get("operation") or {}).get("examples") or {}
        for kind in ("requests", "responses"):
            for n, example in enumerate(examples.get(kind) or []):
                if "body" in example:
                    out = bodies / f"example-{stem}-{kind[:-1]}-{n}.json"
                    out.write_text(json.dumps(example["body"], ensure_ascii=False), encoding="utf-8")
                    counts["request_bodies"] += 1
    for target, count in counts.items():
        print(f"{target}: {count} seeds from spec/ in {FUZZ / 'corpus' / target}")


if __name__ == "__main__":
    main()

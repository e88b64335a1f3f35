#!/usr/bin/env python3
"""Checks that spec files the generator accepts give a crate that compiles.

spec_loader only asserts that emitted code parses (syn); this runs `codegen generate` on each given spec file
and `cargo check`s every crate it accepted, all in one scratch workspace. A spec that gets diagnostics is
fine; a spec that is accepted but whose crate does not compile is a generator bug.

    python3 fuzz/compile_check.py FILE_OR_DIR...            # each file alone, as the only spec file
    python3 fuzz/compile_check.py --context FILE_OR_DIR...  # each file with the repository's spec/, in place
                                                            # of the file it stands for, as spec_loader does
    python3 fuzz/compile_check.py --context fuzz/corpus/spec_loader   # e.g. after a fuzzing run

Exits 1 when an accepted spec does not compile, listing each with its first errors. Needs a codegen that
builds (it runs `cargo build -p codegen`). Scratch files go to fuzz/target/compile-check/.
"""
import argparse
import json
import pathlib
import re
import shutil
import subprocess
import sys

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
SCRATCH = FUZZ / "target" / "compile-check"


def identity(value):
    if not isinstance(value, dict):
        return (None, None)
    operation = value.get("operation")
    name = operation.get("name") if isinstance(operation, dict) else None
    service = value.get("service")
    return (service if isinstance(service, str) else None, name if isinstance(name, str) else None)


def repository_specs():
    for path in sorted((ROOT / "spec").rglob("*.json")):
        if path.name != "spec.schema.json" and not path.name.endswith(".overlay.json"):
            yield path


def spec_dir(n, data, context):
    """Writes the spec directory for one input, as spec_loader builds it."""
    directory = SCRATCH / "specs" / str(n)
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    target = directory / "fuzz" / "input.json"
    if context:
        try:
            wanted = identity(json.loads(data.decode("utf-8", "replace")))
        except ValueError:
            wanted = None
        for path in repository_specs():
            relative = path.relative_to(ROOT / "spec")
            try:
                same = wanted is not None and identity(json.loads(path.read_text(encoding="utf-8"))) == wanted
            except ValueError:
                same = False
            if same:
                target = directory / relative
            else:
                (directory / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, directory / relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    # spec_loader reads its bytes lossily as UTF-8 (the generator itself stops at a file that is not UTF-8).
    target.write_bytes(data.decode("utf-8", "replace").encode("utf-8"))
    return directory


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--context", action="store_true", help="lower each file with the repository's spec/")
    parser.add_argument("paths", nargs="+", type=pathlib.Path)
    args = parser.parse_args()
    inputs = []
    for path in args.paths:
        inputs.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])

    subprocess.run(["cargo", "build", "-q", "-p", "codegen"], cwd=ROOT, check=True)
    codegen = ROOT / "target" / "debug" / "codegen"
    crates = SCRATCH / "crates"
    shutil.rmtree(crates, ignore_errors=True)
    crates.mkdir(parents=True)
    accepted, rejected = {}, 0
    for n, path in enumerate(inputs):
        spec = spec_dir(n, path.read_bytes(), args.context)
        out = crates / f"c{n}"
        result = subprocess.run([str(codegen), "generate", "--spec", str(spec), "--out", str(out)], capture_output=True)
        if result.returncode != 0:
            rejected += 1
            continue
        (out / "Cargo.toml").write_text(
            f'[package]\nname = "c{n}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
            '[lib]\nname = "api_gateway_models"\npath = "src/lib.rs"\n\n'
            '[dependencies]\nserde = { version = "1", features = ["derive"] }\nserde_json = "1"\n'
        )
        accepted[f"c{n}"] = path
    print(f"{len(inputs)} inputs: {rejected} rejected with diagnostics, {len(accepted)} accepted")
    if not accepted:
        return 0
    members = ", ".join(f'"{name}"' for name in accepted)
    (crates / "Cargo.toml").write_text(f'[workspace]\nresolver = "2"\nmembers = [{members}]\n')
    if (ROOT / "Cargo.lock").exists():
        shutil.copyfile(ROOT / "Cargo.lock", crates / "Cargo.lock")
    check = subprocess.run(
        ["cargo", "check", "--workspace", "--all-targets", "--keep-going", "--message-format", "short"],
        cwd=crates, capture_output=True, text=True,
    )
    errors = {}
    for line in check.stderr.splitlines():
        match = re.match(r"^(c\d+)/\S+: error", line)
        if match:
            errors.setdefault(match.group(1), []).append(line)
    failed = re.findall(r"could not compile `(c\d+)`", check.stderr)
    for name in sorted(set(failed) | set(errors), key=lambda c: int(c[1:])):
        print(f"DOES NOT COMPILE: {accepted[name]}")
        for line in errors.get(name, [])[:3]:
            print(f"    {line}")
    if check.returncode != 0 and not (failed or errors):
        print("cargo check failed:\n" + "\n".join(check.stderr.splitlines()[-20:]))
    print(f"{len(accepted) - len(set(failed) | set(errors))} of {len(accepted)} accepted specs compile")
    return 1 if (failed or errors or check.returncode != 0) else 0


if __name__ == "__main__":
    sys.exit(main())

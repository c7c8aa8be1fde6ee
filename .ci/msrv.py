"""The minimum Rust version of each feature, read off the dependencies Cargo.lock resolves
(each crate's `rust-version`), checked against the README's table: the README cannot claim a
version the dependency tree does not allow. Run by .ci/run; prints the table when it differs."""
import json
import re
import subprocess
import sys

README = open("README.md", encoding="utf-8").read()
table = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (\d+\.\d+) \|", README.split("## Dependencies and minimum Rust version")[1], re.M))

meta = json.loads(subprocess.check_output(["cargo", "metadata", "--format-version", "1", "--locked"]))
versions = {(p["name"], p["version"]): p.get("rust_version") for p in meta["packages"]}
declared = next(p["rust_version"] for p in meta["packages"] if p["name"] == "http-status")


def minimum(features):
    tree = subprocess.check_output(
        ["cargo", "tree", "--locked", "-p", "http-status", "-e", "normal", "--prefix", "none",
         "--target", "x86_64-unknown-linux-gnu", "--features", features],
        stderr=subprocess.DEVNULL,
    ).decode()
    found = (0, 0)
    for name, version in re.findall(r"^(\S+) v(\S+)", tree, re.M):
        rust = versions.get((name, version))
        if rust:
            found = max(found, tuple(int(x) for x in rust.split(".")[:2]))
    return "%d.%d" % found


wrong = []
for feature, claimed in sorted(table.items()):
    actual = minimum("derive,tracing" if feature == "default" else feature)
    if actual != claimed:
        wrong.append(f"| `{feature}` | {actual} | (README says {claimed})")
if table.get("default") != declared:
    wrong.append(f"rust-version in Cargo.toml is {declared}, README's default row {table.get('default')}")
if wrong:
    print("README's minimum Rust versions are not what the dependencies need:")
    print("\n".join(wrong))
    sys.exit(1)
print(f"{len(table)} features: the README's minimum Rust versions hold")

#!/usr/bin/env python3
"""Adds the symbols the build reports as undeclared (RS0016) to PublicAPI.Unshipped.txt and marks the ones it
reports as gone (RS0017) as *REMOVED*. Run from the repository root: python3 eng/update-public-api.py
Review the diff of the .txt files afterwards: it is the API change."""
import os, re, subprocess, sys

def build():
    out = subprocess.run(["dotnet", "build", "ConfigResolver.sln", "-nologo", "-clp:NoSummary"],
                         capture_output=True, text=True).stdout
    return out

pattern = re.compile(r"error (RS001[67]): Symbol '(.*?)' (?:is not part of the declared public API|is part of the declared API, but is either not public or could not be found).*\[(.*?\.csproj)\]")
for attempt in range(3):
    found = {}
    for line in build().splitlines():
        m = pattern.search(line)
        if m:
            code, symbol, project = m.groups()
            found.setdefault(project, set()).add((code, symbol))
    if not found:
        print("public API files are up to date")
        sys.exit(0)
    for project, items in found.items():
        path = os.path.join(os.path.dirname(project), "PublicAPI.Unshipped.txt")
        lines = open(path).read().splitlines() if os.path.exists(path) else ["#nullable enable"]
        header, body = lines[:1], set(l for l in lines[1:] if l.strip())
        for code, symbol in items:
            if code == "RS0016":
                body.discard("*REMOVED*" + symbol)
                body.add(symbol)
            else:
                if symbol in body:
                    body.discard(symbol)
                else:
                    body.add("*REMOVED*" + symbol)
        open(path, "w").write("\n".join(header + sorted(body, key=lambda s: s.replace("*REMOVED*", ""))) + "\n")
        print(f"{path}: {len(items)} symbols")
print("still failing after 3 rounds", file=sys.stderr)
sys.exit(1)

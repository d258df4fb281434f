#!/usr/bin/env python3
"""Checks the import structure of src/ (docs/architecture.md): no import circle between files,
and no import from a lower layer to a higher one.

An import is any path a file names that resolves to another file's module: `use crate::…`,
`use super::…`, `use self::…`, a child module's name, and qualified paths in code
(`crate::models::plans::load(…)`, or `plans::load(…)` after `use crate::models::plans`).
Comments and string literals are skipped; inline `mod tests { … }` blocks are read with their
own `super`. `mod x;` declarations are not imports.

Usage: .ci/layers.py [src] [--graph]   (exit 1 on a circle or an upward import)
"""
import os
import re
import sys

# Lowest first. A file may import from its own layer and the layers below it.
LAYERS = [
    ("error", ["error"]),
    ("domain", ["domain"]),
    ("db", ["db"]),
    ("models", ["models"]),
    ("web", ["web"]),
    ("resources", ["resources"]),
    ("app", ["app", "ops"]),
    # The binary's own modules beside main.rs (which only declares them): above everything.
    ("binary", ["commands"]),
]


def layer_of(module):
    for rank, (_, prefixes) in enumerate(LAYERS):
        if module and module[0] in prefixes:
            return rank
    return None


def modules(root):
    files = {}
    for d, _, names in os.walk(root):
        for f in names:
            if not f.endswith(".rs"):
                continue
            path = os.path.join(d, f)
            parts = os.path.relpath(path, root)[:-3].split(os.sep)
            if parts[-1] == "mod":
                parts = parts[:-1]
            if parts in (["lib"], ["main"]):
                continue  # the crate root only declares; main.rs is the binary above everything
            files[tuple(parts)] = path
    return files


def strip(src):
    """Source without comments and with empty string and char literals."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        raw = re.match(r'b?r(#*)"', src[i : i + 10]) if c in "rb" and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")) else None
        if raw:
            end = '"' + raw.group(1)
            i = src.find(end, i + raw.end()) + len(end)
            out.append('""')
            continue
        if c == '"':
            j = i + 1
            while src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            i = j + 1
            out.append('""')
            continue
        if c == "'":
            lit = re.match(r"'(\\.|\\u\{[0-9a-fA-F]+\}|[^\\'])'", src[i : i + 12])
            if lit:
                i += lit.end()
                out.append("' '")
                continue
        out.append(c)
        i += 1
    return "".join(out)


def split_top(text):
    items, depth, cur = [], 0, ""
    for ch in text:
        depth += ch == "{"
        depth -= ch == "}"
        if ch == "," and depth == 0:
            items.append(cur)
            cur = ""
        else:
            cur += ch
    return items + ([cur] if cur else [])


def use_paths(tree):
    """(path segments, bound name) for every leaf of a use tree."""
    tree = re.sub(r"\s+as\s+", "@", tree)
    tree = re.sub(r"\s+", "", tree)
    out = []

    def walk(prefix, text):
        for item in split_top(text):
            if "{" in item:
                head = item[: item.index("{")].rstrip(":")
                walk(prefix + [s for s in head.split("::") if s], item[item.index("{") + 1 : item.rindex("}")])
            else:
                path, _, alias = item.partition("@")
                segs = prefix + [s for s in path.split("::") if s]
                if segs and segs[-1] == "self":
                    segs = segs[:-1]
                out.append((segs, alias or (segs[-1] if segs else None)))

    walk([], tree)
    return out


def inline_modules(src):
    """The text outside inline `mod name { … }` blocks, and each block as (name, text)."""
    blocks, outside, i = [], [], 0
    for m in re.finditer(r"\bmod\s+(\w+)\s*\{", src):
        if m.start() < i:
            continue
        depth, j = 0, m.end() - 1
        while True:
            depth += src[j] == "{"
            depth -= src[j] == "}"
            if depth == 0:
                break
            j += 1
        outside.append(src[i : m.start()])
        blocks.append((m.group(1), src[m.end() : j]))
        i = j + 1
    outside.append(src[i:])
    return "".join(outside), blocks


def graph(root):
    files = modules(root)
    edges = {m: set() for m in files}

    def resolve(segs):
        for k in range(len(segs), 0, -1):
            if tuple(segs[:k]) in files:
                return tuple(segs[:k])
        return None

    def read(module, src, here, children):
        def absolute(segs):
            if segs[0] == "crate":
                return segs[1:]
            if segs[0] == "super":
                base = list(here)
                while segs and segs[0] == "super":
                    base, segs = base[:-1], segs[1:]
                return base + segs
            if segs[0] == "self":
                return list(here) + segs[1:]
            if segs[0] in children:
                return list(here) + segs
            return None

        text, blocks = inline_modules(src)
        aliases = {}

        def add(segs):
            target = resolve(segs) if segs else None
            if target and target != module:
                edges[module].add(target)

        for m in re.finditer(r"\buse\s+([^;]+);", text):
            for segs, name in use_paths(m.group(1)):
                full = absolute(segs) if segs else None
                if full is None:
                    continue
                if name and name != "*":
                    aliases[name] = full
                add(full)
        code = re.sub(r"\buse\s+[^;]+;", "", text)  # use lines were read above, whole
        for m in re.finditer(r"(?<![\w:])((?:\$?crate|super|self|\w+)(?:::\w+)+)", code):
            segs = m.group(1).lstrip("$").split("::")
            full = aliases[segs[0]] + segs[1:] if segs[0] in aliases else absolute(segs)
            if full is not None:
                add(full)
        for name, inner in blocks:
            read(module, inner, list(here) + [name], set())

    for module, path in files.items():
        src = strip(open(path, encoding="utf-8").read())
        children = set(re.findall(r"\bmod\s+(\w+)\s*;", src))
        read(module, src, list(module), children)
    return files, edges


def circles(edges):
    """Strongly connected components of more than one file (Tarjan, iterative)."""
    index, low, on, stack, out, counter = {}, {}, set(), [], [], [0]
    for start in edges:
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges.get(w, ())))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def upward_imports(edges):
    """Imports from a lower layer to a higher one, and files in no layer."""
    upward, unplaced = [], []
    for a in sorted(edges):
        if layer_of(a) is None:
            unplaced.append(a)
        for b in sorted(edges[a]):
            if layer_of(a) is not None and layer_of(b) is not None and layer_of(b) > layer_of(a):
                upward.append((a, b))
    return upward, unplaced


def name(module):
    return "::".join(module)


def self_test():
    """The check fails on what it exists to catch (run by CI before the real check)."""
    import tempfile

    with tempfile.TemporaryDirectory() as root:
        sources = {
            "lib.rs": "pub mod domain; pub mod models; pub mod resources;",
            "domain/mod.rs": "pub mod rules;",
            # upward: a pure rule naming a resource, in code rather than a use line
            "domain/rules.rs": "pub fn f() { crate::resources::plans::g(); }",
            "models/mod.rs": "//! use crate::resources::plans; (a comment, not an import)\npub mod plans;",
            "models/plans.rs": 'pub fn h() { let _ = "crate::resources::plans"; }',
            "resources/mod.rs": "pub mod plans; pub mod nodes;",
            # a circle inside one layer, through a module alias
            "resources/plans.rs": "use super::nodes;\npub fn g() { nodes::n(); }",
            "resources/nodes.rs": "use crate::resources::plans::g;\npub fn n() { g(); }\n"
            "#[cfg(test)] mod tests { use super::*; }",
        }
        for path, text in sources.items():
            os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
            with open(os.path.join(root, path), "w") as f:
                f.write(text)
        _, edges = graph(root)
    assert upward_imports(edges)[0] == [(("domain", "rules"), ("resources", "plans"))], upward_imports(edges)
    assert not edges[("models",)] and not edges[("models", "plans")], "comments and strings are not imports"
    assert circles(edges) == [[("resources", "nodes"), ("resources", "plans")]], circles(edges)
    assert ("resources", "nodes") not in edges[("resources", "nodes")], "tests' super is the file itself"


def main():
    self_test()
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
    files, edges = graph(root)
    found = circles(edges)
    upward, unplaced = upward_imports(edges)
    if "--graph" in sys.argv:
        for a in sorted(edges):
            print(f"{name(a)} -> {', '.join(name(b) for b in sorted(edges[a]))}")
    print(f"{len(files)} files, {sum(len(v) for v in edges.values())} imports between them, "
          f"{len(found)} circles, {len(upward)} upward imports")
    for comp in found:
        print(f"circle of {len(comp)} files: {', '.join(name(m) for m in comp)}")
    for a, b in upward:
        print(f"upward import: {name(a)} ({LAYERS[layer_of(a)][0]}) -> {name(b)} ({LAYERS[layer_of(b)][0]})")
    for a in unplaced:
        print(f"not in any layer: {name(a)} (add its folder to LAYERS)")
    sys.exit(1 if found or upward or unplaced else 0)


if __name__ == "__main__":
    main()

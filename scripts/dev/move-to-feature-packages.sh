#!/usr/bin/env bash
# Moves the application layer from three flat packages (port.in, port.out, service) into feature packages
# (issue 12), as a script so that it can be re-run on a newer main instead of rebasing a move of 190 files.
#
#   scripts/dev/move-to-feature-packages.sh [--dry-run] [--commit]
#
# It reads feature-packages.txt beside it. A line "SimpleName target [NewName]" says where a class goes:
#   - target is a feature (ingestion, serving, ...): port/in/X -> <feature>/port/in/X,
#     port/out/X -> <feature>/port/out/X, service/X -> <feature>/X (the feature's internals);
#   - target is domain.<package>: the class leaves the application for io.tandem.domain.<package>, in the domain
#     module (only for types that need nothing but the JDK and the domain; the domain rules check that);
#   - NewName, when given, renames the class everywhere (its simple name must be unique in the repository).
# A line "@package <feature>[.port.in|.port.out] <text>" (or "@package domain.<package> <text>") gives a new
# package its package-info sentence.
#
# Every .java file of application/src/{main,test}/java/io/tandem/application/{port/in,port/out,service} is
# moved with git mv. Then, over every tracked text file of the repository, it rewrites package lines, imports and
# fully-qualified names (dotted, or as a path), adds the imports that a shared package used to make unnecessary,
# and writes the package-info files. Last, a public class among a feature's internals that no file outside its
# package names becomes package-private; a package-private one used from another package is reported (it needs
# a hand fix: make it public with what it exposes, or map it elsewhere).
#
# A class found in those folders but missing from the mapping stops the script before anything changes: a newer
# main with new classes is noticed, not guessed at. Mapping lines whose class no longer exists are ignored.
# The work tree must be clean; the result is staged, and committed too with --commit.
#
# On a newer main: run with --dry-run, add a mapping line for each class it names, run with --commit, then build
# (mvn -B -o -q verify -DskipTests) and fix what it reported (a member used across features needs public) before
# the architecture rules (APPLICATION_FEATURES_ARE_FREE_OF_CYCLES names the class edges of any cycle: remap, reset
# the generated commit and run again).
set -euo pipefail
# The repository root is two levels up; a git environment inherited from a caller (a rebase's exec step sets
# GIT_DIR) must not redirect the git commands below.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
unset GIT_DIR GIT_WORK_TREE
cd "$root"
exec python3 - "$root" "$@" <<'PY'
import os
import re
import subprocess
import sys
import textwrap

root = sys.argv[1]
args = sys.argv[2:]
dry_run = "--dry-run" in args
commit = "--commit" in args
unknown = [a for a in args if a not in ("--dry-run", "--commit")]
if unknown:
    sys.exit(f"unknown option(s): {' '.join(unknown)}")

APPLICATION = "io.tandem.application"
DOMAIN = "io.tandem.domain"
OLD = {"port/in": "port.in", "port/out": "port.out", "service": None}
MAPPING = os.path.join(root, "scripts/dev/feature-packages.txt")
SELF = {"scripts/dev/feature-packages.txt", "scripts/dev/move-to-feature-packages.sh"}


def git(*cmd, capture=True):
    result = subprocess.run(["git", *cmd], cwd=root, check=True, text=True,
                            stdout=subprocess.PIPE if capture else None)
    return result.stdout if capture else ""


# ---- the mapping ------------------------------------------------------------------------------------------
targets = {}  # simple name -> (target, new simple name)
package_text = {}
for number, raw in enumerate(open(MAPPING, encoding="utf-8"), 1):
    line = raw.strip()
    if not line or line.startswith("#"):
        continue
    if line.startswith("@package "):
        _, package, text = line.split(" ", 2)
        package_text[package] = text.strip()
        continue
    parts = line.split()
    if (len(parts) not in (2, 3) or not re.fullmatch(r"(domain\.)?[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)*", parts[1])
            or (not parts[1].startswith("domain.") and "." in parts[1])):
        sys.exit(f"{MAPPING}:{number}: expected 'SimpleName feature|domain.package [NewName]', got: {line}")
    if parts[0] in targets:
        sys.exit(f"{MAPPING}:{number}: {parts[0]} is mapped twice")
    targets[parts[0]] = (parts[1], parts[2] if len(parts) == 3 else parts[0])

# ---- what to move -----------------------------------------------------------------------------------------
# Each move: name, new_name, old path, new path, old package, new package, main?
moves = []
missing = []
seen = {}
for source_set in ("main", "test"):
    for old_dir, role in OLD.items():
        directory = f"application/src/{source_set}/java/io/tandem/application/{old_dir}"
        if not os.path.isdir(os.path.join(root, directory)):
            continue
        for entry in sorted(os.listdir(os.path.join(root, directory))):
            path = f"{directory}/{entry}"
            if os.path.isdir(os.path.join(root, path)):
                sys.exit(f"{path} is a sub-package; this script moves flat packages only")
            if entry == "package-info.java":
                continue
            if not entry.endswith(".java"):
                sys.exit(f"{path} is not a Java source; move it by hand first")
            name = entry[:-len(".java")]
            if name in seen:
                sys.exit(f"{name} exists twice ({seen[name]} and {path}); the mapping is by simple name")
            seen[name] = path
            if name not in targets:
                missing.append(path)
                continue
            target, new_name = targets[name]
            old_package = f"{APPLICATION}.{old_dir.replace('/', '.')}"
            if target.startswith("domain."):
                new_package = f"{DOMAIN}.{target[len('domain.'):]}"
                module = "domain"
            else:
                new_package = f"{APPLICATION}.{target}" + (f".{role}" if role else "")
                module = "application"
            new_path = f"{module}/src/{source_set}/java/" + new_package.replace(".", "/") + f"/{new_name}.java"
            moves.append((name, new_name, path, new_path, old_package, new_package, source_set == "main"))

if missing:
    print("Not in scripts/dev/feature-packages.txt (add a 'SimpleName feature' line for each):", file=sys.stderr)
    for path in missing:
        print(f"  {os.path.basename(path)[:-5]:40s} {path}", file=sys.stderr)
    sys.exit(1)


def short(package):
    return package[len(APPLICATION) + 1:] if package.startswith(APPLICATION + ".") else "domain." + package[
        len(DOMAIN) + 1:]


def info_path(package, source_set):
    module = "domain" if package.startswith(DOMAIN + ".") else "application"
    return f"{module}/src/{source_set}/java/" + package.replace(".", "/") + "/package-info.java"


new_packages = sorted({m[5] for m in moves})
# A domain package that exists already keeps its own package-info.
described = [p for p in new_packages if not os.path.exists(os.path.join(root, info_path(p, "main")))]
undescribed = [p for p in described if short(p) not in package_text]
if undescribed:
    sys.exit("No '@package' sentence in the mapping for: " + ", ".join(undescribed))
renamed = {m[0]: m[1] for m in moves if m[0] != m[1]}
for old_name, new_name in renamed.items():
    clash = [p for p in git("ls-files").split("\n") if p.endswith(f"/{new_name}.java")]
    if clash:
        sys.exit(f"cannot rename {old_name} to {new_name}: {clash[0]} exists")

ignored = sorted(set(targets) - set(seen))
print(f"{len(moves)} classes to move into {len(new_packages)} packages; "
      f"{len(ignored)} mapping lines name no existing class" + (f" ({', '.join(ignored)})" if ignored else ""))
if dry_run:
    for move in moves:
        print(f"  {move[2]} -> {move[3]}")
    sys.exit(0)
if git("status", "--porcelain").strip():
    sys.exit("the work tree is not clean: commit or stash first")

by_name = {m[0]: m for m in moves}
fqcn_old = {f"{m[4]}.{m[0]}": f"{m[5]}.{m[1]}" for m in moves}

# ---- move the files ---------------------------------------------------------------------------------------
for move in moves:
    os.makedirs(os.path.dirname(os.path.join(root, move[3])), exist_ok=True)
    git("mv", move[2], move[3])
for source_set in ("main", "test"):
    for old_dir in OLD:
        info = f"application/src/{source_set}/java/io/tandem/application/{old_dir}/package-info.java"
        if os.path.exists(os.path.join(root, info)):
            git("rm", "-q", info)


# ---- helpers ----------------------------------------------------------------------------------------------
def code_only(text):
    """The text with comments and string/char literals blanked out, so names in prose do not count as uses."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            j = n if j < 0 else j + 3
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(" " * (j + 1 - i))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def import_blocks(lines):
    """Runs of consecutive import lines, as (start, end) index pairs."""
    blocks, start = [], None
    for i, line in enumerate(lines + [""]):
        if line.startswith("import "):
            start = i if start is None else start
        elif start is not None:
            blocks.append((start, i))
            start = None
    return blocks


def sort_block(lines, start, end):
    block = sorted(set(lines[start:end]), key=lambda l: (not l.startswith("import static "), l.rstrip(";")))
    lines[start:end] = block + [None] * (end - start - len(block))


def sorted_changed_blocks(original, text):
    """Sorts each import block that the rewrite changed; the others keep the author's order."""
    before, lines = original.split("\n"), text.split("\n")
    for start, end in import_blocks(lines):
        if lines[start:end] != before[start:end]:
            sort_block(lines, start, end)
    return "\n".join(line for line in lines if line is not None)


def add_imports(text, fqcns):
    lines = text.split("\n")
    new = [f"import {f};" for f in sorted(fqcns)]
    blocks = import_blocks(lines)
    if not blocks:
        at = next(i for i, l in enumerate(lines) if l.startswith("package ")) + 1
        lines[at:at] = [""] + new
        return "\n".join(lines)
    target = next((b for b in blocks if any(l.startswith("import io.tandem.") for l in lines[b[0]:b[1]])),
                  next((b for b in blocks if not lines[b[0]].startswith("import static ")), blocks[0]))
    lines[target[1]:target[1]] = new
    sort_block(lines, target[0], target[1] + len(new))
    return "\n".join(line for line in lines if line is not None)


def is_text(path):
    with open(path, "rb") as handle:
        return b"\0" not in handle.read(8192)


# ---- rewrite names everywhere -----------------------------------------------------------------------------
names = "|".join(sorted(by_name, key=len, reverse=True))
dotted = re.compile(r"\bio\.tandem\.application\.(port\.in|port\.out|service)\.(" + names + r")\b")
slashed = re.compile(r"\bio/tandem/application/(port/in|port/out|service)/(" + names + r")\b")


def new_dotted(match):
    old = f"{APPLICATION}.{match.group(1)}.{match.group(2)}"
    return fqcn_old.get(old, match.group(0))


def new_slashed(match):
    old = f"{APPLICATION}.{match.group(1).replace('/', '.')}.{match.group(2)}"
    return fqcn_old[old].replace(".", "/") if old in fqcn_old else match.group(0)


tracked = [p for p in git("ls-files", "-z").split("\0") if p and p not in SELF]
texts = {}
for path in tracked:
    full = os.path.join(root, path)
    if not os.path.isfile(full) or not is_text(full):
        continue
    with open(full, encoding="utf-8") as handle:
        original = handle.read()
    text = slashed.sub(new_slashed, dotted.sub(new_dotted, original))
    texts[path] = (original, text)

moved_to = {m[3]: m for m in moves}
for path, (original, text) in list(texts.items()):
    if path not in moved_to:
        continue
    name, _, _, _, old_package, new_package, main = moved_to[path]
    text = re.sub(r"^package " + re.escape(old_package) + ";", f"package {new_package};", text, count=1,
                  flags=re.M)
    # Classes that shared this file's old package were used without an import; now some live elsewhere.
    code = code_only(text)
    to_import = set()
    for other, (_, other_new_name, _, _, other_old, other_new, other_main) in by_name.items():
        if other == name or other_old != old_package or other_new == new_package:
            continue
        if main and not other_main:
            continue  # main code never uses a test class
        if re.search(r"(?<![\w.])" + other + r"\b", code):
            to_import.add(f"{other_new}.{other_new_name}")
        else:
            # Named only in Javadoc tags: qualify there rather than import for the documentation's sake.
            text = re.sub(r"(\{@(?:link|linkplain|value)\s+|@see\s+|@throws\s+|@exception\s+)" + other
                          + r"(?![\w])", lambda m: m.group(1) + f"{other_new}.{other_new_name}", text)
    if to_import:
        text = add_imports(text, to_import)
    texts[path] = (original, text)

# Renamed classes: every remaining use of the old simple name (the name is unique, so a word match is exact).
for old_name, new_name in renamed.items():
    word = re.compile(r"\b" + old_name + r"\b")
    for path, (original, text) in texts.items():
        if old_name in text:
            texts[path] = (original, word.sub(new_name, text))

WIDTH = 120


def wrap(words, first, rest):
    """textwrap that never breaks inside an inline tag such as {@link Name}."""
    protected = re.sub(r"\{@(\w+) ", lambda m: "{@" + m.group(1) + "\0", words)
    lines = textwrap.wrap(protected, WIDTH, initial_indent=first, subsequent_indent=rest, break_long_words=False,
                          break_on_hyphens=False)
    return [line.replace("\0", " ") for line in lines]


def rewrap_comments(original, text):
    """
    Comment lines that longer names pushed past the line width, wrapped again together with the rest of their
    paragraph (the following lines with the same prefix, up to a blank line, a tag or HTML). Code lines are left
    alone (and reported).
    """
    before = set(original.split("\n"))
    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if len(line) <= WIDTH or line in before:
            out.append(line)
            continue
        single = re.fullmatch(r"(\s*)/\*\* (.*) \*/", line)
        aligned = re.fullmatch(r"(\s*\*\s+)(.*)", line)
        if single:
            indent = single.group(1)
            out += [indent + "/**"] + wrap(single.group(2), indent + " * ", indent + " * ") + [indent + " */"]
            continue
        if not aligned:
            out.append(line)
            continue
        prefix, words = aligned.group(1), aligned.group(2)
        # A tag's continuation lines are indented under its text; a plain paragraph's under its first word.
        named = words.startswith(("@param", "@throws", "@exception"))
        tag = re.match(r"@\w+\s+\S+\s+" if named else r"@\w+\s+", words)
        rest = prefix + " " * len(tag.group(0)) if tag else prefix
        while i < len(lines):
            follow = re.fullmatch(re.escape(rest) + r"([^@<\s].*)", lines[i])
            if not follow:
                break
            words += " " + follow.group(1)
            i += 1
        out += wrap(words, prefix, rest)
    return "\n".join(out)


too_long = []
for path, (original, text) in texts.items():
    if path.endswith(".java") and text != original:
        text = rewrap_comments(original, sorted_changed_blocks(original, text))
        texts[path] = (original, text)
        before = set(original.split("\n"))
        too_long += [f"{path}: {l.strip()[:80]}..." for l in text.split("\n") if len(l) > WIDTH and l not in before]

# ---- package-info files -----------------------------------------------------------------------------------
for package in described:
    has_main = any(m[5] == package and m[6] for m in moves)
    info = info_path(package, "main" if has_main else "test")
    sentence = package_text[short(package)]
    if len(sentence) + 7 <= 120:
        body = f"/** {sentence} */\n"
    else:
        body = "/**\n" + "".join(f" * {l}\n" for l in textwrap.wrap(sentence, WIDTH - 3, break_on_hyphens=False)) \
            + " */\n"
    texts[info] = (None, body + f"package {package};\n")

# ---- narrow or report visibility --------------------------------------------------------------------------
declaration = (r"^(public )?((?:(?:final|abstract|sealed|non-sealed|strictfp) )*)"
               r"(class|interface|record|enum|@interface) {name}\b")
package_of = {}
for path, (_, text) in texts.items():
    if path.endswith(".java"):
        found = re.search(r"^package ([\w.]+);", text, re.M)
        package_of[path] = found.group(1) if found else ""
code_of = {}


def users_outside(fqcn, package, in_code):
    """Java files of other packages that name the class: anywhere (in_code=False), or in code alone."""
    pattern = re.compile(r"(?<![\w.])" + re.escape(fqcn) + r"\b")
    found = []
    for path, (_, text) in texts.items():
        if not path.endswith(".java") or package_of.get(path) == package or fqcn not in text:
            continue
        if in_code and path not in code_of:
            code_of[path] = code_only(text)
        if pattern.search(code_of[path] if in_code else text):
            found.append(path)
    return sorted(found)


narrowed, must_widen = [], []
for name, new_name, _, new, _, new_package, main in moves:
    original, text = texts[new]
    found = re.search(declaration.format(name=new_name), text, re.M)
    if not found:
        continue
    fqcn = f"{new_package}.{new_name}"
    internal = new_package.startswith(APPLICATION + ".") and not new_package.endswith((".port.in", ".port.out"))
    # Narrow only what nothing else names, even in a string or a comment; warn only about uses in code.
    if main and internal and found.group(1) and not users_outside(fqcn, new_package, in_code=False):
        text = text[:found.start()] + text[found.start() + len("public "):]
        texts[new] = (original, text)
        narrowed.append(fqcn)
    elif not found.group(1):
        outside = users_outside(fqcn, new_package, in_code=True)
        if outside:
            must_widen.append(f"{fqcn} (used in {', '.join(outside)})")

# ---- write ------------------------------------------------------------------------------------------------
changed = []
for path, (original, text) in texts.items():
    if text != original:
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as handle:
            handle.write(text)
        changed.append(path)
git("add", "-A", "--", *changed)
git("add", "-A", "--", "application/src", "domain/src")

print(f"moved {len(moves)} classes, rewrote {len(changed)} files")
if narrowed:
    print(f"made package-private ({len(narrowed)}), nothing outside their package names them:")
    for fqcn in narrowed:
        print(f"  {fqcn}")
if must_widen:
    print("PACKAGE-PRIVATE BUT USED FROM ANOTHER PACKAGE (make them public, with what they expose, or remap):")
    for line in must_widen:
        print(f"  {line}")
if too_long:
    print(f"Lines the move made longer than {WIDTH} characters, to wrap by hand:")
    for line in too_long:
        print(f"  {line}")
if commit:
    git("commit", "-q", "-m", "Application in feature packages (scripts/dev/move-to-feature-packages.sh)\n\n"
        "Generated by the script from scripts/dev/feature-packages.txt: each feature holds its own port.in, "
        "port.out and internals.", capture=False)
    print("committed")
else:
    print("staged; review with 'git diff --cached --stat', then commit")
PY

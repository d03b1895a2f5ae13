#!/usr/bin/env python3
"""Checks the size limits of the code (issue #11): no source file in shared/, server/ or client/
over 600 lines, and no function there over 60 lines (from the line of its opening brace to the
line of its closing one). Prints each offender and exits 1 if there is any.

Functions are found by their braces: a '{' at namespace or class level that follows a ')' (after
optional qualifiers such as const, noexcept, override, or a constructor's initializer list) opens a
function body; lambdas and blocks inside it count toward it. Comments, strings and raw strings are
blanked before braces are counted."""
import os
import re
import sys

FILE_LIMIT = 600
FUNCTION_LIMIT = 60
FOLDERS = ("shared", "server", "client")
SUFFIXES = (".cpp", ".h")


def blank(text):
    """The text with comments, string and character literals replaced by spaces (newlines kept)."""
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
        elif c == "R" and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            end = ")" + m.group(1) + '"'
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


HEAD = re.compile(r"\)\s*(const|noexcept|override|final|mutable|->[^{;]*|\s)*$")
INIT = re.compile(r"\)\s*:\s*[\w:<>]+\s*[({]")


def functions(code):
    """(first line, last line, header text) of each function body at namespace or class level."""
    stack = []  # for each open brace: (is function, start line, start of header)
    found = []
    line = 1
    last_stmt = 0  # index just after the last ';', '{' or '}' at any depth
    in_function = 0
    for i, c in enumerate(code):
        if c == "\n":
            line += 1
        elif c == "{":
            head = code[last_stmt:i]
            is_fn = False
            if in_function == 0:
                flat = " ".join(head.split())
                if HEAD.search(flat) or INIT.search(flat):
                    is_fn = not re.match(r"^\s*(namespace|class|struct|union|enum)\b", flat)
                    # An initializer list's braces ("m(x) {") are also caught; good enough.
            stack.append((is_fn, line, head))
            if is_fn:
                in_function += 1
            last_stmt = i + 1
        elif c == "}":
            if stack:
                is_fn, start, head = stack.pop()
                if is_fn:
                    in_function -= 1
                    found.append((start, line, " ".join(head.split())[-90:]))
            last_stmt = i + 1
        elif c == ";":
            last_stmt = i + 1
    return found


def main(root):
    bad = 0
    for folder in FOLDERS:
        for dirpath, _, names in os.walk(os.path.join(root, folder)):
            for name in sorted(names):
                if not name.endswith(SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                lines = text.count("\n")
                if lines > FILE_LIMIT:
                    print(f"{rel}: {lines} lines (limit {FILE_LIMIT}): split it by what it does")
                    bad += 1
                for start, end, head in functions(blank(text)):
                    length = end - start + 1
                    if length > FUNCTION_LIMIT:
                        print(f"{rel}:{start}: function of {length} lines (limit {FUNCTION_LIMIT}): {head}")
                        bad += 1
    if bad:
        print(f"check-sizes: {bad} over the limits")
        return 1
    print("check-sizes: every file and function within the limits")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")))

#!/usr/bin/env python3
"""Validate galley JSON output against docs/article.schema.json.

Usage: validate-json.py [--schema SCHEMA] FILE...

Each FILE is JSON Lines (one article per line) or a JSON array of articles (format=array); the
form is told by the first character.  Besides the schema, it checks what a schema cannot say:
the bytes are valid UTF-8, every line of JSON Lines is one object ending with a newline, and the
keys come in the documented order (the order of the schema's properties).

Exit status: 0 all valid; 1 something invalid (each problem printed as FILE:LINE: message);
2 usage error; 3 the Python jsonschema module is missing (Debian: python3-jsonschema).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, "..", "..", "docs", "article.schema.json")


def main(argv):
    args = argv[1:]
    schema_path = DEFAULT_SCHEMA
    if len(args) >= 2 and args[0] == "--schema":
        schema_path = args[1]
        args = args[2:]
    if not args or args[0].startswith("-"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("validate-json: the Python module jsonschema is missing; install python3-jsonschema",
              file=sys.stderr)
        return 3
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    top_order = list(schema["properties"].keys())
    nested_order = {
        key: list(spec.get("properties", {}).keys()) or
        list(spec.get("items", {}).get("properties", {}).keys())
        for key, spec in schema["properties"].items()
    }

    problems = 0
    articles = 0

    def report(path, line, msg):
        nonlocal problems
        problems += 1
        if problems <= 50:
            print(f"{path}:{line}: {msg}")

    def check_order(path, line, keys, order, where):
        idx = [order.index(k) for k in keys if k in order]
        if idx != sorted(idx):
            report(path, line, f"keys of {where} out of the documented order: {', '.join(keys)}")

    def check(path, line, obj):
        nonlocal articles
        articles += 1
        for err in sorted(validator.iter_errors(obj), key=lambda e: list(e.absolute_path)):
            loc = "/".join(str(p) for p in err.absolute_path) or "(article)"
            report(path, line, f"{loc}: {err.message}")
        if isinstance(obj, dict):
            check_order(path, line, list(obj.keys()), top_order, "the article")
            for key, order in nested_order.items():
                val = obj.get(key)
                if isinstance(val, dict) and key != "extra":
                    check_order(path, line, list(val.keys()), order, key)
                elif isinstance(val, list):
                    for item in val:
                        if isinstance(item, dict):
                            check_order(path, line, list(item.keys()), order, key)
            extra = obj.get("extra")
            if isinstance(extra, dict) and list(extra.keys()) != sorted(extra.keys()):
                report(path, line, "extra: keys not sorted")

    for path in args:
        with open(path, "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8", errors="strict")
        except UnicodeDecodeError as e:
            report(path, data[:e.start].count(b"\n") + 1, f"invalid UTF-8 at byte {e.start}")
            continue
        if text.lstrip().startswith("["):
            try:
                arr = json.loads(text)
            except json.JSONDecodeError as e:
                report(path, e.lineno, f"invalid JSON: {e.msg}")
                continue
            if not isinstance(arr, list):
                report(path, 1, "not an array")
                continue
            if not text.endswith("\n"):
                report(path, text.count("\n") + 1, "no newline at the end")
            for i, obj in enumerate(arr):
                check(path, f"[{i}]", obj)
            continue
        if text and not text.endswith("\n"):
            report(path, text.count("\n") + 1, "last line has no newline")
        for n, line in enumerate(text.split("\n")[:-1] if text else [], start=1):
            if not line.strip():
                report(path, n, "blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                report(path, n, f"invalid JSON: {e.msg} (column {e.colno})")
                continue
            check(path, n, obj)

    if problems:
        print(f"validate-json: {problems} problem(s) in {articles} article(s)", file=sys.stderr)
        return 1
    print(f"validate-json: {articles} article(s) valid", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

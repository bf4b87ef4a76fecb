#!/usr/bin/env python3
"""Write galley-plugins(7) in scdoc from the plugins' own option declarations, as the built
galley reports them (`galley plugins --format=json`, `galley inspect --format=json NAME`), so the
page cannot drift from the code.  Only the plugins built in PLUGIN_DIR are described.

usage: gen-plugins-man.py GALLEY PLUGIN_DIR OUTPUT.scd
       gen-plugins-man.py GALLEY PLUGIN_DIR SCDOC MANDIR   (as a meson install script: renders
       the page with scdoc into $MESON_INSTALL_DESTDIR_PREFIX/MANDIR/galley-plugins.7)"""
import json
import os
import subprocess
import sys

KINDS = [("reader", "READERS"), ("transform", "TRANSFORMS"), ("writer", "WRITERS")]


def esc(text):
    """scdoc's inline markup characters, escaped."""
    out = []
    for ch in text or "":
        if ch in "\\*_`":
            out.append("\\")
        out.append(ch)
    return "".join(out)


def galley(binary, plugin_dir, *args):
    # the build tree's galley with the build tree's libgalley, whatever LD_LIBRARY_PATH the
    # installing shell has (another galley's library, or a sanitized build's, would be loaded first)
    libdir = os.path.dirname(os.path.abspath(binary))
    env = dict(os.environ, GALLEY_PLUGIN_PATH="",
               LD_LIBRARY_PATH=os.pathsep.join(p for p in (libdir, os.environ.get("LD_LIBRARY_PATH")) if p))
    res = subprocess.run([binary, "--plugin-dir", plugin_dir, *args], env=env, check=True,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return json.loads(res.stdout)


def describe_option(o):
    head = "*%s*=_%s_" % (esc(o["name"]), o["type"])
    notes = []
    if o["required"]:
        notes.append("required")
    elif o["default"] is not None and o["default"] != "":
        notes.append("default: %s" % esc(o["default"]))
    if o["choices"]:
        notes.append("one of: " + ", ".join("*%s*" % esc(c) for c in o["choices"]))
    if "min" in o:
        fmt = "%g" if o["type"] == "double" else "%.0f"
        notes.append(("from " + fmt + " to " + fmt) % (o["min"], o["max"]))
    body = esc(o["help"]).rstrip()
    if body and not body.endswith("."):
        body += "."
    if notes:
        body += " (" + "; ".join(notes) + ")"
    return "%s\n\t%s\n" % (head, body)


def page(binary, plugin_dir):
    plugin_dir = os.path.abspath(plugin_dir)
    plugins = [p for p in galley(binary, plugin_dir, "plugins", "--format=json")
               if os.path.abspath(p["file"]).startswith(plugin_dir + os.sep)]
    details = {p["name"]: galley(binary, plugin_dir, "inspect", "--format=json", p["name"])
               for p in plugins}
    out = ["galley-plugins(7)", "", "# NAME", "",
           "galley-plugins - the plugins bundled with galley and the options they take", "",
           "# DESCRIPTION", "",
           "A galley pipeline (*galley-pipeline*(5)) chains one reader, any transforms and one or "
           "more writers. This page lists the bundled plugins and every option each declares, as "
           "*galley inspect* _PLUGIN_ shows them; it is generated from those declarations when "
           "galley is installed. A plugin installed later is described by *galley help* _PLUGIN_.",
           "",
           "An option is written _name_=_value_ after the plugin's name. Types: *string*, *path* "
           "(relative paths in a pipeline file resolve from the file's folder), *int* and "
           "*double* (within the range shown, if any), *bool* (true/false, yes/no, on/off, 1/0) "
           "and *enum* (one of the choices shown).", ""]
    for kind, title in KINDS:
        names = sorted(p["name"] for p in plugins if p["kind"] == kind)
        if not names:
            continue
        out += ["# " + title, ""]
        for name in names:
            d = details[name]
            out += ["## " + esc(name), "", esc(d["summary"]).rstrip() + ("" if d["summary"].endswith(".") else "."), "",
                    "Version %s, plugin ABI %s, licence %s; %s." % (
                        esc(d["version"]), d["abi"], esc(d["license"] or "unknown"),
                        "runs in parallel" if d["parallel"] else "runs on one thread at a time"), ""]
            if not d["options"]:
                out += ["It takes no options.", ""]
            for o in d["options"]:
                out.append(describe_option(o))
    out += ["# SEE ALSO", "", "*galley*(1), *galley-pipeline*(5)", ""]
    return "\n".join(out)


def main():
    if len(sys.argv) == 4:
        binary, plugin_dir, output = sys.argv[1:4]
        with open(output, "w", encoding="utf-8") as f:
            f.write(page(binary, plugin_dir))
        return
    binary, plugin_dir, scdoc, mandir = sys.argv[1:5]
    if os.path.isabs(mandir):
        mandir = mandir.lstrip("/")
        root = os.environ.get("DESTDIR", "/")
    else:
        root = os.environ["MESON_INSTALL_DESTDIR_PREFIX"]
    dest_dir = os.path.join(root, mandir)
    os.makedirs(dest_dir, exist_ok=True)
    roff = subprocess.run([scdoc], input=page(binary, plugin_dir).encode("utf-8"), check=True,
                          stdout=subprocess.PIPE).stdout
    dest = os.path.join(dest_dir, "galley-plugins.7")
    with open(dest, "wb") as f:
        f.write(roff)
    print("Installing galley-plugins.7 to " + dest_dir)


if __name__ == "__main__":
    main()

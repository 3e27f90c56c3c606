#!/usr/bin/env python3
"""Subset Debian's Inter and JetBrains Mono to the glyphs patdesk draws, and write
them as C++ byte arrays (embedded_fonts.cpp). Subsetting keeps the download small;
pyftsubset comes from Debian's `fonttools` package. Without it, the full fonts are
embedded and a warning says so."""
import os
import shutil
import subprocess
import sys
import tempfile

FONTS = [
    ("interRegular", "/usr/share/fonts/opentype/inter/Inter-Regular.otf"),
    ("interSemiBold", "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf"),
    ("jetBrainsMonoRegular", "/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Regular.ttf"),
]
# Must match kGlyphRanges in src/platform/web/fonts.cpp.
UNICODES = "U+0020-017F,U+2010-2027,U+2030-203A,U+2190-2199,U+2713-2715,U+25CF"


def subset(path, workdir):
    tool = shutil.which("pyftsubset")
    if not tool:
        print(f"warning: pyftsubset not found; embedding all of {path}", file=sys.stderr)
        return open(path, "rb").read()
    out = os.path.join(workdir, os.path.basename(path))
    subprocess.run([tool, path, f"--unicodes={UNICODES}", "--layout-features=kern",
                    "--no-hinting", "--desubroutinize", f"--output-file={out}"], check=True)
    return open(out, "rb").read()


def main():
    out_path = sys.argv[1]
    lines = ['#include "platform/web/embedded_fonts.h"', "", "namespace patdesk::web {", ""]
    with tempfile.TemporaryDirectory() as work:
        for name, path in FONTS:
            if not os.path.exists(path):
                sys.exit(f"font {path} missing: run bash scripts/setup.sh")
            data = subset(path, work)
            body = ",".join(str(b) for b in data)
            lines.append(f"static const unsigned char k_{name}[] = {{{body}}};")
            lines.append(f"EmbeddedFont {name}() {{ return {{k_{name}, sizeof(k_{name})}}; }}")
            lines.append("")
    lines.append("}  // namespace patdesk::web")
    tmp = out_path + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, out_path)


if __name__ == "__main__":
    main()

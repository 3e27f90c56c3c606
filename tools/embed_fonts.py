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

# Each face is subset to what it draws. Must match kTextRanges / kMonoRanges in
# src/platform/web/fonts.cpp. Inter draws names typed by people (token, organization, user
# names), so it keeps Latin-1 + Latin Extended-A and the punctuation, arrows and marks the UI
# uses; the mono face only draws PAT values, GUIDs, scope strings and config.json: ASCII, plus
# the em dash of an empty field, the bullet that masks a PAT and the ellipsis of clipped text.
TEXT_UNICODES = "U+0020-017F,U+2010-2027,U+2030-203A,U+2190-2199,U+2713-2715,U+25CF"
MONO_UNICODES = "U+0020-007E,U+2014,U+2022,U+2026"
FONTS = [
    ("interRegular", "/usr/share/fonts/opentype/inter/Inter-Regular.otf", TEXT_UNICODES),
    ("interSemiBold", "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf", TEXT_UNICODES),
    ("jetBrainsMonoRegular", "/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Regular.ttf",
     MONO_UNICODES),
]


def subset(path, unicodes, workdir):
    tool = shutil.which("pyftsubset")
    if not tool:
        print(f"warning: pyftsubset not found; embedding all of {path}", file=sys.stderr)
        return open(path, "rb").read()
    out = os.path.join(workdir, os.path.basename(path))
    # No layout tables at all: Dear ImGui 1.86 applies neither kerning nor substitutions, so
    # GPOS/GSUB/GDEF would be downloaded and never read. Desubroutinized CFF gzips smaller.
    subprocess.run([tool, path, f"--unicodes={unicodes}", "--layout-features=",
                    "--no-layout-closure", "--drop-tables+=GSUB,GPOS,GDEF", "--no-hinting",
                    "--desubroutinize", "--no-glyph-names", f"--output-file={out}"], check=True)
    return open(out, "rb").read()


def main():
    out_path = sys.argv[1]
    lines = ['#include "platform/web/embedded_fonts.h"', "", "namespace patdesk::web {", ""]
    with tempfile.TemporaryDirectory() as work:
        for name, path, unicodes in FONTS:
            if not os.path.exists(path):
                sys.exit(f"font {path} missing: run bash scripts/setup.sh")
            data = subset(path, unicodes, work)
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

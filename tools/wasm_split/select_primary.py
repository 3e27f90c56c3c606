#!/usr/bin/env python3
"""Writes wasm-split's --keep-funcs list for this build of patdesk.wasm.

tools/wasm_split/primary_functions.txt lists, as short hashes, the functions the first screens
run (recorded by record_primary.mjs in headless Chromium). This script reads the function names
of the freshly linked module (its name section, from --profiling-funcs), keeps those whose hash
is listed, and writes them in binaryen's escaped spelling, which is what --keep-funcs matches.
Hashes instead of names: the mangled C++ names of ~1,100 functions are 0.9 MB of text.

A function that is not kept still works: it lives in patdesk.deferred.wasm, which web/shell.js
loads right after the first frame (or at once, synchronously, when something calls it first).
So a stale list costs first-load bytes, never behaviour; the count printed here says how stale.
"""
import hashlib
import sys


def leb128(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def function_names(wasm):
    """Names of the name section's function subsection, in module order."""
    pos = 8
    names = []
    while pos < len(wasm):
        section_id = wasm[pos]
        size, pos = leb128(wasm, pos + 1)
        end = pos + size
        if section_id == 0:
            name_len, p = leb128(wasm, pos)
            if wasm[p:p + name_len] == b'name':
                p += name_len
                while p < end:
                    sub_id = wasm[p]
                    sub_size, p = leb128(wasm, p + 1)
                    sub_end = p + sub_size
                    if sub_id == 1:
                        count, p = leb128(wasm, p)
                        for _ in range(count):
                            _, p = leb128(wasm, p)
                            length, p = leb128(wasm, p)
                            names.append(wasm[p:p + length])
                            p += length
                    p = sub_end
        pos = end
    return names


ID_CHARS = set(b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
               b"!#$%&'*+-./:<=>?@^_`|~")


def binaryen_escape(name):
    """binaryen's spelling of a name that has characters outside the text format's idchars."""
    if all(c in ID_CHARS for c in name):
        return name.decode('latin-1')
    return ''.join(chr(c) if c in ID_CHARS else '\\%02x' % c for c in name)


def name_hash(escaped):
    return hashlib.sha1(escaped.encode('latin-1')).hexdigest()[:16]


def main():
    if len(sys.argv) != 4:
        sys.exit('usage: select_primary.py MODULE_WITH_NAMES.wasm primary_functions.txt OUT_KEEP_LIST')
    wasm = open(sys.argv[1], 'rb').read()
    wanted = {line.split()[0] for line in open(sys.argv[2]) if line.strip() and not line.startswith('#')}
    escaped = [binaryen_escape(n) for n in function_names(wasm)]
    if not escaped:
        sys.exit(f'{sys.argv[1]} has no function names: link it with --profiling-funcs')
    keep = [n for n in escaped if name_hash(n) in wanted]
    with open(sys.argv[3], 'w', encoding='latin-1') as out:
        out.write('\n'.join(keep) + '\n')
    found = len({name_hash(n) for n in keep})
    print(f'wasm-split: {len(keep)} of {len(escaped)} functions kept in patdesk.wasm '
          f'({found} of {len(wanted)} recorded functions still exist)')
    if found < 0.9 * len(wanted):
        print('note: the recorded list is stale; run node tools/wasm_split/record_primary.mjs')


if __name__ == '__main__':
    main()

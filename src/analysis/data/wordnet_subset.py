#!/usr/bin/env python3
"""Derive `wordnet.tsv`, the synonym and lemma table crossread embeds.

Source: WordNet 3.0 (Princeton University), as packaged by Debian in
`wordnet-base` (1:3.0-37, all architectures), under the WordNet 3.0 licence
(reproduced in the header of the output, as it requires).

Usage:
    python3 src/analysis/data/wordnet_subset.py \
        PATH/wordnet-base_3.0-37_all.deb src/analysis/data/wordnet.tsv

Only the Python standard library is needed (the .deb is an `ar` archive
holding `data.tar.xz`).

What it keeps:
- irregular forms of verbs and nouns and their lemma (`verb.exc`,
  `noun.exc`: "held" -> "hold", "children" -> "child"), as lines
  `=FORM<TAB>LEMMA`;
- for every single-word verb, adjective and adverb, and every noun with at
  least one sense seen in WordNet's sense-tagged corpus (common nouns
  only), the synsets of its most frequent senses (the first one, or the
  first two when both were seen; up to three for adjectives), with
  adjective satellites also under their cluster head ("vague" under
  "unclear"), as lines `WORD<TAB>ID ID ...`, each ID a part-of-speech
  letter and a synset offset. Two words that share an ID are synonyms;
- antonyms ("rise"/"fall", "increase"/"decrease"), as lines
  `!WORD<TAB>ANTONYM ...`, so that words near in meaning but opposite are
  never matched.
"""

import io
import lzma
import sys
import tarfile

LICENCE = """\
# WordNet 3.0 licence (Princeton University), which this table is under:
#
# This software and database is being provided to you, the LICENSEE, by
# Princeton University under the following license.  By obtaining, using
# and/or copying this software and database, you agree that you have
# read, understood, and will comply with these terms and conditions.:
#
# Permission to use, copy, modify and distribute this software and
# database and its documentation for any purpose and without fee or
# royalty is hereby granted, provided that you agree to comply with
# the following copyright notice and statements, including the disclaimer,
# and that the same appear on ALL copies of the software, database and
# documentation, including modifications that you make for internal
# use or for distribution.
#
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
#
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
# IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
# ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
# OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
# INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
# OTHER RIGHTS.
#
# The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software
# and/or database.  Title to copyright in this software, database and
# any associated documentation shall at all times remain with
# Princeton University and LICENSEE agrees to preserve same.
"""

HEADER = """\
# crossread synonyms and lemmas: a subset of WordNet 3.0 (Princeton
# University), from the Debian package wordnet-base 1:3.0-37, derived by
# src/analysis/data/wordnet_subset.py (see it for what is kept and the
# line format).
#
"""


def deb_files(path):
    """The files of the .deb's data archive, by name."""
    raw = open(path, "rb").read()
    assert raw[:8] == b"!<arch>\n", "not a .deb (ar) archive"
    at = 8
    while at < len(raw):
        name = raw[at : at + 16].decode().strip().rstrip("/")
        size = int(raw[at + 48 : at + 58].decode().strip())
        body = raw[at + 60 : at + 60 + size]
        at += 60 + size + (size % 2)
        if name.startswith("data.tar"):
            data = lzma.decompress(body) if name.endswith(".xz") else body
            tar = tarfile.open(fileobj=io.BytesIO(data))
            return {
                m.name.split("/")[-1]: tar.extractfile(m).read().decode("latin-1")
                for m in tar.getmembers()
                if m.isfile() and "/wordnet/" in m.name
            }
    raise SystemExit("no data archive in the .deb")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    files = deb_files(sys.argv[1])
    # Satellite adjective -> its cluster head (the '&' pointer of an 's').
    head = {}
    for line in files["data.adj"].splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        if f[2] != "s":
            continue
        n_words = int(f[3], 16)
        p = 4 + 2 * n_words
        n_ptr = int(f[p])
        for k in range(n_ptr):
            sym, off = f[p + 1 + 4 * k], f[p + 2 + 4 * k]
            if sym == "&":
                head[f[0]] = off
                break
    # Antonyms (the lexical '!' pointers): word -> its antonyms.
    words_of = {}
    pointers = []
    for pos in ("noun", "verb", "adj", "adv"):
        for line in files[f"data.{pos}"].splitlines():
            if line.startswith(" "):
                continue
            f = line.split()
            n_words = int(f[3], 16)
            ws = [f[4 + 2 * k].split("(")[0].lower() for k in range(n_words)]
            words_of[(pos[0], f[0])] = ws
            p = 4 + 2 * n_words
            for k in range(int(f[p])):
                sym, off, tpos, st = f[p + 1 + 4 * k : p + 5 + 4 * k]
                if sym == "!":
                    src, tgt = int(st[:2], 16), int(st[2:], 16)
                    pointers.append((ws[src - 1], tpos.replace("s", "a"), off, tgt))
    antonyms = {}
    for word, tpos, off, tgt in pointers:
        target = words_of.get((tpos, off), [])
        if 0 < tgt <= len(target):
            other = target[tgt - 1]
            if word.isalpha() and other.isalpha():
                antonyms.setdefault(word, set()).add(other)
    out = {}
    for pos, letter in (("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")):
        for line in files[f"index.{pos}"].splitlines():
            if line.startswith(" "):
                continue
            f = line.split()
            lemma = f[0]
            if "_" in lemma or not lemma.isalpha() or not lemma.islower():
                continue
            n_synsets, n_ptr = int(f[2]), int(f[3])
            tagged = int(f[5 + n_ptr])
            offsets = f[6 + n_ptr : 6 + n_ptr + n_synsets]
            # Nouns are most of WordNet: only common ones (a tagged sense).
            if tagged == 0 and letter == "n":
                continue
            ids = out.setdefault(lemma, [])
            senses = 3 if letter == "a" else max(1, min(tagged, 2))
            for off in offsets[:senses]:
                ids.append(letter + off.lstrip("0"))
                if letter == "a" and off in head:
                    ids.append(letter + head[off].lstrip("0"))
    with open(sys.argv[2], "w") as o:
        o.write(HEADER + LICENCE + "#\n")
        for pos in ("verb", "noun"):
            for line in sorted(files[f"{pos}.exc"].splitlines()):
                form, *lemmas = line.split()
                if form.isalpha() and lemmas and lemmas[0].isalpha() and form != lemmas[0]:
                    o.write(f"={form}\t{lemmas[0]}\n")
        for lemma in sorted(out):
            ids = sorted(set(out[lemma]))
            o.write(f"{lemma}\t{' '.join(ids)}\n")
        for word in sorted(antonyms):
            o.write(f"!{word}\t{' '.join(sorted(antonyms[word]))}\n")
    print(f"{len(out)} lemmas -> {sys.argv[2]}")


if __name__ == "__main__":
    main()

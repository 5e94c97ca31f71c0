"""Party-name normalisation on large lists in other scripts (session 22, review of scripts7).

Generates ``--n`` distinct names per script (Latin, Cyrillic, Greek, Hangul, Han; from fixed
syllables, seeded) and times ``normalise.normalise_name`` and ``normalise.fold`` over them, each
name once (every cache is cold for it, as on a new list), then the peak RSS of the process.
Runs on any revision that has ``clearlane.link.normalise`` (main before link.scripts too), so
two worktrees can be alternated:

    PYTHONPATH=src python benchmarks/romanise.py --n 20000
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from clearlane.link.normalise import fold, normalise_name

SYLLABLES = {
    "latin": ["mar", "tin", "sch", "ulz", "ber", "ger", "lan", "dor", "ka", "ro", "vel", "sen"],
    "cyrillic": ["ков", "ще", "рба", "ёл", "ки", "на", "юр", "ий", "ган", "жу", "цев", "ля"],
    "greek": ["πα", "πα", "δό", "που", "λος", "γεώ", "ργι", "ος", "ναυ", "τι", "λια", "κή"],
    "hangul": ["김", "민", "수", "대", "성", "무", "역", "한", "빛", "정", "밀", "세"],
    "han": ["上", "海", "华", "通", "贸", "易", "王", "伟", "深", "圳", "宏", "达"],
}
FORMS = {
    "latin": "GmbH",
    "cyrillic": "ООО",
    "greek": "Α.Ε.",
    "hangul": "주식회사",
    "han": "有限公司",
}


def names(script: str, n: int, seed: int = 14) -> list[str]:
    """``n`` distinct names of two or three words, a third of them firms with a form."""
    rng = random.Random(f"{script}-{seed}")
    parts = SYLLABLES[script]
    out: set[str] = set()
    while len(out) < n:
        words = [
            "".join(rng.choice(parts) for _ in range(rng.randint(2, 4))).capitalize()
            for _ in range(rng.randint(2, 3))
        ]
        if rng.random() < 1 / 3:  # noqa: PLR2004
            words.append(FORMS[script])
        out.add(" ".join(words))
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20_000, help="names per script")
    args = parser.parse_args()
    print("| script | names | normalise_name s | us/name | fold s | us/name |")
    print("| --- | --- | --- | --- | --- | --- |")
    total = 0.0
    for script in SYLLABLES:
        listed = names(script, args.n)
        start = time.perf_counter()
        for name in listed:
            normalise_name(name)
        named = time.perf_counter() - start
        start = time.perf_counter()
        for name in listed:
            fold(name + " ")  # not the string normalise_name's caches saw
        folded = time.perf_counter() - start
        total += named + folded
        print(
            f"| {script} | {len(listed):,} | {named:.2f} | {named / len(listed) * 1e6:.0f} "
            f"| {folded:.2f} | {folded / len(listed) * 1e6:.0f} |"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\ntotal {total:.2f} s, peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()

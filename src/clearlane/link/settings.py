"""The party-linking model as data, and its translation into Splink 5 settings.

``PARTY_MODEL`` is plain data (JSON-able): columns, comparison levels, blocking rules,
starting m/u probabilities and the decision threshold. :func:`splink_settings` turns it into
Splink's level creators, which write the SQL for the backend in use (DuckDB embedded, or
Spark for scale), so both backends run the same model.

The m and u probabilities below are *starting values*: with enough records
(:data:`MIN_RECORDS_FOR_TRAINING` per side) they are re-estimated from the input itself
without labels (u by random sampling, m by expectation maximisation); on smaller inputs the
values here are used as they are. They were set from an unlabelled EM run on corrupted
FEBRL data (see docs/linking.md) and rounded.
"""

from __future__ import annotations

from typing import Any, Literal

# Pairs at or above this probability are the same party (fixed; see docs/linking.md).
MATCH_THRESHOLD = 0.9
MIN_RECORDS_FOR_TRAINING = 500
PRIOR = 1e-4  # probability two random records match, re-estimated when training

# Each comparison: levels from most to least similar; "null" levels carry no weight.
# kind: exact | exact_common (exact and the boolean column "flag" set on either side) |
# jaro_winkler (threshold) | tokens_shared (min) | tokens_contained (every token of one side's
# array in the other's) | tokens_named (a token of one side's array in the other's "within") |
# initials (one name the other with initials) | date_within (days) | box_only (one side's
# boolean "flag" set, the other's "other" column null) |
# else | null; a blocking rule is a list of columns to be equal or {"sql": "l.a = r.b"};
# a level may name its own "column" (default: the comparison's); "tf": True on an exact level
# adjusts it by the value's frequency when two lists are linked (not when one is deduplicated:
# there a name carried by several records is what duplicates look like).
PARTY_MODEL: dict[str, Any] = {
    "unique_id_column": "id",
    "comparisons": [
        {
            "name": "name",
            "column": "name_key",
            "levels": [
                # a side without a name (none given, or only forms, markers, punctuation:
                # normalise.names_no_one): where a party is cannot say who it is, so the
                # address carries no link alone ("weak": "all"; since 2026-12-05, helper
                # mendsp9: two nameless rows at one PO box linked at p 0.998)
                {"kind": "null", "weak": "all"},
                # the same name, but one that two or more parties of one list carry ("Global
                # Trading LLC"): it cannot tell which of them is meant (link_parties only)
                {
                    "kind": "exact_common",
                    "flag": "name_common",
                    "m": 0.03,
                    "u": 0.002,
                    "weak": "town",
                },
                # ... firms each in a town of its own (resolve.mark_common_names): the same
                # name; the town may tell which (session 28, 6 December, unseen set 26)
                {"kind": "exact_common", "flag": "name_towned", "m": 0.03, "u": 0.002},
                # weaker for a name several parties of one list carry ("tf": term-frequency
                # adjusted when two lists are linked; resolve.name_frequencies)
                {"kind": "exact", "m": 0.77, "u": 0.0002, "tf": True},
                # the same name once a firm's own town is left out of it: lists drop the town
                # ("Ludhiana Sukhmani Hosiery Mfrs & Expts" in Ludhiana / "SUKHMANI HOSIERY
                # MANUFACTURERS AND EXPORTERS"; resolve._untowned, session 25, 6 December)
                {"kind": "exact", "column": "name_untowned", "m": 0.05, "u": 0.0002},
                # one name the other with words shortened to initials: "K. Ndlovu" / "Kagiso
                # NDLOVU", "A.K. Sharma Exports" / "ANIL KUMAR SHARMA EXPORTS" (the same first
                # letters, every whole word in the other); the town cannot carry it alone, nor
                # the address unless a side is a company ("weak": "persons", below).
                # Before Jaro-Winkler, which takes "J Smith" / "Jane Smith" (0.95) for a typo
                {"kind": "initials", "m": 0.02, "u": 0.0002, "weak": "persons"},
                # (not when one name is the other and more words, "Norte Comercio" / "Sal
                # Norte Comercio": a sorted key that begins with the other reads as a typo of
                # it; the words in common count below. Since 2026-12-05, unseen set 10)
                # ("spelt": one name written otherwise, where two firms' names with a word of
                # one syllable other on each side are two firms: resolve.cap_location)
                {
                    "kind": "jaro_winkler",
                    "threshold": 0.95,
                    "m": 0.10,
                    "u": 0.001,
                    "unless_within": "name_tokens",
                    "spelt": True,
                },
                # the same letters split otherwise: "Tian Li" / "Tianli" (written order)
                {"kind": "exact", "column": "name_joined", "m": 0.03, "u": 0.0005, "spelt": True},
                # the same name romanised otherwise: "Qasim"/"Kassem", "Yusuf"/"Yousef",
                # "Zhambyl"/"Jambyl", "Tsingtao"/"Qingdao" (normalise.romanised_key), word by
                # word, then written together ("Oulan Bator"/"Ulaanbaatar")
                {"kind": "exact", "column": "name_roman", "m": 0.04, "u": 0.0005, "spelt": True},
                {
                    "kind": "exact",
                    "column": "name_roman_joined",
                    "m": 0.01,
                    "u": 0.0005,
                    "spelt": True,
                },
                # a person's name with its given name in another form of it, its other words
                # the same: "HARRINGTON, Bill" / "William Harrington", "VORONTSOV, Aleksandr"
                # / "Sasha Vorontsov" (resolve._name_forms: nicknames' and siblings' groups;
                # a nickname of several names, "bill", is each one's). Their words and sounds
                # differ, so no level above read them: set 33's pairs at p 0.004 (session
                # 31, 2026-12-07, helper parties23). Not the town alone ("weak")
                {
                    "kind": "forms_shared",
                    "column": "name_forms",
                    "m": 0.02,
                    "u": 0.0005,
                    "weak": "town",
                },
                # two words in common whatever their order or the others' spelling; "own":
                # not when the words in common are none of either name's own words (the
                # town, trade words: resolve "name_own") and each name has an own word the
                # other lacks ("Amber Lima Supplies Ltd" / "Birch Lima Supplies Ltd" in
                # Lima, two firms, linked at p 0.99999 before 2026-12-06, helper parties14)
                {
                    "kind": "tokens_shared",
                    "column": "name_tokens",
                    "min": 2,
                    "own": "name_own",
                    "m": 0.05,
                    "u": 0.002,
                    "weak": "form",
                },
                # "weak": where the parties are cannot carry a pair whose names agree no better
                # than this: not the town ("Kim Lee" / "Kim Liu", "Chen Wei" / "Shen Wei" in
                # one town), and for one word in common or none not the address either (see
                # "location_evidence" below)
                {"kind": "jaro_winkler", "threshold": 0.88, "m": 0.03, "u": 0.01, "weak": "town"},
                {
                    "kind": "tokens_shared",
                    "column": "name_tokens",
                    "min": 1,
                    "m": 0.01,
                    "u": 0.05,
                    "weak": "all",
                },
                {"kind": "else", "m": 0.01, "u": 0.9368, "weak": "all"},
            ],
        },
        {
            "name": "legal_form",
            "column": "legal_form",
            "levels": [
                {"kind": "null"},
                {"kind": "exact", "m": 0.85, "u": 0.2},
                # one name's forms among the other's: Finnish "Oy" / "OY AB" (the form in
                # Finnish and Swedish), "Inc." / "CO., INC."; until 2026-12-05 (unseen set 10)
                # two forms against one disagreed (-3.4 bits) as "GmbH" / "LLC" do
                {"kind": "tokens_contained", "column": "legal_forms", "m": 0.06, "u": 0.03},
                # the same kind of form in another language ("GmbH" / "LLC"): a branch or a
                # translation, as likely as not (normalise.LEGAL_FAMILIES)
                {"kind": "exact", "column": "legal_family", "m": 0.08, "u": 0.08},
                {"kind": "else", "m": 0.07, "u": 0.72},
            ],
        },
        {
            "name": "identifier",
            "column": "identifier_key",
            "levels": [
                {"kind": "null"},
                {"kind": "exact", "m": 0.95, "u": 0.00001, "corroborates": True},
                {"kind": "else", "m": 0.05, "u": 0.99999},
            ],
        },
        {
            "name": "street",
            "column": "street_key",
            "levels": [
                {"kind": "null"},
                {"kind": "exact", "m": 0.75, "u": 0.0005},
                {"kind": "jaro_winkler", "threshold": 0.90, "m": 0.15, "u": 0.005},
                # the same post-office box number ("SAIF Zone, PO Box 8123" / "Sharjah Airport
                # International Free Zone, P.O.Box 8123"): where a PO box is the address (since
                # 2026-12-05, unseen set 6). "own_town": one number is a box in each town
                # ("PO Box 1234" in Dubai and in Abu Dhabi), so not when the towns disagree
                {
                    "kind": "exact",
                    "column": "po_box_key",
                    "m": 0.04,
                    "u": 0.0002,
                    "own_town": True,
                },
                # two words few records carry ("robinson", a postcode): one address written
                # two ways, as whole addresses in one field often are (resolve.py)
                {
                    "kind": "tokens_shared",
                    "column": "street_rare",
                    "min": 2,
                    "m": 0.04,
                    "u": 0.0005,
                },
                # every word of one address is in the other: a list that gives the town only
                # ("Bandar Abbas" against "Shahid Rajaee Port, Bandar Abbas") does not disagree
                # (since 2026-12-05 "within" the other's address with its town's words: a
                # list's "Volgograd" against a register's "pr. Lenina 110" in Volgograd)
                {
                    "kind": "tokens_contained",
                    "column": "street_words",
                    "within": "place_words",
                    "m": 0.05,
                    "u": 0.02,
                    "town": True,
                },
                # a whole address of place names only that names the town of a street and a
                # town field ("Jinhua, Zhejiang Province, China" / "88 Bayi North Street",
                # Jinhua): two kinds of text, neither for nor against (the town is; a district
                # it names may be another: "Haeundae-gu, Busan" / "Jung-gu", Busan). Until
                # 2026-12-05 (unseen set 10) they disagreed (-4 bits) as two streets would
                {
                    "kind": "places_naming",
                    "flag": "street_places",
                    "other": "city_key",
                    "named": "town_words",
                    "within": "street_words",
                    "m": 0.05,
                    "u": 0.05,
                },
                # a PO box in a town and nothing more against an address with no box ("P.O.
                # Box 4567, Jeddah 21491" / "King Abdulaziz Road"): where the party takes its
                # post and where its premises are, neither for nor against (since 2026-12-05,
                # unseen set 16: -4 bits as two streets)
                {
                    "kind": "box_only",
                    "flag": "street_box_only",
                    "other": "po_box_key",
                    "m": 0.05,
                    "u": 0.05,
                },
                {"kind": "else", "m": 0.06, "u": 0.9738},
            ],
        },
        {
            # the town field; since 2026-12-05 (unseen set 10) also the town a whole address
            # in one field names (normalise.address_town) where the other side has a town
            # field, but only against: a list's "Houston, TX" against a register's Houma is
            # two towns (before, nothing was compared). A
            # guessed town is often a district or a region ("Zhejiang Province"), so the town
            # counts for a pair only from the fields (and the street's levels), and a guess
            # whose town is among the other's words ("Jinhua" in "Jinhua, Zhejiang Province,
            # China") does not disagree
            "name": "city",
            "column": "town_key",
            "levels": [
                {"kind": "null"},
                {"kind": "exact", "column": "city_key", "m": 0.85, "u": 0.005},
                {
                    "kind": "jaro_winkler",
                    "column": "city_key",
                    "threshold": 0.90,
                    "m": 0.10,
                    "u": 0.01,
                },
                {"kind": "exact", "m": 0.05, "u": 0.05},
                # a guess spelt otherwise ("Chelyabinsk" / "Челябинск" -> "cheliabinsk")
                {"kind": "jaro_winkler", "threshold": 0.90, "m": 0.05, "u": 0.05},
                {
                    "kind": "tokens_contained",
                    "column": "town_words",
                    "within": "where_words",
                    "m": 0.05,
                    "u": 0.05,
                },
                # ... nor one whose address names a word of the other's town field of its own
                # ("Tarrazu, San Jose" / "San Marcos de Tarrazu": the guess was the province,
                # San Jose). Since 2026-12-05 (review of set 10's rules, unseen set 11: the
                # pair lost 3.5 bits and fell under the threshold)
                {
                    "kind": "tokens_named",
                    "column": "town_names",
                    "within": "where_words",
                    "m": 0.05,
                    "u": 0.05,
                },
                # two guesses (no town field on either side): the streets, two whole addresses,
                # were compared already ("Ferdinandstr. 12, 20095 Hamburg" / "Moskovskoye
                # Shosse 4, Samara": a branch's address, test_party_names), as before
                {"kind": "both_null", "column": "city_key", "m": 0.05, "u": 0.05},
                {"kind": "else", "m": 0.05, "u": 0.985},
            ],
        },
        {
            "name": "postcode",
            "column": "postcode_key",
            "levels": [
                {"kind": "null"},
                {"kind": "exact", "m": 0.90, "u": 0.002},
                {"kind": "else", "m": 0.10, "u": 0.998},
            ],
        },
        {
            "name": "region",
            "column": "region_key",
            "levels": [
                {"kind": "null"},
                {"kind": "exact", "m": 0.92, "u": 0.2},
                {"kind": "else", "m": 0.08, "u": 0.8},
            ],
        },
        {
            "name": "country",
            "column": "country_key",
            "levels": [
                {"kind": "null"},
                # one country in common (a record may have several: "ru;by")
                {"kind": "tokens_shared", "column": "country_keys", "min": 1, "m": 0.97, "u": 0.3},
                {"kind": "else", "m": 0.03, "u": 0.7},
            ],
        },
        {
            # a person against an organisation ("John SMITH" against "John Smith Ltd") are two
            # parties: as much against as an equal name is for (-12 bits), so that only more
            # (an address, an identifier) can link them; the same kind carries no weight
            "name": "kind",
            "column": "kind",
            "levels": [
                {"kind": "null"},
                {"kind": "exact", "m": 0.97, "u": 0.97},
                {"kind": "else", "m": 0.0001, "u": 0.5},
            ],
        },
        {
            "name": "registration_date",
            "column": "registration_date",
            "levels": [
                {"kind": "null"},
                # "corroborates": the same day says the records are of one party apart from
                # where they are, so location_evidence (below) does not apply
                {"kind": "exact", "m": 0.85, "u": 0.0001, "corroborates": True},
                # one slip of the pen: one digit other ("1970-05-03" / "1970-05-08", "1975" /
                # "1976"), the day's two digits swapped ("12" / "21": days apart, no sibling's;
                # not the year's: "1957" / "1975" is a father and son), or day and month
                # swapped. Until 2026-12-05 any date within 366
                # days, which took siblings born months apart for one person
                {"kind": "date_typo", "m": 0.10, "u": 0.01},
                # "contradicts": another date of birth: two persons, whatever their address
                # shares (a mother and daughter, a father and son of one name: location_evidence)
                {"kind": "else", "m": 0.05, "u": 0.9899, "contradicts": True},
            ],
        },
    ],
    # Pairs are compared only when one of these holds; together they keep >= 99 % of true
    # pairs in the benchmark (docs/linking.md) while comparing few non-matches.
    "blocking_rules": [
        ["identifier_key"],
        ["name_key"],
        ["postcode_key"],
        ["registration_date"],
        ["name_first", "city_key"],
        ["name_last", "city_key"],
        # the town, or the one a list's whole address names ("Jeedimetla, Hyderabad"), so a
        # name with one word misspelt is compared where a list gives no town of its own
        # (since 2026-12-05, unseen set 8). The first word only: the last of a sorted name is
        # often a trade word ("trading"), which would compare every trader of a town
        ["name_first", "town_key"],
        # the street as written, one that only names the town too (resolve._row empties
        # that one's street_key, which the street comparison reads)
        ["street_block"],
        ["name_first", "name_last"],
        ["name_first2"],
        ["name_joined"],
        ["name_untowned"],
        ["name_roman"],
        ["name_roman_joined"],
        # names romanised from one East Asian name two ways, no word spelt alike in both
        # ("Pusan Marine Engineering" / "BUSAN ..."; resolve._skeleton; session 32, parties26)
        ["name_skeleton"],
        # a name with initials against the names of its first letters ("K Ndlovu" / "Kagiso
        # Ndlovu"): few names carry initials, so few pairs
        {"sql": "l.name_initials = r.name_letters"},
        {"sql": "l.name_letters = r.name_initials"},
    ],
    # EM sessions (unlabelled), each blocked on columns whose comparisons it then cannot
    # estimate; together they estimate every comparison.
    "training_blocks": [["registration_date"], ["name_key"], ["postcode_key"]],
    # The prior without EM when asked for (the trader register): Splink's direct estimate
    # from pairs agreeing on these rules, with the rules' recall assumed to be (pairs where
    # both records carry the column / all pairs) x the m of the identifier's "same key"
    # level. Assumes an identifier is left off independently of whom the record is.
    "identifier_prior": {"rules": [["identifier_key"]], "column": "identifier_key"},
    # Where a party is (its address, its town) counts only for a pair whose names already
    # point to one party. Applied to each scored pair after Splink (resolve.cap_location):
    # the positive weight of a field below is set to 0 (disagreement still counts against)
    # - all "address" fields, when the name's level is marked "weak": "all" (one word in
    #   common or none: two names at one address are two parties, a household, an office);
    # - the "town" fields and a street level marked "town": True (only a town agrees), when
    #   the name's level is marked "weak": "town" (a name several parties carry; a name at
    #   Jaro-Winkler 0.88, about 1.6 bits, that town + country's 9 bits lifted to ~0.98), when the
    #   kinds differ (a person and the company of his name in his town), or when the name's
    #   level is marked "weak": "form" (two words in common, not one name spelt otherwise)
    #   and the kind of one side is unknown while the other has a legal form the first lacks
    #   or is an organisation ("Ali Hassan" / "Ali Hassan Trading LLC", "Rezaei, Ali" / "ALI
    #   REZAEI INDUSTRIAL GROUP": perhaps a person and the company of his name);
    # - as "all" when the name's level is marked "weak": "persons" and neither side is an
    #   organisation nor has a trade word in its name ("Exports", GENERIC_WORDS), else as
    #   "town" (initials: "J. Smith" fits John and Jane at one address).
    #   A town is shared by too many parties to tell such parties apart.
    # - as "all" for persons whose dates of birth disagree ("contradicted_by");
    # - as "town" when the countries disagree ("country"'s "else" level): "Paris" on a French
    #   list entry is not the register's "Paris, TX" (since 2026-12-05, unseen set 5).
    # None of this applies when a level marked "corroborates" agrees (the same identifier,
    # the same registration date / date of birth): FEBRL's duplicates with a replaced name at
    # the same address and date of birth stay linked.
    "location_evidence": {
        "name": "name",
        "kind": "kind",
        "legal_form": "legal_form",
        # a name's words, for a trade word that says "organisation" ("weak": "persons")
        "tokens": "name_tokens",
        # a name's own words (not the town, trade or joining words): two firms' names that
        # share two words, each with an own word the other has in no spelling, are two firms
        # whose address cannot tell them apart (normalise.own_words_apart; session 25)
        "own": "name_own",
        "address": ["street", "postcode", "city", "region", "country"],
        "town": ["city", "region", "country"],
        # its "else" level (countries that disagree) makes the town fields count for nothing
        "country": "country",
        # each side's first country (ISO code): a Chinese or Korean party's words of two
        # syllables are two name parts (normalise.other_second_syllable; session 32, parties25)
        "country_code": "country_key",
        # its "else" level (towns that disagree), or the countries', makes a street level
        # marked "own_town" (a PO box's number) count for nothing
        "city": "city",
        # the PO box's number (a column of the street comparison): two numbers, two boxes,
        # so the street counts nothing for the pair (since 2026-12-05, unseen set 8)
        "po_box": "po_box_key",
        # a postcode read from a whole address (a column: true on that side) counts for the
        # pair only where the street comparison did not (since 2026-12-05, unseen set 16)
        "postcode": "postcode",
        "street": "street",
        "postcode_read": "postcode_read",
        "corroborated_by": ["identifier", "registration_date"],
        # a level marked "contradicts" (another date of birth) makes a pair of persons one
        # like a household: the address cannot count ("Jane Smith" born 1960 and 1975 at one
        # street); not when a side is an organisation, has a legal form or a trade word
        "contradicted_by": ["registration_date"],
        # the names' words across romanisations: persons whose names each have a word the
        # other lacks in any spelling (normalise.other_given_names) are two persons, as are
        # those born on other days; the date of birth they share counts nothing for them
        # (since 2026-12-05, unseen set 10)
        "given_names": "name_roman",
        # ... unless one name is the other with a given name in another form ("Bill" /
        # "William": resolve._name_forms' keys shared, each word the other's; helper parties23)
        "forms": "name_forms",
        # the place names of each side's name as written (resolve._row's "name_places"): a
        # name one only once they are folded, of parties whose towns disagree ("city"'s
        # "else" level), counts no more than two words in common (review p11, session 26)
        "placed": "name_places",
    },
}


def _level(column: str, spec: dict[str, Any], *, tf: bool = False) -> Any:
    import splink.comparison_level_library as cll

    kind = spec["kind"]
    level: Any
    if kind == "null":
        return cll.NullLevel(column)
    if kind == "exact":
        level = cll.ExactMatchLevel(column, term_frequency_adjustments=tf and spec.get("tf", False))
    elif kind == "exact_common":
        flag = spec["flag"]
        level = cll.CustomLevel(
            f"{column}_l = {column}_r AND ({flag}_l OR {flag}_r)",
            label_for_charts=f"exact, {flag}",
        )
    elif kind == "jaro_winkler" and spec.get("unless_within"):
        level = _jaro_winkler_unless_within(column, spec["threshold"], spec["unless_within"])
    elif kind == "jaro_winkler":
        level = cll.JaroWinklerLevel(column, spec["threshold"])
    elif kind == "tokens_shared" and spec.get("own"):
        level = _shared_own_level(column, spec["min"], spec["own"])
    elif kind == "tokens_shared" and spec["min"] == 1:
        level = _any_shared_level(column)
    elif kind == "tokens_shared":
        level = cll.ArrayIntersectLevel(column, spec["min"])
    elif kind == "forms_shared":
        level = _forms_level(column)
    elif kind == "tokens_contained" and spec.get("within"):
        level = _within_level(column, spec["within"])
    elif kind == "tokens_contained":
        level = _contained_level(column)
    elif kind == "tokens_named":
        level = _named_level(column, spec["within"])
    elif kind == "both_null":
        level = _sql_level(f"({column}_l IS NULL AND {column}_r IS NULL)", f"{column} on neither")
    elif kind == "places_naming":
        level = _places_level(spec["flag"], spec["other"], spec.get("named"), spec.get("within"))
    elif kind == "box_only":
        flag, other = spec["flag"], spec["other"]
        level = _sql_level(
            f"(({flag}_l AND {other}_r IS NULL) OR ({flag}_r AND {other}_l IS NULL))",
            f"{flag} on one side, no {other} on the other",
        )
    elif kind == "initials":
        level = _initials_level()
    elif kind == "date_typo":
        level = _date_typo_level(column)
    elif kind == "date_within":
        level = cll.AbsoluteDateDifferenceLevel(
            column, input_is_string=False, threshold=spec["days"], metric="day"
        )
    elif kind == "else":
        level = cll.ElseLevel()
    else:
        raise ValueError(f"unknown comparison level kind {kind!r}")
    return level.configure(m_probability=spec["m"], u_probability=spec["u"])


def _contained_level(column: str) -> Any:
    """Splink level: the arrays (of distinct tokens) share as many tokens as the shorter has."""
    import splink.comparison_level_library as cll
    from splink.internals.comparison_level_library import _translate_sql_string
    from splink.internals.dialects import DuckDBDialect

    class ContainedLevel(cll.ArrayIntersectLevel):
        def create_sql(self, sql_dialect: Any) -> str:
            self.col_expression.sql_dialect = sql_dialect
            left, right = self.col_expression.name_l, self.col_expression.name_r
            if isinstance(sql_dialect, DuckDBDialect):
                return (
                    f"array_length(list_intersect({left}, {right})) = "
                    f"least(array_length({left}), array_length({right}))"
                )
            shared = "ARRAY_SIZE(ARRAY_INTERSECT(___l, ___r))"
            shorter = "LEAST(ARRAY_SIZE(___l), ARRAY_SIZE(___r))"
            sql = _translate_sql_string(f"{shared} = {shorter}", sql_dialect.sqlglot_dialect)
            return str(sql.replace("___l", left).replace("___r", right))

        def create_label_for_charts(self) -> str:
            return "every token of one side in the other"

    return ContainedLevel(column, 1)


def _any_shared_level(column: str) -> Any:
    """Splink level: the arrays share a token. Splink's ``ArrayIntersectLevel(column, 1)``;
    on DuckDB ``list_has_any``, which stops at the first token in common where
    ``list_intersect`` builds the whole intersection (a third of the time on FEBRL 4's u
    sampling). Both are false or NULL for a NULL array: the same gamma either way."""
    import splink.comparison_level_library as cll
    from splink.internals.dialects import DuckDBDialect

    class AnyShared(cll.ArrayIntersectLevel):
        def create_sql(self, sql_dialect: Any) -> str:
            if isinstance(sql_dialect, DuckDBDialect):
                self.col_expression.sql_dialect = sql_dialect
                left, right = self.col_expression.name_l, self.col_expression.name_r
                return f"list_has_any({left}, {right})"
            return str(super().create_sql(sql_dialect))

    return AnyShared(column, 1)


def _shared_own_level(column: str, least: int, own: str) -> Any:
    """Splink level: the ``column`` arrays share at least ``least`` tokens, unless each side
    has ``own`` tokens (its ``column``'s words that say who the party is, and the singular
    of a plural one: resolve._own_words) and none of either side's is in the other's
    ``column`` (the words in common say nothing of who either is). Plain array functions
    only (no lambda: DuckDB's parser and the generic SQL's translation to Spark take these
    alike); a side whose ``own`` is NULL has none."""

    def has(side: str, *, cast: bool) -> str:
        array = f"CAST({own}_{side} AS ARRAY<TEXT>)" if cast else f"{own}_{side}"
        # (Spark's size of NULL is -1, DuckDB's NULL: both "none" here)
        return f"COALESCE(ARRAY_SIZE({array}), 0) > 0"

    def apart(a: str, b: str, *, cast: bool) -> str:
        array = f"CAST({own}_{a} AS ARRAY<TEXT>)" if cast else f"{own}_{a}"
        return f"ARRAY_SIZE(ARRAY_INTERSECT({array}, {column}_{b})) = 0"

    def unless(*, cast: bool) -> str:
        return (
            f"NOT ({has('l', cast=cast)} AND {has('r', cast=cast)} AND "
            f"{apart('l', 'r', cast=cast)} AND {apart('r', 'l', cast=cast)})"
        )

    shared = f"ARRAY_SIZE(ARRAY_INTERSECT({column}_l, {column}_r)) >= {least}"
    generic = f"({shared} AND {unless(cast=False)})"
    # Spark reads a column that is NULL in every row as of no type (VOID), which no array
    # function takes: cast it (as _initials_level does)
    other = f"({shared} AND {unless(cast=True)})"
    # DuckDB: the own words only for the pairs with enough words in common (a CASE's THEN is
    # evaluated on the rows its WHEN selects), list_has_any for an intersection's emptiness
    own_l, own_r = f"{own}_l", f"{own}_r"
    words = (
        f"NOT (COALESCE(len({own_l}), 0) > 0 AND COALESCE(len({own_r}), 0) > 0 AND "
        f"NOT list_has_any({own_l}, {column}_r) AND NOT list_has_any({own_r}, {column}_l))"
    )
    duckdb = f"CASE WHEN {_duckdb_arrays(shared)} THEN {words} ELSE false END"
    label = f"{least}+ {column} in common, an {own} token among them or not on each side"
    return _sql_level(generic, label, duckdb=duckdb, other=other)


def _duckdb_arrays(sql: str) -> str:
    """Generic array SQL in DuckDB's spelling (``len``, ``list_intersect``)."""
    return sql.replace("ARRAY_SIZE(", "len(").replace("ARRAY_INTERSECT(", "list_intersect(")


def _sql_level(
    generic: str, label: str, *, duckdb: str | None = None, other: str | None = None
) -> Any:
    """A Splink level from generic SQL: ``duckdb`` as written for DuckDB (default ``generic``),
    ``other`` translated by sqlglot for every other dialect, Spark (default ``generic``)."""
    import splink.comparison_level_library as cll
    from splink.internals.comparison_level_library import _translate_sql_string
    from splink.internals.dialects import DuckDBDialect

    class SqlLevel(cll.CustomLevel):
        def create_sql(self, sql_dialect: Any) -> str:
            if isinstance(sql_dialect, DuckDBDialect):
                return duckdb if duckdb is not None else generic
            sql = other if other is not None else generic
            return str(_translate_sql_string(sql, sql_dialect.sqlglot_dialect))

        def create_label_for_charts(self) -> str:
            return label

    return SqlLevel(generic)


def _within_level(column: str, within: str) -> Any:
    """Splink level: every token of one side's ``column`` array is in the other side's
    ``within`` array (a superset of its ``column``: the address with its town's words)."""

    def one_way(a: str, b: str) -> str:
        return f"ARRAY_SIZE(ARRAY_INTERSECT({column}_{a}, {within}_{b})) = ARRAY_SIZE({column}_{a})"

    generic = f"({one_way('l', 'r')} OR {one_way('r', 'l')})"
    label = f"every token of one side in the other's {within}"
    # DuckDB: list_has_all, the same for arrays of distinct tokens (resolve._prepare builds
    # them from sets) without building the intersection; false or NULL alike for a NULL one
    duckdb = f"(list_has_all({within}_r, {column}_l) OR list_has_all({within}_l, {column}_r))"
    return _sql_level(generic, label, duckdb=duckdb)


def _named_level(column: str, within: str) -> Any:
    """Splink level: a token of one side's ``column`` array is in the other side's ``within``
    array."""

    def one_way(a: str, b: str) -> str:
        return f"ARRAY_SIZE(ARRAY_INTERSECT({column}_{a}, {within}_{b})) > 0"

    generic = f"({one_way('l', 'r')} OR {one_way('r', 'l')})"
    label = f"a token of one side's {column} in the other's {within}"
    # DuckDB: list_has_any stops at the first token in common (list_intersect builds the
    # whole intersection); false or NULL alike for a NULL array, so the same gamma
    duckdb = f"(list_has_any({column}_l, {within}_r) OR list_has_any({column}_r, {within}_l))"
    return _sql_level(generic, label, duckdb=duckdb)


def _jaro_winkler_unless_within(column: str, threshold: float, tokens: str) -> Any:
    """Splink level: Jaro-Winkler of ``column`` at least ``threshold``, unless one side's
    ``tokens`` array is within the other's (the same words and more: no misspelling)."""
    import splink.comparison_level_library as cll
    from splink.internals.comparison_level_library import _translate_sql_string
    from splink.internals.dialects import DuckDBDialect

    def one_way(a: str, b: str) -> str:
        return f"ARRAY_SIZE(ARRAY_INTERSECT({tokens}_{a}, {tokens}_{b})) = ARRAY_SIZE({tokens}_{a})"

    generic = f"NOT ({one_way('l', 'r')} OR {one_way('r', 'l')})"

    class Level(cll.JaroWinklerLevel):
        def create_sql(self, sql_dialect: Any) -> str:
            similar = super().create_sql(sql_dialect)
            if isinstance(sql_dialect, DuckDBDialect):
                # the words only for the few pairs similar enough (DuckDB evaluates a CASE's
                # THEN on the rows its WHEN selects; true exactly where the AND is)
                return f"CASE WHEN {similar} THEN {_duckdb_arrays(generic)} ELSE false END"
            words = str(_translate_sql_string(generic, sql_dialect.sqlglot_dialect))
            return f"({similar}) AND {words}"

        def create_label_for_charts(self) -> str:
            return f"{super().create_label_for_charts()}, neither's {tokens} within the other's"

    return Level(column, threshold)


def _places_level(flag: str, other: str, town: str | None, within: str | None) -> Any:
    """Splink level: one side's boolean ``flag`` is set (a whole address of place names only)
    and the other side's ``other`` (its town field) is present; with ``town`` and ``within``,
    also every word of the other side's ``town`` array is in this side's ``within`` array."""

    def one_way(a: str, b: str) -> str:
        sql = f"({flag}_{a} AND {other}_{b} IS NOT NULL"
        if town and within:
            sql += (
                f" AND ARRAY_SIZE(ARRAY_INTERSECT({town}_{b}, {within}_{a}))"
                f" = ARRAY_SIZE({town}_{b})"
            )
        return sql + ")"

    def guarded(a: str, b: str) -> str:
        # DuckDB: the word lists only for the rows whose flag is set (a CASE's THEN is
        # evaluated on the rows its WHEN selects); true exactly where one_way is
        sql = f"{flag}_{a} AND {other}_{b} IS NOT NULL"
        if not (town and within):
            return f"({sql})"
        words = f"list_has_all({within}_{a}, {town}_{b})"
        return f"CASE WHEN {sql} THEN {words} ELSE false END"

    generic = f"({one_way('l', 'r')} OR {one_way('r', 'l')})"
    label = f"{flag} on one side, {other} on the other" + (" naming it" if town else "")
    return _sql_level(generic, label, duckdb=f"({guarded('l', 'r')} OR {guarded('r', 'l')})")


def _date_typo_level(column: str) -> Any:
    """Splink level: two dates (DATE columns) whose ISO forms differ in one character, of one
    month with the day's two digits swapped ("12" / "21"), or with day and month swapped (a
    date read in the other order)."""
    left, right = f"{column}_l", f"{column}_r"
    generic = (
        f"(levenshtein(CAST({left} AS VARCHAR), CAST({right} AS VARCHAR)) = 1 OR "
        f"(year({left}) = year({right}) AND month({left}) = day({right}) "
        f"AND day({left}) = month({right})) OR "
        f"(year({left}) = year({right}) AND month({left}) = month({right}) "
        f"AND day({left}) = 10 * (day({right}) % 10) + FLOOR(day({right}) / 10)))"
    )
    label = "one digit other, the day's digits swapped, or day and month swapped"
    return _sql_level(generic, label)


def _initials_level() -> Any:
    """Splink level: one side's name has initials (``name_initials``) equal to the other's first
    letters (``name_letters``) and every whole word of it (``name_full``) in the other's
    ``name_tokens`` (resolve.py, normalise.initials_key)."""

    def one_way(a: str, b: str, *, cast: bool = False) -> str:
        # Spark reads a column that is empty in every row as of no type (VOID), which no
        # array function takes: cast for it (DuckDB keeps the pandas column's type)
        initials, full = f"name_initials_{a}", f"name_full_{a}"
        if cast:
            initials, full = f"CAST({initials} AS TEXT)", f"CAST({full} AS ARRAY<TEXT>)"
        return (
            f"({initials} = name_letters_{b} AND "
            f"ARRAY_SIZE(ARRAY_INTERSECT(name_tokens_{b}, {full})) = ARRAY_SIZE({full}))"
        )

    generic = f"{one_way('l', 'r')} OR {one_way('r', 'l')}"
    cast = f"{one_way('l', 'r', cast=True)} OR {one_way('r', 'l', cast=True)}"
    label = "one name the other with initials"
    return _sql_level(generic, label, duckdb=_duckdb_arrays(generic), other=cast)


def _forms_level(column: str) -> Any:
    """Splink level: the ``column`` arrays share a value (``list_has_any`` on DuckDB). Spark
    reads a column empty in every row (no person's name has a form key) as of no type (VOID),
    which no array function takes: cast for it, as _initials_level does."""
    generic = f"ARRAY_SIZE(ARRAY_INTERSECT({column}_l, {column}_r)) > 0"
    cast = (
        f"ARRAY_SIZE(ARRAY_INTERSECT(CAST({column}_l AS ARRAY<TEXT>), "
        f"CAST({column}_r AS ARRAY<TEXT>))) > 0"
    )
    label = f"a value of {column} in common"
    return _sql_level(generic, label, duckdb=f"list_has_any({column}_l, {column}_r)", other=cast)


def _blocking_rule(rule: list[str] | dict[str, str]) -> Any:
    from splink import block_on

    return rule["sql"] if isinstance(rule, dict) else block_on(*rule)


def splink_settings(
    model: dict[str, Any] | None = None,
    *,
    link_type: Literal["link_only", "link_and_dedupe", "dedupe_only"] = "link_only",
) -> Any:
    """A Splink ``SettingsCreator`` for ``model`` (default :data:`PARTY_MODEL`)."""
    import splink.comparison_library as cl
    from splink import SettingsCreator

    model = model or PARTY_MODEL
    comparisons: list[Any] = [
        cl.CustomComparison(
            comparison_levels=[
                _level(level.get("column", c["column"]), level, tf=link_type == "link_only")
                for level in c["levels"]
            ],
            output_column_name=c["name"],
            comparison_description=c["name"],
        )
        for c in model["comparisons"]
    ]
    return SettingsCreator(
        link_type=link_type,
        unique_id_column_name=model["unique_id_column"],
        probability_two_random_records_match=PRIOR,
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=[_blocking_rule(r) for r in model["blocking_rules"]],
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,
        # columns no comparison reads that location_evidence does (resolve.cap_location)
        additional_columns_to_retain=[
            c
            for c in (
                (model.get("location_evidence") or {}).get("postcode_read"),
                (model.get("location_evidence") or {}).get("placed"),
            )
            if c
        ],
    )


def tf_levels(model: dict[str, Any] | None = None) -> list[tuple[str, int, str]]:
    """(comparison name, level index, column) of each term-frequency adjusted level."""
    model = model or PARTY_MODEL
    return [
        (c["name"], i, level.get("column", c["column"]))
        for c in model["comparisons"]
        for i, level in enumerate(c["levels"])
        if level.get("tf")
    ]

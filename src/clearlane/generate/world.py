"""The world a dataset is drawn from: goods catalogue, hidden prices, traders, carriers, rates.

Everything here is built once per seed and stays small (a few thousand traders, about 1,200
subheadings and their price table): memory does not grow with the number of declarations.
Traders keep a few running counters (declarations made, findings against them) that the
legacy risk signal reads.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

import numpy as np

from clearlane.core.codelists import get_edition
from clearlane.generate import reference as ref
from clearlane.generate.config import (
    CRITICAL_MECHANISMS,
    MISCLASSIFICATION,
    ORIGIN,
    QUANTITY,
    UNDERVALUATION,
    GeneratorConfig,
)
from clearlane.generate.draws import Draws, Weighted
from clearlane.generate.identifiers import imo_number

T = TypeVar("T")

# Goods items per declaration (ordinary trade / small parcels).
ITEMS_PER_DECLARATION = Weighted([1, 2, 3, 4, 5], [0.45, 0.22, 0.15, 0.1, 0.08])
ITEMS_PER_PARCEL = Weighted([1, 2, 3], [0.75, 0.2, 0.05])
ITEMS_PER_VEHICLE_SHIPMENT = Weighted([1, 2], [0.8, 0.2])
NATIONAL_CODES_PER_SUBHEADING = Weighted([1, 2, 3], [0.5, 0.3, 0.2])
GROUPS_PER_IMPORTER = Weighted([1, 2, 3], [0.6, 0.28, 0.12])
SUPPLIERS_PER_GROUP = Weighted([1, 2, 3], [0.5, 0.3, 0.2])
FLAGS = Weighted.of(ref.FLAG_STATES)
ECOMMERCE_ORIGINS = Weighted.of(ref.ECOMMERCE_ORIGINS)
CURRENCIES = {code: Weighted.of(c.currencies) for code, c in ref.COUNTRIES.items()}
ORIGINS = {g.key: Weighted.of(g.origins) for g in ref.GROUPS}


@dataclass(slots=True)
class Product:
    """One HS 2022 subheading as traded here, with its hidden world price."""

    index: int
    hs6: str
    codes: tuple[str, ...]  # national 8-digit codes under this subheading
    group: ref.GoodsGroup
    duty: float
    excise: float
    unit_kg: float
    text: str  # short goods description
    heading: str  # the HS text before the first ';', for shippers' descriptions
    defence: ref.TradeDefence | None
    legacy_price: float  # what the legacy system believes a unit costs (EUR)
    decoy: int | None = None  # a cheaper look-alike subheading (misclassification)

    @property
    def unit(self) -> str:
        return self.group.unit


@dataclass(slots=True)
class Party:
    id: str
    name: str
    country: str

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "country": self.country}


@dataclass(slots=True)
class Exporter:
    party: Party
    group: ref.GoodsGroup
    invoice_prefix: str
    invoices: int = 0


@dataclass(slots=True)
class Service:
    """A weekly liner service from one region: a carrier, an arrival weekday, its ships."""

    index: int
    region: str
    carrier: tuple[str, str, str]  # name, SCAC-like code, container owner code
    weekday: int
    vessels: list[tuple[str, str, str]]  # name, IMO number, flag


@dataclass(slots=True)
class SupplyLine:
    """An importer's trade with one supplier: goods, currency, modes, and fraud options."""

    exporter: Exporter
    seller: Exporter | None  # a trading house that invoices instead of the maker
    products: Weighted[int]
    currency: str
    claims_preference: bool
    modes: Weighted[str]
    service: int  # liner service used for sea shipments
    transit: Exporter | None = None  # shell exporter for origin fraud (trade-defence goods)
    transit_service: int = 0
    eligibility: dict[str, float] = field(default_factory=dict)

    @property
    def country(self) -> str:
        return self.exporter.party.country


@dataclass(slots=True)
class Broker:
    index: int
    party: Party
    propensity: float = 1.0
    repeat_offender: bool = False
    detected: int = 0


@dataclass(slots=True)
class Importer:
    index: int
    party: Party
    kind: str  # general, ecommerce, drift
    lines: list[SupplyLine]
    line_weights: Weighted[int]
    brokers: Weighted[int] | None  # None: declares itself (or a courier declares)
    place: str  # its town, UN/LOCODE-like
    price_factor: float
    start_day: int
    propensity: float = 1.0
    repeat_offender: bool = False
    declarations: int = 0
    detected: int = 0


def short_text(description: str, limit: int = 70) -> str:
    """A plausible goods description from an HS text: the noun and its first qualifier.

    'T-shirts, singlets and other vests; of cotton, knitted or crocheted'
    -> 'T-shirts, singlets and other vests, of cotton'.
    """
    text = re.sub(r"\([^)]*\)", "", description)
    text = re.sub(r"\bn\.e\.c\..*$", "", text)
    head, _, rest = text.partition(";")
    head = head.strip()
    if len(head) > 40:
        head = head.split(",")[0].strip()
    clause = " ".join(rest.split(",")[0].split()[:5]) if rest else ""
    words = f"{head}, {clause}" if clause else head
    words = re.sub(r"\s+", " ", words).strip(" ,;:")
    if len(words) > limit:
        words = words[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")
    return words


def _prefix_value(table: dict[str, float], hs6: str, default: float) -> float:
    """The value of the longest prefix of ``hs6`` in ``table``."""
    for length in (6, 4, 2):
        if hs6[:length] in table:
            return table[hs6[:length]]
    return default


class World:
    """All per-seed tables. Build with :meth:`build`."""

    def __init__(self, config: GeneratorConfig, rng: np.random.Generator) -> None:
        self.config = config
        self.rng = rng
        self.draws = Draws(rng)
        self.end = config.start + timedelta(days=config.days - 1)
        self.countries = list(ref.COUNTRIES)
        self.country_index = {c: i for i, c in enumerate(self.countries)}
        self.products: list[Product] = []
        self.by_group: dict[str, list[Product]] = {}
        self._modes_cache: dict[tuple[str, str, str], Weighted[str]] = {}
        self.price: list[list[float]] = []  # [product][country] hidden true unit price, EUR
        self.exporters: dict[tuple[str, str], list[Exporter]] = {}
        self.importers: list[Importer] = []
        self.importer_weights: Weighted[int]
        self.brokers: list[Broker] = []
        self.drift_importers: list[Importer] = []
        self.services: dict[str, list[Service]] = {}
        self.service_list: list[Service] = []
        self.rates: dict[tuple[int, int, str], float] = {}
        self.calibration: dict[str, float] = {}
        self._intensity: dict[str, float] = {}
        self._max_probability = config.fraud.max_probability
        self._ids: set[str] = set()

    @classmethod
    def build(cls, config: GeneratorConfig, rng: np.random.Generator) -> World:
        world = cls(config, rng)
        world._build_catalogue()
        world._build_services()
        world._build_rates()
        world._build_brokers()
        world._build_importers()
        world._build_drift_importers()
        world._calibrate()
        return world

    # -- goods ---------------------------------------------------------------------------

    def _build_catalogue(self) -> None:
        edition = get_edition(2022)
        subheadings = sorted(edition.subheadings)
        d = self.draws
        taken: set[str] = set()
        medians: list[float] = []
        for group in ref.GROUPS:
            codes = [
                c
                for c in subheadings
                if c.startswith(group.prefixes)
                and not c.startswith(group.exclude or ("-",))
                and c not in taken
            ]
            if not codes:
                raise RuntimeError(f"goods group {group.key}: no HS 2022 subheading matches")
            for hs6 in codes:
                taken.add(hs6)
                description = edition.describe(hs6) or hs6
                defence = next((t for t in ref.TRADE_DEFENCE if hs6.startswith(t.prefixes)), None)
                n_codes = d.choose(NATIONAL_CODES_PER_SUBHEADING)
                suffixes = ["00"] if n_codes == 1 else sorted(_sample(d, SUFFIXES, n_codes))
                # Clipped at two sigma: one absurd subheading would dominate the values.
                spread = group.price_spread * max(-2.0, min(2.0, d.normal()))
                median = _prefix_value(group.price_by_prefix, hs6, group.price_eur)
                median *= math.exp(spread)
                self.products.append(
                    Product(
                        index=len(self.products),
                        hs6=hs6,
                        codes=tuple(hs6 + s for s in suffixes),
                        group=group,
                        duty=_prefix_value(group.duty_by_prefix, hs6, group.duty),
                        excise=_prefix_value(group.excise_by_prefix, hs6, 0.0),
                        unit_kg=1.0 if group.unit == "KGM" else d.lognormal(group.unit_kg, 0.3),
                        text=short_text(description),
                        heading=description.split(";")[0].strip(),
                        defence=defence,
                        legacy_price=median * d.lognormal(1.0, 0.25),
                    )
                )
                medians.append(median)
        # The hidden true price of each (subheading, origin): world median x origin level x
        # a lognormal interaction term.
        levels = np.array([ref.COUNTRIES[c].price_level for c in self.countries])
        noise = self.rng.lognormal(0.0, 0.15, size=(len(self.products), len(self.countries)))
        self.price = (np.array(medians)[:, None] * levels[None, :] * noise).tolist()
        for product in self.products:
            self.by_group.setdefault(product.group.key, []).append(product)
        by_hs6 = {p.hs6: p for p in self.products}
        for product in self.products:
            for true_prefix, decoy_codes in ref.DECOYS:
                if product.hs6.startswith(true_prefix):
                    options = [by_hs6[c] for c in decoy_codes if c in by_hs6]
                    options = [o for o in options if o.duty < product.duty]
                    if not options:
                        raise RuntimeError(f"no cheaper decoy in the catalogue for {product.hs6}")
                    product.decoy = d.pick(options).index
                    break

    def true_price(self, product: int, country: str) -> float:
        return self.price[product][self.country_index[country]]

    def effective_rate(self, product: Product, origin: str, preference: bool) -> float:
        """Duty in percent: third-country or preferential rate, plus trade-defence duty."""
        rate = 0.0 if preference and ref.COUNTRIES[origin].preference else product.duty
        if product.defence is not None and product.defence.origin == origin:
            rate += product.defence.extra_duty
        return rate

    # -- carriers and money ------------------------------------------------------------------

    def _build_services(self) -> None:
        d = self.draws
        imo_seen: set[str] = set()
        index = 0
        for region, count in ref.REGION_SERVICES.items():
            services = []
            for _ in range(count):
                carrier = d.pick(ref.SHIPPING_LINES)
                vessels = []
                for _ in range(d.integer(5, 10)):
                    # Ships built since the 1980s carry IMO numbers 9xxxxxx.
                    imo = imo_number(d.integer(900_000, 999_999))
                    while imo in imo_seen:
                        imo = imo_number(d.integer(900_000, 999_999))
                    imo_seen.add(imo)
                    name = f"{d.pick(ref.VESSEL_WORDS_A)} {d.pick(ref.VESSEL_WORDS_B)}"
                    vessels.append((name, imo, d.choose(FLAGS)))
                services.append(Service(index, region, carrier, d.integer(0, 6), vessels))
                index += 1
            self.services[region] = services
            self.service_list.extend(services)

    def service_for(self, country: str) -> int:
        region = ref.COUNTRIES[country].region
        return self.draws.pick(self.services[region]).index

    def service(self, index: int) -> Service:
        return self.service_list[index]

    def _build_rates(self) -> None:
        """Monthly customs exchange rates (national currency per unit), a random walk."""
        months = []
        day = self.config.start.replace(day=1)
        while day <= self.end:
            months.append((day.year, day.month))
            day = (day + timedelta(days=32)).replace(day=1)
        for currency, base in ref.BASE_RATES.items():
            level = base
            for year, month in months:
                if currency != ref.NATIONAL_CURRENCY:
                    level *= math.exp(0.015 * self.draws.normal())
                self.rates[(year, month, currency)] = float(f"{level:.6g}")

    def rate(self, day: date, currency: str) -> float:
        return self.rates[(day.year, day.month, currency)]

    # -- traders -------------------------------------------------------------------------

    def _new_id(self, country: str, digits: int) -> str:
        d = self.draws
        while True:
            value = f"{country}{d.integer(10 ** (digits - 1), 10**digits - 1)}"
            if value not in self._ids:
                self._ids.add(value)
                return value

    def _nl_name(self, trade: tuple[str, ...]) -> str:
        d = self.draws
        if d.chance(0.5):
            return f"{d.pick(ref.NL_SURNAMES)} {d.pick(trade)} B.V."
        return f"{d.pick(ref.NL_WORDS)} {d.pick(trade)} B.V."

    def _exporter(self, country: str, group: ref.GoodsGroup, reuse: float = 0.6) -> Exporter:
        d = self.draws
        pool = self.exporters.setdefault((country, group.key), [])
        if pool and d.chance(reuse):
            return d.pick(pool)
        info = ref.COUNTRIES[country]
        name = info.company_form.format(
            f"{d.pick(ref.FOREIGN_WORDS)} {d.pick(ref.FOREIGN_WORDS)} {d.pick(ref.FOREIGN_TRADES)}"
        )
        party = Party(self._new_id(country, 12), name, country)
        prefix = "".join(w[0] for w in name.split()[:3]).upper()
        exporter = Exporter(party, group, f"{prefix}{d.integer(10, 99)}-")
        pool.append(exporter)
        return exporter

    def _build_brokers(self) -> None:
        d = self.draws
        fraud = self.config.fraud
        for index in range(self.config.brokers):
            party = Party(self._new_id("NL", 9), self._nl_name(ref.BROKER_TRADES), "NL")
            broker = Broker(index, party)
            broker.propensity = d.lognormal(1.0, fraud.propensity_sigma / 2)
            if d.chance(fraud.repeat_broker_share):
                broker.repeat_offender = True
                broker.propensity *= fraud.repeat_broker_factor
            self.brokers.append(broker)
        self.broker_weights = Weighted(
            list(range(len(self.brokers))), [d.lognormal(1.0, 1.3) for _ in self.brokers]
        )

    def _modes(self, country: str, group: ref.GoodsGroup, kind: str) -> Weighted[str]:
        key = (country, group.key, kind)
        if key not in self._modes_cache:
            self._modes_cache[key] = self._make_modes(country, group, kind)
        return self._modes_cache[key]

    def _make_modes(self, country: str, group: ref.GoodsGroup, kind: str) -> Weighted[str]:
        if kind == "ecommerce":
            return Weighted.of(ref.ECOMMERCE_MODES)
        info = ref.COUNTRIES[country]
        weights = dict(info.modes)
        if "air" in weights:
            weights["air"] *= group.air_factor
        if not info.sea_ports:
            weights.pop("sea", None)
        if group.containerised and group.unit_kg < 30:
            weights["express"] = 0.02 * sum(weights.values())  # samples and urgent parts
        weights = {m: w for m, w in weights.items() if w > 0}
        return Weighted.of(weights)

    def _supply_line(self, group: ref.GoodsGroup, country: str, kind: str) -> SupplyLine:
        d = self.draws
        exporter = self._exporter(country, group)
        seller = None
        if country in ("CN", "VN", "BD", "KH") and d.chance(0.08):
            seller = self._exporter(d.pick(("HK", "SG")), group, reuse=0.8)
        candidates = self.by_group[group.key]
        n_products = min(len(candidates), d.integer(2, 10 if kind == "ecommerce" else 12))
        chosen = _sample(d, candidates, n_products)
        products = Weighted([p.index for p in chosen], [d.lognormal(1.0, 0.8) for _ in chosen])
        invoicer = seller.party.country if seller else country
        currency = d.choose(CURRENCIES[invoicer])
        info = ref.COUNTRIES[country]
        line = SupplyLine(
            exporter=exporter,
            seller=seller,
            products=products,
            currency=currency,
            claims_preference=info.preference is not None and d.chance(0.85),
            modes=self._modes(country, group, kind),
            service=self.service_for(country) if info.sea_ports else 0,
        )
        defended = [p for p in chosen if p.defence is not None and p.defence.origin == country]
        if defended:
            defence = defended[0].defence
            assert defence is not None
            transit = d.pick(defence.transit)
            line.transit = self._exporter(transit, group, reuse=0.3)
            line.transit_service = self.service_for(transit)
        return line

    def _build_importers(self) -> None:
        d = self.draws
        config = self.config
        fraud = config.fraud
        groups = Weighted(list(ref.GROUPS), [g.weight for g in ref.GROUPS])
        consumer = [g for g in ref.GROUPS if g.consumer]
        consumer_groups = Weighted(consumer, [g.weight for g in consumer])
        late_start = max(1, config.days - 30)
        weights = []
        for index in range(config.importers):
            kind = "ecommerce" if d.chance(config.ecommerce_importer_share) else "general"
            lines: list[SupplyLine] = []
            n_groups = d.choose(GROUPS_PER_IMPORTER)
            for _ in range(n_groups):
                if kind == "ecommerce":
                    group = d.choose(consumer_groups)
                    country = d.choose(ECOMMERCE_ORIGINS)
                    n_suppliers = d.integer(1, 4)
                else:
                    group = d.choose(groups)
                    country = ""
                    n_suppliers = d.choose(SUPPLIERS_PER_GROUP)
                for _ in range(n_suppliers):
                    origin = country or d.choose(ORIGINS[group.key])
                    lines.append(self._supply_line(group, origin, kind))
            weight = d.lognormal(1.0, 1.6) * (2.0 if kind == "ecommerce" else 1.0)
            weights.append(weight)
            start_day = 0 if d.chance(0.88) else d.integer(1, late_start)
            party = Party(self._new_id("NL", 9), self._nl_name(ref.NL_TRADES), "NL")
            importer = Importer(
                index=index,
                party=party,
                kind=kind,
                lines=lines,
                line_weights=Weighted(
                    list(range(len(lines))), [d.lognormal(1.0, 0.7) for _ in lines]
                ),
                brokers=None,
                place=d.pick(ref.DOMESTIC_PLACES),
                price_factor=d.lognormal(1.0, 0.12),
                start_day=start_day,
                propensity=d.lognormal(1.0, fraud.propensity_sigma),
            )
            self.importers.append(importer)
        self.importer_weights = Weighted(list(range(len(self.importers))), weights)
        # Large importers often declare themselves; the rest use one or two brokers.
        large = float(np.quantile(weights, 0.97)) if weights else 0.0
        for importer, weight in zip(self.importers, weights, strict=True):
            if importer.kind == "ecommerce" or (weight >= large and d.chance(0.5)):
                continue
            picked = {d.choose(self.broker_weights) for _ in range(1 if d.chance(0.8) else 2)}
            ordered = sorted(picked)
            importer.brokers = Weighted(ordered, [d.lognormal(1.0, 0.5) for _ in ordered])
        # Repeat offenders come from the small and mid-sized importers.
        ordinary = [i for i, w in zip(self.importers, weights, strict=True) if w < large]
        for importer in _sample(d, ordinary, round(fraud.repeat_importer_share * len(ordinary))):
            importer.repeat_offender = True
            importer.propensity *= fraud.repeat_importer_factor

    def _build_drift_importers(self) -> None:
        """The new group behind the scheme that starts part-way through the period."""
        d = self.draws
        start = self.drift_start_day
        group = next(g for g in ref.GROUPS if g.key == "apparel")
        products = [p for p in self.products if p.hs6.startswith(ref.DRIFT_PREFIXES)]
        for k in range(ref.DRIFT_IMPORTERS):
            exporter = self._exporter(ref.DRIFT_ORIGIN, group, reuse=0.5)
            chosen = _sample(d, products, min(len(products), d.integer(2, 5)))
            line = SupplyLine(
                exporter=exporter,
                seller=None,
                products=Weighted([p.index for p in chosen], [1.0] * len(chosen)),
                currency="USD",
                claims_preference=False,
                modes=Weighted(["sea", "air"], [0.85, 0.15]),
                service=self.service_for(ref.DRIFT_ORIGIN),
            )
            party = Party(self._new_id("NL", 9), self._nl_name(ref.NL_TRADES), "NL")
            self.drift_importers.append(
                Importer(
                    index=len(self.importers) + k,
                    party=party,
                    kind="drift",
                    lines=[line],
                    line_weights=Weighted([0], [1.0]),
                    brokers=Weighted([d.choose(self.broker_weights)], [1.0]),
                    place=d.pick(ref.DOMESTIC_PLACES),
                    price_factor=1.0,
                    start_day=start,
                )
            )
        self.drift_weights = Weighted(
            list(range(len(self.drift_importers))),
            [d.lognormal(1.0, 0.5) for _ in self.drift_importers],
        )

    @property
    def drift_start_day(self) -> int:
        return int(self.config.days * self.config.fraud.drift_start_fraction)

    # -- calibration -------------------------------------------------------------------------

    def _line_eligibility(self, line: SupplyLine, kind: str) -> dict[str, float]:
        """Chance that one declaration on this line can carry each mechanism."""
        items = ITEMS_PER_PARCEL if kind == "ecommerce" else ITEMS_PER_DECLARATION
        n = len(line.products.items)

        def some(share: float) -> float:
            return sum(
                items.probability(i) * (1 - (1 - share) ** min(k, n))
                for i, k in enumerate(items.items)
            )

        def mode_share(modes: tuple[str, ...]) -> float:
            return sum(
                line.modes.probability(i) for i, m in enumerate(line.modes.items) if m in modes
            )

        total = line.products.total
        weights = dict(
            zip(line.products.items, _differences(line.products.cumulative), strict=True)
        )
        origin = line.country

        def share(test: Callable[[Product], bool]) -> float:
            return sum(w for p, w in weights.items() if test(self.products[p])) / total

        def gains(product: Product) -> bool:
            if product.decoy is None:
                return False
            decoy = self.products[product.decoy]
            true_rate = self.effective_rate(product, origin, line.claims_preference)
            return true_rate > self.effective_rate(decoy, origin, line.claims_preference)

        result = {
            UNDERVALUATION: 1.0,
            # Parcels mostly fall under the low-value duty relief: nothing to gain there.
            MISCLASSIFICATION: (1.0 - mode_share(ref.SMALL_PARCEL_MODES)) * some(share(gains)),
            ORIGIN: 0.0,
            QUANTITY: 1.0 - mode_share(ref.SMALL_PARCEL_MODES),
        }
        if line.transit is not None:
            defended = share(lambda p: p.defence is not None and p.defence.origin == origin)
            result[ORIGIN] = mode_share(("sea",)) * some(defended)
        for route in ref.CRITICAL_ROUTES:
            result[route.kind] = mode_share(route.modes) if origin in route.countries else 0.0
        return result

    def _calibrate(self) -> None:
        """Normalise propensities and find, per mechanism, the expected eligible share."""
        importer_total = self.importer_weights.total
        shares = [w / importer_total for w in _differences(self.importer_weights.cumulative)]
        mean_propensity = sum(s * i.propensity for s, i in zip(shares, self.importers, strict=True))
        for importer in self.importers:
            importer.propensity /= mean_propensity
        broker_volume = [0.0] * len(self.brokers)
        for s, importer in zip(shares, self.importers, strict=True):
            if importer.brokers is not None:
                for position, b in enumerate(importer.brokers.items):
                    broker_volume[b] += s * importer.brokers.probability(position)
        handled = sum(broker_volume)
        if handled > 0:
            mean = sum(v * b.propensity for v, b in zip(broker_volume, self.brokers, strict=True))
            for broker in self.brokers:
                broker.propensity *= handled / mean
        expected: dict[str, float] = {}
        for s, importer in zip(shares, self.importers, strict=True):
            for position, line in enumerate(importer.lines):
                line.eligibility = self._line_eligibility(line, importer.kind)
                weight = s * importer.line_weights.probability(position)
                for mechanism, chance in line.eligibility.items():
                    factor = 1.0 if mechanism in CRITICAL_MECHANISMS else importer.propensity
                    expected[mechanism] = expected.get(mechanism, 0.0) + weight * chance * factor
        self.calibration = expected
        # rate / expected eligible share: the per-declaration chance at propensity 1.
        rates = self.config.fraud.rates
        self._intensity = {
            m: rates.get(m, 0.0) / share for m, share in expected.items() if share > 0
        }
        self._max_probability = self.config.fraud.max_probability

    def mechanism_probability(self, mechanism: str, propensity: float) -> float:
        """Chance to plant ``mechanism`` on an eligible declaration with this propensity."""
        return min(self._max_probability, self._intensity.get(mechanism, 0.0) * propensity)


SUFFIXES = ("10", "20", "30", "50", "80", "90")


def _sample(d: Draws, items: Sequence[T], k: int) -> list[T]:
    """``k`` distinct items, uniformly, in their original order."""
    n = len(items)
    k = min(k, n)
    if 3 * k <= n:  # few from many: draw indices until k distinct ones
        chosen: set[int] = set()
        while len(chosen) < k:
            chosen.add(int(d.uniform() * n))
        return [items[i] for i in sorted(chosen)]
    pool = list(range(n))  # partial Fisher-Yates
    for i in range(k):
        j = i + int(d.uniform() * (n - i))
        pool[i], pool[j] = pool[j], pool[i]
    return [items[i] for i in sorted(pool[:k])]


def _differences(cumulative: list[float]) -> list[float]:
    return [c - (cumulative[i - 1] if i else 0.0) for i, c in enumerate(cumulative)]

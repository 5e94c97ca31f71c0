"""One declaration at a time: the true shipment, the fraud planted on it, and its documents.

Each case starts from the truth (what was really shipped, at its real price, from its real
origin). The declared copy starts equal to it; fraud mechanisms then change the declared copy
only. Duty and taxes are assessed on both, and their difference is the duty evaded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from clearlane.generate import reference as ref
from clearlane.generate.config import (
    DRIFT_UNDERVALUATION,
    MISCLASSIFICATION,
    ORIGIN,
    QUANTITY,
    UNDERVALUATION,
)
from clearlane.generate.draws import Draws, Weighted
from clearlane.generate.identifiers import awb_number, container_number, mrn, s10_number
from clearlane.generate.world import (
    ITEMS_PER_DECLARATION,
    ITEMS_PER_PARCEL,
    ITEMS_PER_VEHICLE_SHIPMENT,
    Broker,
    Exporter,
    Importer,
    Party,
    Product,
    SupplyLine,
    World,
)

CONTAINERS_PER_SHIPMENT = Weighted([1, 2, 3, 4, 5], [0.62, 0.2, 0.09, 0.05, 0.04])
POSTAL_SERVICES = Weighted(["CP", "RR", "LX"], [0.6, 0.2, 0.2])
LEGACY_DRUG_ROUTES = ("EC", "CO", "PE", "BR", "PA", "CR", "DO")
LEGACY_PARCEL_WATCH = ("US", "TR", "IN")
PACKAGE_WORDS = {"CT": "CARTONS", "PK": "PACKAGES", "PX": "PALLETS", "BL": "BALES",
                 "BG": "BAGS", "DR": "DRUMS", "NE": "UNITS"}  # fmt: skip


def kg(value: float) -> float:
    """Masses as declared: grams below 10 kg, 100 g above."""
    return round(value, 3) if value < 10 else round(value, 1)


@dataclass(slots=True)
class Item:
    product: Product
    code: str
    origin: str
    quantity: float
    net: float
    gross: float
    packages: int
    value: float  # invoice currency
    description: str

    @property
    def unit(self) -> str:
        return self.product.unit

    def copy(self) -> Item:
        return Item(self.product, self.code, self.origin, self.quantity, self.net, self.gross,
                    self.packages, self.value, self.description)  # fmt: skip


@dataclass(slots=True)
class Assessment:
    customs_values: list[float]
    rates: list[float]
    duties: list[float]
    taxes: list[float]

    @property
    def customs_value(self) -> float:
        return round(sum(self.customs_values), 2)

    @property
    def duty_tax(self) -> float:
        return round(sum(self.duties) + sum(self.taxes), 2)


@dataclass(slots=True)
class Critical:
    kind: str
    label: str
    seized_quantity: float
    seized_unit: str
    concealment: str


@dataclass(slots=True)
class Case:
    """One generated declaration with its documents and what really happened."""

    day: int
    when: date
    reference: str
    mode: str
    office: str
    declaration: dict[str, Any]
    manifest: dict[str, Any]
    invoice: dict[str, Any]
    importer: Importer
    broker: Broker | None
    mechanisms: list[str]
    fraud_items: list[int]
    critical: Critical | None
    true_items: list[Item]
    true_value: float
    declared_value: float
    true_duty_tax: float
    declared_duty_tax: float
    invoice_leak: bool
    signals: dict[str, bool]
    score: float = 0.0
    control: dict[str, Any] | None = None
    control_type: str = ""
    selection_reason: str = ""
    detected: list[str] = field(default_factory=list)

    @property
    def is_fraud(self) -> bool:
        return bool(self.mechanisms) or self.critical is not None

    @property
    def duty_evaded(self) -> float:
        return max(0.0, round(self.true_duty_tax - self.declared_duty_tax, 2))


@dataclass(slots=True)
class _Route:
    """Transport facts of one shipment (declared and as the carrier records them)."""

    means_id: str | None = None
    nationality: str | None = None
    vessel_name: str | None = None
    voyage: str | None = None
    carrier: dict[str, str] | None = None
    document: str = ""
    document_type: str = ""
    containers: list[dict[str, str]] = field(default_factory=list)
    departure: date | None = None
    arrival: date | None = None
    place_of_receipt: str = ""
    port_of_loading: str = ""
    port_of_discharge: str = ""
    office: str = ""
    courier: tuple[str, str] | None = None


@dataclass(slots=True)
class _Plan:
    """What the fraud planted: mechanisms, touched items, and the declared header it changed."""

    exporter: Exporter
    dispatch: str
    service: int
    preference: bool
    mechanisms: list[str] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)  # id() of the declared items changed

    def mark(self, mechanism: str, items: list[Item]) -> None:
        self.mechanisms.append(mechanism)
        self.touched.update(id(i) for i in items)


def _stable(text: str) -> int:
    """A hash of a short string that does not change between runs (unlike ``hash``)."""
    return sum((i + 1) * ord(c) for i, c in enumerate(text))


class CaseFactory:
    """Makes cases one by one from a :class:`World` and its own stream of draws."""

    def __init__(self, world: World, draws: Draws) -> None:
        self.world = world
        self.d = draws
        self.fraud = world.config.fraud
        self.incoterms = {m: Weighted.of(w) for m, w in ref.INCOTERMS_BY_MODE.items()}
        self.airlines = Weighted(list(ref.AIRLINES), [1.0] * len(ref.AIRLINES))
        self.hauliers = Weighted.of(ref.ROAD_HAULIER_COUNTRIES)
        self.offices = {
            mode: Weighted(
                [o for o in ref.OFFICES if mode in o.modes],
                [ref.OFFICE_WEIGHTS[o.code] for o in ref.OFFICES if mode in o.modes],
            )
            for mode in ref.MODE_CODES
        }

    # -- who and what --------------------------------------------------------------------

    def _importer(self, day: int) -> Importer:
        world, d = self.world, self.d
        for _ in range(50):
            importer = world.importers[d.choose(world.importer_weights)]
            if importer.start_day <= day:
                return importer
        return next(i for i in world.importers if i.start_day == 0)

    def _products(self, line: SupplyLine, count: int) -> list[Product]:
        chosen: list[int] = []
        for _ in range(count * 4):
            index = self.d.choose(line.products)
            if index not in chosen:
                chosen.append(index)
            if len(chosen) == count:
                break
        return [self.world.products[i] for i in chosen]

    def _consignment(self, mode: str, line: SupplyLine) -> tuple[float, int, bool]:
        """Gross mass of the whole consignment, containers (FCL) and whether it is groupage."""
        d = self.d
        group = line.exporter.group
        if not group.containerised:
            units = d.integer(1, 40) if mode == "sea" else d.integer(1, 8)
            return units * group.unit_kg * d.between(0.9, 1.1), 0, False
        if mode == "sea":
            if d.chance(0.22):
                return min(6000.0, max(50.0, d.lognormal(900.0, 0.8))), 0, True
            containers = d.choose(CONTAINERS_PER_SHIPMENT)
            return containers * group.container_kg * d.between(0.55, 1.0), containers, False
        if mode == "air":
            return min(8000.0, max(3.0, d.lognormal(180.0, 1.0))), 0, False
        if mode == "road":
            if d.chance(0.6):
                return d.between(6000.0, 22000.0), 0, False
            return min(12000.0, max(50.0, d.lognormal(1500.0, 0.7))), 0, False
        if mode == "express":
            return min(60.0, max(0.2, d.lognormal(4.0, 1.0))), 0, False
        return min(20.0, max(0.05, d.lognormal(1.0, 0.8))), 0, False

    def _describe(self, product: Product) -> str:
        d = self.d
        u = d.uniform()
        if u < 0.03:
            return d.pick(ref.VAGUE_DESCRIPTIONS)
        if u < 0.18:
            return product.text.upper()
        if u < 0.28:
            return product.heading[:70].rstrip(" ,;")
        return product.text

    def _items(self, mode: str, line: SupplyLine, importer: Importer, rate: float,
               adjustment: float, gross_total: float) -> list[Item]:  # fmt: skip
        d = self.d
        group = line.exporter.group
        table = (
            ITEMS_PER_PARCEL
            if mode in ref.SMALL_PARCEL_MODES
            else ITEMS_PER_DECLARATION
            if group.containerised
            else ITEMS_PER_VEHICLE_SHIPMENT
        )
        products = self._products(line, min(d.choose(table), len(line.products.items)))
        shares = d.gamma_shares(len(products))
        items = []
        origin = line.country
        for position, (product, share) in enumerate(zip(products, shares, strict=True)):
            packing = 1.0 + (d.between(0.04, 0.2) if group.containerised else d.between(0, 0.02))
            net_target = max(0.01, gross_total * share / packing)
            if product.unit == "KGM":
                net = kg(net_target)
                quantity = net
            else:
                count = max(1, round(net_target / product.unit_kg))
                net = kg(max(0.01, count * product.unit_kg * d.lognormal(1.0, 0.03)))
                quantity = float(count)
            gross = kg(net * packing)
            if mode in ref.SMALL_PARCEL_MODES:
                packages = (d.integer(1, 3) if gross > 10 else 1) if position == 0 else 0
            elif group.package_type == "NE":
                packages = int(quantity)
            else:
                packages = max(1, round(gross / group.package_kg * d.lognormal(1.0, 0.15)))
            price = self.world.true_price(product.index, origin) * importer.price_factor
            price *= d.lognormal(1.0, 0.2)
            value = max(0.01, round(quantity * price / (rate * adjustment), 2))
            items.append(
                Item(
                    product=product,
                    code=d.pick(product.codes),
                    origin=origin,
                    quantity=quantity,
                    net=net,
                    gross=max(gross, net),
                    packages=packages,
                    value=value,
                    description=self._describe(product),
                )
            )
        return items

    # -- money ---------------------------------------------------------------------------

    @staticmethod
    def _adjustment(incoterm: str, mode: str) -> float:
        """Invoice price -> border (CIF) value: add freight and insurance the price lacks."""
        freight = ref.FREIGHT_SHARE[mode]
        if incoterm in ("EXW",):
            return 1.0 + freight + 0.015
        if incoterm in ("FCA", "FAS", "FOB"):
            return 1.0 + freight + 0.005
        if incoterm in ("CFR", "CPT"):
            return 1.005
        if incoterm in ("CIF", "CIP"):
            return 1.0
        return 1.0 - 0.3 * freight  # DAP, DPU, DDP include carriage beyond the border

    def _assess(self, items: list[Item], rate: float, adjustment: float, mode: str,
                preference: bool) -> Assessment:  # fmt: skip
        values = [round(i.value * rate * adjustment, 2) for i in items]
        relief = mode in ref.SMALL_PARCEL_MODES and sum(values) <= ref.LOW_VALUE_RELIEF_EUR
        rates, duties, taxes = [], [], []
        for item, value in zip(items, values, strict=True):
            duty_rate = (
                0.0
                if relief
                else round(self.world.effective_rate(item.product, item.origin, preference), 2)
            )
            duty = round(value * duty_rate / 100, 2)
            tax = round((value + duty) * ref.VAT_RATE / 100 + value * item.product.excise / 100, 2)
            rates.append(duty_rate)
            duties.append(duty)
            taxes.append(tax)
        return Assessment(values, rates, duties, taxes)

    # -- fraud ---------------------------------------------------------------------------

    def _gains_by_decoy(self, item: Item, preference: bool) -> bool:
        decoy = item.product.decoy
        if decoy is None:
            return False
        world = self.world
        now = world.effective_rate(item.product, item.origin, preference)
        return now > world.effective_rate(world.products[decoy], item.origin, preference)

    def _misclassify(self, items: list[Item]) -> None:
        d = self.d
        for item in items:
            decoy = self.world.products[item.product.decoy]  # type: ignore[index]
            if decoy.unit != item.unit:
                item.quantity = item.net if decoy.unit == "KGM" else item.quantity
            item.product = decoy
            item.code = d.pick(decoy.codes)
            item.description = d.pick(ref.VAGUE_DESCRIPTIONS) if d.chance(0.5) else decoy.text

    def _short_ship(self, items: list[Item]) -> list[Item]:
        """Declare less than was shipped: quantity, masses, packages and value together."""
        d = self.d
        low, high = self.fraud.quantity_range
        ratio = d.between(low, high)
        targets = items if d.chance(0.4) else [max(items, key=lambda i: i.gross)]
        for item in targets:
            if item.unit == "KGM":
                new = kg(item.quantity * ratio)
            else:
                new = float(max(1, math.floor(item.quantity * ratio)))
            actual = new / item.quantity
            item.quantity = new
            item.net = kg(item.net * actual)
            item.gross = max(kg(item.gross * actual), item.net)
            item.packages = max(1, round(item.packages * actual)) if item.packages else 0
            item.value = max(0.01, round(item.value * actual, 2))
        return targets

    def _undervalue(self, items: list[Item], bounds: tuple[float, float],
                    everything: bool) -> list[Item]:  # fmt: skip
        d = self.d
        ratio = d.between(*bounds)
        targets = items if everything else [max(items, key=lambda i: i.value)]
        for item in targets:
            item.value = max(0.01, round(item.value * ratio, 2))
        return targets

    # -- transport -----------------------------------------------------------------------

    def _route(self, mode: str, when: date, country: str, service_index: int, containers: int,
               groupage: bool, group: ref.GoodsGroup) -> _Route:  # fmt: skip
        d = self.d
        route = _Route()
        info = ref.COUNTRIES[country]
        office = d.choose(self.offices[mode])
        route.office = office.code
        route.port_of_discharge = office.place
        if mode == "sea":
            service = self.world.service(service_index)
            lag = d.integer(0, 4)
            latest = when - timedelta(days=lag)
            arrival = latest - timedelta(days=(latest.weekday() - service.weekday) % 7)
            name, imo, flag = service.vessels[(arrival.toordinal() // 7) % len(service.vessels)]
            iso = arrival.isocalendar()
            carrier_name, scac, owner = service.carrier
            route.means_id, route.nationality, route.vessel_name = imo, flag, name
            route.voyage = f"{iso.year % 100:02d}{iso.week:02d}{ref.VOYAGE_SUFFIX[info.region]}"
            route.carrier = {"code": scac, "name": carrier_name}
            route.arrival = arrival
            transit = ref.REGION_TRANSIT_DAYS[info.region] + d.integer(-2, 3)
            route.departure = arrival - timedelta(days=max(1, transit))
            route.port_of_loading = d.pick(info.sea_ports)
            route.document, route.document_type = f"{scac}{d.integer(10**9, 10**10 - 1)}", "BL"
            size = "45R1" if group.reefer else "22G1" if group.container_kg >= 18000 else "45G1"
            if groupage:
                slot = d.integer(0, 2)
                serial = (service.index * 7919 + arrival.toordinal() * 31 + slot * 104729) % 10**6
                numbers = [container_number(owner, serial)]
            else:
                numbers = [
                    container_number(
                        owner if d.chance(0.7) else d.pick(ref.LEASING_OWNERS),
                        d.integer(0, 999_999),
                    )
                    for _ in range(containers)
                ]
            route.containers = [
                {"number": n, "size_type": size, "seal": f"{scac[:2]}{d.integer(10**6, 10**7 - 1)}"}
                for n in numbers
            ]
        elif mode in ("air", "express"):
            name, designator, prefix, nationality = d.choose(self.airlines)
            airport = d.pick(info.airports)
            flight = f"{designator}{100 + (_stable(airport) + _stable(designator) * 7) % 9000}"
            route.means_id, route.nationality, route.voyage = flight, nationality, flight
            route.carrier = {"code": designator, "name": name}
            route.arrival = when - timedelta(days=d.integer(0, 2))
            route.departure = route.arrival - timedelta(days=1)
            route.port_of_loading = airport
            if mode == "air":
                route.document = awb_number(prefix, d.integer(0, 9_999_999))
                route.document_type = "AWB"
            else:
                route.courier = d.pick(ref.EXPRESS_COURIERS)
                route.document = str(d.integer(10**9, 10**10 - 1))
                route.document_type = "HAWB"
        elif mode == "road":
            if country in ref.FERRY_COUNTRIES:
                office = next(o for o in ref.OFFICES if o.code == "NL000402")
            else:
                office = next(o for o in ref.OFFICES if o.code == "NL000401")
            route.office, route.port_of_discharge = office.code, office.place
            nationality = country if d.chance(0.7) else d.choose(self.hauliers)
            letters = "ABCDEFGHJKLMNPRSTVWXYZ"
            plate = (
                f"{d.pick(letters)}{d.pick(letters)}-{d.integer(100, 999)}-"
                f"{d.pick(letters)}{d.pick(letters)}"
            )
            route.means_id, route.nationality = plate, nationality
            route.arrival = when - timedelta(days=d.integer(0, 1))
            route.departure = route.arrival - timedelta(days=d.integer(1, 4))
            route.port_of_loading = d.pick(info.road_places)
            route.document = f"CMR{d.integer(10**7, 10**8 - 1)}"
            route.document_type = "CMR"
        else:  # mail
            service_code = d.choose(POSTAL_SERVICES)
            route.document = s10_number(service_code, d.integer(0, 99_999_999), country)
            route.document_type = "S10"
            route.courier = ref.POSTAL_OPERATOR
            route.arrival = when - timedelta(days=d.integer(1, 6))
            route.departure = route.arrival - timedelta(days=d.integer(2, 8))
            route.port_of_loading = d.pick(info.airports)
        route.place_of_receipt = route.port_of_loading
        return route

    # -- the case ------------------------------------------------------------------------

    def make(self, day: int, when: date, serial: int) -> Case:
        """One declaration on ``when`` (``day`` into the period), numbered ``serial``."""
        world, d, fraud = self.world, self.d, self.fraud
        drift = day >= world.drift_start_day and d.chance(fraud.drift_share)
        if drift:
            importer = world.drift_importers[d.choose(world.drift_weights)]
        else:
            importer = self._importer(day)
        line = importer.lines[d.choose(importer.line_weights)]
        group = line.exporter.group
        mode = d.choose(line.modes)
        broker = None
        if importer.brokers is not None and mode not in ref.SMALL_PARCEL_MODES:
            broker = world.brokers[d.choose(importer.brokers)]
        incoterm = d.choose(self.incoterms[mode])
        adjustment = self._adjustment(incoterm, mode)
        rate = world.rate(when, line.currency)
        consignment_gross, containers, groupage = self._consignment(mode, line)
        true_items = self._items(mode, line, importer, rate, adjustment, consignment_gross)
        items = [i.copy() for i in true_items]
        plan = self._plant(drift, importer, broker, line, mode, items)
        critical = self._critical(mode, line.country)
        mechanisms = plan.mechanisms
        invoice_leak = UNDERVALUATION in mechanisms and d.chance(fraud.invoice_true_value_share)
        hs_leak = MISCLASSIFICATION in mechanisms and d.chance(fraud.invoice_true_hs_share)
        receipt_leak = ORIGIN in mechanisms and d.chance(fraud.manifest_true_receipt_share)

        truth = self._assess(true_items, rate, adjustment, mode, line.claims_preference)
        if mechanisms:
            declared = self._assess(items, rate, adjustment, mode, plan.preference)
        else:
            declared = truth  # nothing was changed on the declared copy

        route = self._route(mode, when, plan.dispatch, plan.service, containers, groupage, group)
        if receipt_leak:
            route.place_of_receipt = d.pick(ref.COUNTRIES[line.country].sea_ports)
        reference = mrn(when.year, ref.IMPORTING_COUNTRY, route.office[-3:], serial)

        courier = Party(*route.courier, ref.IMPORTING_COUNTRY) if route.courier else None
        if courier is not None:
            declarant = courier
        elif broker is not None:
            declarant = broker.party
        else:
            declarant = importer.party
        seller = line.seller if plan.exporter is line.exporter else None
        invoicer = seller or plan.exporter
        invoicer.invoices += 1
        invoice_number = f"{invoicer.invoice_prefix}{when.year % 100:02d}{invoicer.invoices:05d}"
        incoterm_place = self._incoterm_place(incoterm, route, importer)

        # Built directly in the canonical shape: the same keys, order and types as
        # Declaration.model_dump(mode="json", exclude_none=True) (the tests hold it to that).
        # Running every record through Pydantic would cost a fifth of the generation time.
        declaration = {
            "reference": reference,
            "version": 1,
            "declaration_date": when.isoformat(),
            "office": route.office,
            "declaration_type": "IMA",
            "procedure": "4000",
            "declarant": declarant.as_dict(),
            "importer": importer.party.as_dict(),
            "exporter": plan.exporter.party.as_dict(),
            "seller": seller.party.as_dict() if seller else None,
            # The CSV layout carries only the courier id; the courier is also the declarant.
            "courier": {"id": courier.id} if courier else None,
            "country_dispatch": plan.dispatch,
            "country_destination": ref.IMPORTING_COUNTRY,
            "transport_mode": ref.MODE_CODES[mode],
            "transport_means_id": route.means_id,
            "transport_nationality": route.nationality,
            "containers": [c["number"] for c in route.containers],
            "transport_document": route.document,
            "invoice_number": invoice_number,
            "incoterm": incoterm,
            "incoterm_place": incoterm_place,
            "invoice_currency": line.currency,
            "invoice_total": round(sum(i.value for i in items), 2),
            "exchange_rate": rate,
            "customs_value": declared.customs_value,
            "attributes": {},
            "items": [
                {
                    "seq": seq,
                    "hs_code": item.code,
                    "description": item.description,
                    "origin_country": item.origin,
                    "quantity": item.quantity,
                    "quantity_unit": item.unit,
                    "net_mass_kg": item.net,
                    "gross_mass_kg": item.gross,
                    "packages": item.packages,
                    "item_value": item.value,
                    "customs_value": declared.customs_values[seq - 1],
                    "duty_rate": declared.rates[seq - 1],
                    "duty_amount": declared.duties[seq - 1],
                    "tax_amount": declared.taxes[seq - 1],
                    "valuation_method": "1",
                    "preference": self._preference_code(item.origin, plan.preference),
                }
                for seq, item in enumerate(items, start=1)
            ],
        }
        for key in ("seller", "courier", "transport_means_id", "transport_nationality"):
            if declaration[key] is None:  # exclude_none, without rebuilding the dict
                del declaration[key]
        manifest = self._manifest(reference, mode, route, plan.exporter, importer, true_items)
        invoice = self._invoice(
            reference, invoice_number, when, route, invoicer.party, importer, incoterm,
            incoterm_place, line.currency, items, true_items, invoice_leak, hs_leak,
        )  # fmt: skip
        signals = self._signals(mode, plan.dispatch, items, declared, importer, broker, line)
        importer.declarations += 1
        return Case(
            day=day,
            when=when,
            reference=reference,
            mode=mode,
            office=route.office,
            declaration=declaration,
            manifest=manifest,
            invoice=invoice,
            importer=importer,
            broker=broker,
            mechanisms=mechanisms,
            fraud_items=[s for s, i in enumerate(items, start=1) if id(i) in plan.touched],
            critical=critical,
            true_items=true_items,
            true_value=truth.customs_value,
            declared_value=declared.customs_value,
            true_duty_tax=truth.duty_tax,
            declared_duty_tax=declared.duty_tax,
            invoice_leak=invoice_leak,
            signals=signals,
        )

    def _plant(self, drift: bool, importer: Importer, broker: Broker | None, line: SupplyLine,
               mode: str, items: list[Item]) -> _Plan:  # fmt: skip
        """Decide which mechanisms this declaration carries and apply them to ``items``."""
        world, d, fraud = self.world, self.d, self.fraud
        plan = _Plan(line.exporter, line.country, line.service, line.claims_preference)
        if drift:
            if d.chance(fraud.drift_fraud_probability):
                targets = self._undervalue(items, fraud.drift_undervaluation_range, True)
                plan.mark(DRIFT_UNDERVALUATION, targets)
            return plan
        propensity = importer.propensity * (broker.propensity if broker else 1.0)
        parcel = mode in ref.SMALL_PARCEL_MODES
        defended = [i for i in items if i.product.defence and i.product.defence.origin == i.origin]
        if mode == "sea" and line.transit is not None and defended:
            if d.chance(world.mechanism_probability(ORIGIN, propensity)):
                plan.exporter = line.transit
                plan.dispatch = line.transit.party.country
                plan.service = line.transit_service
                plan.preference = ref.COUNTRIES[plan.dispatch].preference is not None
                for item in items:
                    item.origin = plan.dispatch
                plan.mark(ORIGIN, items)  # every item now claims the transit origin
        eligible = [] if parcel else [i for i in items if self._gains_by_decoy(i, plan.preference)]
        if eligible and d.chance(world.mechanism_probability(MISCLASSIFICATION, propensity)):
            self._misclassify(eligible)
            plan.mark(MISCLASSIFICATION, eligible)
        eligible = [
            i for i in items if not parcel and i.gross >= 5 and (i.unit == "KGM" or i.quantity >= 4)
        ]
        if eligible and d.chance(world.mechanism_probability(QUANTITY, propensity)):
            plan.mark(QUANTITY, self._short_ship(eligible))
        if d.chance(world.mechanism_probability(UNDERVALUATION, propensity)):
            targets = self._undervalue(items, fraud.undervaluation_range, d.chance(0.5))
            plan.mark(UNDERVALUATION, targets)
        return plan

    def _critical(self, mode: str, country: str) -> Critical | None:
        """A public-safety case hidden in the consignment, on the routes where they travel."""
        d = self.d
        for route in ref.CRITICAL_ROUTES:
            if mode in route.modes and country in route.countries:
                if d.chance(self.world.mechanism_probability(route.kind, 1.0)):
                    low, high = route.seized_range
                    whole = route.seized_unit == "NAR"
                    return Critical(
                        kind=route.kind,
                        label=d.pick(route.labels),
                        seized_quantity=round(d.between(low, high), 0 if whole else 1),
                        seized_unit=route.seized_unit,
                        concealment=d.pick(route.concealments),
                    )
        return None

    @staticmethod
    def _preference_code(origin: str, claimed: bool) -> str:
        code = ref.COUNTRIES[origin].preference
        return code if claimed and code else "100"

    @staticmethod
    def _incoterm_place(incoterm: str, route: _Route, importer: Importer) -> str:
        if incoterm in ("EXW", "FCA", "FAS", "FOB"):
            return route.port_of_loading
        if incoterm in ("CFR", "CIF", "CPT", "CIP"):
            return route.port_of_discharge
        return importer.place

    def _manifest(self, reference: str, mode: str, route: _Route, exporter: Exporter,
                  importer: Importer, true_items: list[Item]) -> dict[str, Any]:  # fmt: skip
        """The carrier's record. It always shows what was really loaded."""
        group = true_items[0].product.group
        packages = sum(i.packages for i in true_items)
        headings = list(dict.fromkeys(i.product.heading.upper()[:40] for i in true_items))
        words = PACKAGE_WORDS.get(group.package_type, "PACKAGES")
        if mode in ref.SMALL_PARCEL_MODES:
            description = "; ".join(headings)
        else:
            description = f"{packages} {words} STC " + "; ".join(headings)
        manifest = {
            "bl_number": route.document,
            "document_type": route.document_type,
            "declaration_reference": reference,
            "transport_mode": ref.MODE_CODES[mode],
            "carrier": route.carrier,
            "vessel_name": route.vessel_name,
            "transport_means_id": route.means_id,
            "voyage": route.voyage,
            "departure_date": route.departure.isoformat() if route.departure else None,
            "arrival_date": route.arrival.isoformat() if route.arrival else None,
            "place_of_receipt": route.place_of_receipt,
            "port_of_loading": route.port_of_loading,
            "port_of_discharge": route.port_of_discharge,
            "containers": route.containers,
            "shipper": {"name": exporter.party.name, "country": exporter.party.country},
            "consignee": importer.party.as_dict(),
            "goods_description": description,
            "packages": packages,
            "package_type": group.package_type,
            "gross_mass_kg": gross_sum(true_items),
        }
        for key in ("carrier", "vessel_name", "transport_means_id", "voyage", "departure_date",
                    "arrival_date"):  # fmt: skip
            if manifest[key] is None:
                del manifest[key]
        return manifest

    def _invoice(self, reference: str, number: str, when: date, route: _Route, seller: Party,
                 importer: Importer, incoterm: str, place: str, currency: str,
                 items: list[Item], true_items: list[Item], true_value: bool,
                 true_hs: bool) -> dict[str, Any]:  # fmt: skip
        """The commercial invoice; it matches the declaration unless the truth leaked into it."""
        d = self.d
        shipped = route.departure or when
        issued = shipped - timedelta(days=d.integer(0, 10))
        lines: list[dict[str, Any]] = []
        for seq, (item, truth) in enumerate(zip(items, true_items, strict=True), start=1):
            amount = truth.value if true_value else item.value
            shown = truth if true_hs else item
            lines.append(
                {
                    "line": seq,
                    "hs_code": shown.code[:6],
                    "description": shown.product.text if true_hs else item.description,
                    "quantity": item.quantity,
                    "unit": item.unit,
                    "unit_price": round(amount / item.quantity, 4),
                    "amount": amount,
                }
            )
        return {
            "invoice_number": number,
            "invoice_date": issued.isoformat(),
            "declaration_reference": reference,
            "seller": seller.as_dict(),
            "buyer": importer.party.as_dict(),
            "incoterm": incoterm,
            "incoterm_place": place,
            "currency": currency,
            "lines": lines,
            "total": round(sum(line["amount"] for line in lines), 2),
        }

    def _signals(self, mode: str, dispatch: str, items: list[Item], assessed: Assessment,
                 importer: Importer, broker: Broker | None,
                 line: SupplyLine) -> dict[str, bool]:  # fmt: skip
        """The red flags a legacy risk system can see at lodgement."""
        low_price = high_duty = vague = False
        for item, value, rate in zip(items, assessed.customs_values, assessed.rates, strict=True):
            low_price = low_price or value < 0.5 * item.product.legacy_price * item.quantity
            high_duty = high_duty or rate >= 10
            vague = vague or item.description in ref.VAGUE_DESCRIPTIONS
        if mode == "sea":
            watch = dispatch in LEGACY_DRUG_ROUTES
        elif mode in ref.SMALL_PARCEL_MODES:
            watch = dispatch in LEGACY_PARCEL_WATCH or (
                dispatch == "CN" and line.exporter.group.key == "pharma_cosmetics"
            )
        else:
            watch = False
        return {
            "low_price": low_price,
            "high_duty": high_duty,
            "watch_route": watch,
            "new_importer": importer.declarations < 3,
            "importer_record": importer.detected >= 1,
            "broker_record": broker is not None and broker.detected >= 2,
            "vague_description": vague,
            "high_value": assessed.customs_value > 250_000,
        }


def gross_sum(items: list[Item]) -> float:
    return round(sum(i.gross for i in items), 3)

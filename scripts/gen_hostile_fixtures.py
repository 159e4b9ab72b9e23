#!/usr/bin/env python3
"""Write tests/fixtures/hostile-*: small articles we wrote, carrying terminal escape sequences,
control characters, bidi overrides, NUL bytes, invalid UTF-8, UTF-16 and CRLF line ends.
The integration tests (tests/it/source.rs) run them through the real binary.

usage: python3 scripts/gen_hostile_fixtures.py
"""
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures")

TITLE = "Harbour Workers Vote to End the Strike"
P1 = ("Dock workers in the northern port voted on Friday to end a strike that had lasted for "
      "eleven days, after the company agreed to raise their pay by six per cent this year.")
P2 = ("The union said that the agreement would be put to a second vote in the spring, when the "
      "company is due to publish its accounts for the whole of the last year.")

def article(p1=P1, p2=P2, title=TITLE, nl="\n"):
    return nl.join([title, "", p1, "", p2, ""])

FILES = {
    # ESC[2J clears the screen, ESC[31m colours, OSC 52 writes the clipboard (BEL-terminated),
    # OSC 8 hyperlink (ST-terminated), a DCS string, a BEL, C1 controls (CSI U+009B, NEL U+0085).
    "hostile-escapes.txt": article(
        p1="\x1b[2J\x1b[H" + P1[:40] + "\x1b[31m" + P1[40:80] + "\x1b[0m" + P1[80:],
        p2="\x1b]52;c;cm0gLXJmIH4=\x07" + P2[:30] + "\x1b]8;;http://example.invalid\x1b\\"
           + P2[30:70] + "\x1bPq#0;2;0;0;0\x1b\\\x07" + P2[70:100] + "\u009b1m\u0085" + P2[100:],
    ).encode("utf-8"),
    # Bidi overrides and isolates around words; ZWJ emoji and ZWNJ kept.
    "hostile-bidi.txt": article(
        p1=P1[:50] + "\u202e" + "evil" + "\u202c" + P1[50:] + " \U0001F469\u200d\U0001F4BB",
        p2="\u2066" + P2 + "\u2069" + " \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
    ).encode("utf-8"),
    # A NUL byte in the middle: refused as binary.
    "hostile-nul.txt": article().encode("utf-8").replace(b"eleven", b"ele\x00ven"),
    # Latin-1 bytes: invalid UTF-8, decoded lossily with one warning.
    "hostile-latin1.txt": article(p1=P1.replace("northern", "nördlichen")).encode("latin-1"),
    # UTF-16 with BOM, little and big endian, CRLF line ends.
    "hostile-utf16le.txt": b"\xff\xfe" + article(nl="\r\n").encode("utf-16-le"),
    "hostile-utf16be.txt": b"\xfe\xff" + article(nl="\r\n").encode("utf-16-be"),
    # CRLF and a lone CR.
    "hostile-crlf.txt": article(nl="\r\n").replace("\r\n\r\n" + P2, "\r\r" + P2).encode("utf-8"),
    "hostile-empty.txt": b"",
}

for name, data in FILES.items():
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    print(name, len(data))

"""Hostile strings every public input is tried with (and hypothesis adds more)."""

SCRIPT_INJECTION = [
    "<script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "<iframe src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "{{ 7*7 }}{% debug %}",
    "${7*7}",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<style>body{display:none}</style>",
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '"onmouseover="alert(1)',
    "<scr<script>ipt>alert(1)</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "<!--<script>alert(1)//-->",
]
CONTROL_AND_UNICODE = [
    "\x00",
    "null\x00byte",
    "\u202egnp.exe",  # right-to-left override
    "\u200f\u200e\u202a\u202b\u202c",
    "\ufeffBOM",
    "\ud7ff\ue000\uffff",
    "😀" * 50,
    "İıŞşĞğÇçÖöÜü",
    "\r\n\r\nSet-Cookie: x=1",
    "a" * 5000,
    "\t\n\x0b\x0c\r",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
]
SQL_AND_PATHS = [
    "' OR '1'='1",
    "1; DROP TABLE articles_article;--",
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%00",
    "%ff%fe",
    "%c0%af",
    "?",
    "#",
    "//evil.example",
]
NUMBERS = ["-1", "0", "-999999999999", "99999999999999999999", "1e309", "NaN", "0x10", "1.5", ""]

ALL = SCRIPT_INJECTION + CONTROL_AND_UNICODE + SQL_AND_PATHS + NUMBERS

# Turkish dates without Django's zero-padded day: "1 Haziran 2026 · 16:03".
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"

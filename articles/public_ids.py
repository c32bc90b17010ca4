"""Short public IDs such as ``NWURPW``: six uppercase letters or digits."""

import re
import secrets
import string

ALPHABET = string.ascii_uppercase + string.digits
LENGTH = 6
PATTERN = re.compile(rf"^[A-Z0-9]{{{LENGTH}}}$")


def random_public_id() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def is_valid(value: str) -> bool:
    return bool(PATTERN.match(value))

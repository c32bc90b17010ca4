"""URL converters: a public ID is six letters or digits, or the URL does not match."""

from . import public_ids


class PublicIdConverter:
    regex = f"[A-Za-z0-9]{{{public_ids.LENGTH}}}"

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value: str) -> str:
        return value

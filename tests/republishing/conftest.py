import pytest

from tests.factories import make_category, make_source

from .site import serve


@pytest.fixture
def site(httpserver):
    return serve(httpserver)


@pytest.fixture
def dev_source(db):
    return make_source(name="DEV Community", url="https://dev.to", language="en")


@pytest.fixture
def software(db):
    return make_category(name="Software", slug="software")

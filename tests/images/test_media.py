"""Uploaded files served by the app from the media folder, cacheable for a year."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


@pytest.mark.django_db
def test_media_files_are_served_with_a_years_caching(client):
    name = default_storage.save("lead-images/x.webp", ContentFile(b"RIFF0000WEBPVP8 "))
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Content-Type"] == "image/webp"
    assert b"".join(response.streaming_content).startswith(b"RIFF")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["lead-images/missing.jpg", "../config/settings/base.py", "lead-images/", "%2e%2e/x"]
)
def test_nothing_else_is_served_from_there(client, path):
    default_storage.save("lead-images/x.jpg", ContentFile(b"x"))
    client.raise_request_exception = False  # as a server answers: 400 for a traversal
    assert client.get(f"/media/{path}").status_code in (400, 404)
    assert client.post("/media/lead-images/x.jpg").status_code == 405

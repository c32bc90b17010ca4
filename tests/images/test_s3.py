"""Media on S3-compatible storage: a real local S3 server (moto's server mode)."""

import json
import socket
import urllib.request

import boto3
import pytest
from django.core.files.storage import storages

from articles.images.renditions import rendition_paths, renditions_make
from config.settings.base import media_origin, media_storage
from tests.articles.admin_helpers import article_form_data, change_url
from tests.factories import make_article

from .helpers import upload

BUCKET = "broadsheet-media"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings):
    env = {
        "BROADSHEET_S3_BUCKET": BUCKET,
        "BROADSHEET_S3_ENDPOINT_URL": s3_server,
        "BROADSHEET_S3_REGION": "us-east-1",
        "BROADSHEET_S3_ACCESS_KEY_ID": "test-key",
        "BROADSHEET_S3_SECRET_ACCESS_KEY": "test-secret",
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
    )
    client.create_bucket(Bucket=BUCKET)
    # What the README asks of the operator: readers may read, nobody else may write.
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    settings.STORAGES = {**settings.STORAGES, "default": media_storage(env)}
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket_policy(Bucket=BUCKET)
    client.delete_bucket(Bucket=BUCKET)


def keys(client) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


@pytest.mark.django_db
def test_uploads_and_renditions_land_in_the_bucket_and_pages_link_to_it(
    client, editor, bucket, s3_server
):
    assert type(storages["default"]).__name__ == "S3Storage"
    article = make_article()
    client.force_login(editor)
    data = article_form_data(article, lead_image=upload(width=1000, height=600))
    data["lead_image_alt_en"] = "Red and blue"
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert keys(bucket) == {article.lead_image.name}

    made = renditions_make(article=article)  # what the worker's task does
    assert keys(bucket) == {article.lead_image.name, *rendition_paths(made)}
    head = bucket.head_object(Bucket=BUCKET, Key=made["files"]["avif"][0][2])
    assert head["CacheControl"] == "public, max-age=31536000, immutable"
    assert head["ContentType"] == "image/avif"

    client.logout()
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert f'srcset="{s3_server}/{BUCKET}/lead-images/renditions/' in html
    assert f'content="{s3_server}/{BUCKET}/lead-images/renditions/' in html  # og:image
    # The address on the page answers with the picture, unsigned.
    url = f"{s3_server}/{BUCKET}/{made['files']['webp'][0][2]}"
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
        assert response.status == 200 and response.read(12)[8:12] == b"WEBP"
    # The app's own media view serves nothing when the bucket does.
    assert client.get(f"/media/{article.lead_image.name}").status_code == 404


def test_pages_may_load_images_from_the_bucket_csp():
    assert media_origin({}) is None
    env = {"BROADSHEET_S3_BUCKET": "b", "BROADSHEET_S3_ENDPOINT_URL": "https://s3.example/"}
    assert media_origin(env) == "https://s3.example"
    assert media_origin({**env, "BROADSHEET_S3_CUSTOM_DOMAIN": "img.example"}) == (
        "https://img.example"
    )

"""Pages travel compressed to browsers that accept gzip; file downloads do not."""

from __future__ import annotations

import gzip
import io

import pytest
from django.http import FileResponse, HttpResponse
from django.test import Client, RequestFactory

from lms.middleware import PageCompressionMiddleware


@pytest.mark.django_db
def test_a_page_is_sent_gzipped_to_a_browser_that_accepts_it(client: Client) -> None:
    plain = client.get("/en/accounts/login/")
    packed = client.get("/en/accounts/login/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert plain.status_code == packed.status_code == 200
    assert not plain.has_header("Content-Encoding")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    page = gzip.decompress(packed.content).decode()
    assert 'name="password"' in page
    assert len(packed.content) < len(plain.content) / 2


def test_a_file_download_keeps_its_length_and_is_not_recompressed() -> None:
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    download = FileResponse(io.BytesIO(b"%PDF-1.7 " * 500), filename="c.pdf")

    response = PageCompressionMiddleware(lambda request: download).process_response(
        request, download
    )

    assert not response.has_header("Content-Encoding")
    assert response["Content-Length"] == str(len(b"%PDF-1.7 " * 500))


def test_a_rendered_response_is_compressed() -> None:
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    body = b"<p>" + "Модуль ".encode() * 400 + b"</p>"
    page = HttpResponse(body)

    response = PageCompressionMiddleware(lambda request: page).process_response(request, page)

    assert isinstance(response, HttpResponse)
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == body

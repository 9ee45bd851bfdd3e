"""A portal's HTTPS: the certificate its home page's host presents, whether it verifies, and
whether ``http://`` sends visitors to ``https://`` — read once a run, beside its crawl.

The certificate is read by a TLS handshake of its own through the Fetcher's address guard
(the addresses it checked, never a second lookup) and with the Fetcher's trust (the system's
authorities and the catalog's ``politeness.ca_file``). A handshake that verifies gives the
certificate; one that does not is told why by OpenSSL (expired, another host's name, a chain
the server sends incomplete, self-signed) and repeated without verifying, only to read what
the certificate says. No page is requested over it: the crawl's own fetches do that.

No national rule requires HTTPS; what this finds is advice (提示), judged in
``validations.indicators.https_check``.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit, urlunsplit

from cryptography import x509
from cryptography.x509.oid import NameOID

from portal_audit.i18n import TZ, china_today, msg
from portal_audit.records import TlsState

from .fetch import Fetcher, FetchError, _transport_reason

DEFAULT_PORTS = {"http": 80, "https": 443}
# OpenSSL's X509_V_ERR_* codes, as the audit names them
VERIFY_CODES = {10: "expired", 9: "not_yet_valid", 62: "hostname", 64: "hostname", 20: "chain", 21: "chain",
                2: "chain", 18: "self_signed", 19: "self_signed"}


def _unverified() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


async def _handshake(address: str, port: int, host: str, context: ssl.SSLContext, timeout: float) -> bytes:
    """The leaf certificate (DER) ``host`` presents at ``address``."""
    _, writer = await asyncio.wait_for(
        asyncio.open_connection(address, port, ssl=context, server_hostname=host, ssl_handshake_timeout=timeout),
        timeout)
    try:
        der = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
    finally:
        writer.close()
        with contextlib.suppress(OSError, TimeoutError, ssl.SSLError):
            await asyncio.wait_for(writer.wait_closed(), timeout)
    if not der:
        raise ssl.SSLError("no certificate presented")
    return der


def _name(name: x509.Name) -> str:
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        found = name.get_attributes_for_oid(oid)
        if found:
            return str(found[0].value)
    return name.rfc4514_string()


def _last_day(cert: x509.Certificate) -> date:
    return cert.not_valid_after_utc.astimezone(TZ).date()  # China's day, as ``read_on``


def certificate_until(der: bytes) -> date | None:
    """A certificate's last day, in China's calendar (as ``read_on``); None for one the
    parser refuses (OpenSSL accepts more than ``cryptography`` reads)."""
    try:
        return _last_day(x509.load_der_x509_certificate(der))
    except ValueError:
        return None


def _read(der: bytes) -> dict:
    cert = x509.load_der_x509_certificate(der)
    try:
        alt = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = tuple(alt.get_values_for_type(x509.DNSName)) + tuple(
            str(ip) for ip in alt.get_values_for_type(x509.IPAddress))
    except x509.ExtensionNotFound:
        names = ()
    return {"not_after": _last_day(cert), "subject": _name(cert.subject), "names": names, "issuer": _name(cert.issuer)}


async def read_certificate(fetcher: Fetcher, url: str, timeout: float = 10.0) -> TlsState:
    """The certificate of ``url``'s host, and whether it verifies."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    try:
        addresses = await fetcher.addresses(host, port, url)
    except FetchError as exc:
        return TlsState(url, error=exc.msg)
    verified, detail, der, error = "ok", "", None, None
    for address in addresses:
        try:
            der = await _handshake(address, port, host, fetcher.tls_context, timeout)
            break
        except ssl.SSLCertVerificationError as exc:
            verified, detail = VERIFY_CODES.get(exc.verify_code, "other"), exc.verify_message or str(exc)
            try:
                der = await _handshake(address, port, host, _unverified(), timeout)
                break
            except (OSError, TimeoutError, ssl.SSLError) as again:
                error = again
        except (OSError, TimeoutError, ssl.SSLError) as exc:
            error = exc
    if der is None:
        why = msg("tls.timeout") if isinstance(error, TimeoutError) else _transport_reason(error or OSError())
        return TlsState(url, error=why)
    try:
        read = _read(der)
    except ValueError:  # a certificate OpenSSL took and the parser refuses: said, not a crash
        return TlsState(url, error=msg("tls.bad_certificate"))
    return TlsState(url, read_on=china_today(), verified=verified, detail=detail, **read)


def other_scheme(url: str, scheme: str) -> str | None:
    """The home page's address a visitor types in the other scheme — ``http://`` on port 80
    for an ``https://`` page on 443, and the other way round — or None when the page is on
    a port of its own (its twin cannot be guessed)."""
    parts = urlsplit(url)
    if parts.scheme == scheme or parts.port not in (None, DEFAULT_PORTS.get(parts.scheme)):
        return None
    return urlunsplit((scheme, parts.hostname or "", "/", "", ""))


async def inspect_https(fetcher: Fetcher, base_url: str, home_url: str | None, mixed: tuple[str, ...] = (),
                        timeout: float = 10.0) -> TlsState:
    """A portal's HTTPS from its catalog address and where its home page ended up
    (``home_url``, redirects followed; None: not read):

    - served over HTTPS: its certificate, and whether its ``http://`` twin redirects there;
    - served over plain HTTP that redirects to HTTPS: the same, ``redirects`` True;
    - plain HTTP only: its ``https://`` twin's certificate if one answers (``redirects``
      False: visitors are left on HTTP), else ``url`` None — no HTTPS."""
    final = home_url or base_url
    if urlsplit(final).scheme == "https":
        state = await read_certificate(fetcher, final, timeout)
        redirects: bool | None = True if urlsplit(base_url).scheme == "http" else None
        twin = other_scheme(final, "http") if redirects is None else None
        if twin is not None:
            try:
                page = await fetcher.get(twin)
                redirects = urlsplit(page.url).scheme == "https"
            except FetchError:
                redirects = None  # nothing answers on port 80: no plain page to be left on
        return replace(state, redirects=redirects, mixed=mixed)
    twin = other_scheme(final, "https")
    if twin is None:
        return TlsState(None, redirects=False)
    state = await read_certificate(fetcher, twin, timeout)
    if state.error is not None:
        return TlsState(None, redirects=False)
    return replace(state, redirects=False)

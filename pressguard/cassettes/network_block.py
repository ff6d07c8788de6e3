"""Refuse outbound connections and name lookups, as pytest-recording's --block-network does.

Patching socket.connect stops every client in the process, Twisted's
included, so a spider or extractor that reaches for the network during a
replay fails at once with a message instead of quietly going live. Name
lookups are refused too: a DNS query already tells the world what is being
replayed. ModeResolver does the same for Scrapy's own resolver in replay.
"""

from __future__ import annotations

import ipaddress
import socket

from twisted.internet import defer
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IResolverSimple
from zope.interface import implementer

_original = {
    "connect": socket.socket.connect,
    "connect_ex": socket.socket.connect_ex,
    "getaddrinfo": socket.getaddrinfo,
    "gethostbyname": socket.gethostbyname,
    "gethostbyname_ex": socket.gethostbyname_ex,
}

HOW_TO_RECORD = "replay answers from cassettes only (re-record with --record-mode=all)"


class NetworkBlocked(OSError):
    pass


def _is_loopback(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX paths are local by definition
        return True
    host = address[0]
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_numeric(host) -> bool:
    """An address literal (or none): looking it up asks no DNS server."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    try:
        ipaddress.ip_address(str(host).split("%", 1)[0])
    except ValueError:
        return False
    return True


def block_network(allow_loopback: bool = False) -> None:
    """From now on, connecting anywhere (but loopback, if allowed) raises NetworkBlocked,
    and so does looking up any host name (but localhost, if loopback is allowed)."""

    def guard(name):
        original = _original[name]

        def connect(sock, address, *args):
            if allow_loopback and _is_loopback(address):
                return original(sock, address, *args)
            raise NetworkBlocked(f"network blocked during replay: connect to {address!r} refused; {HOW_TO_RECORD}")

        return connect

    def lookup_guard(name):
        original = _original[name]

        def lookup(host, *args, **kwargs):
            if _is_numeric(host) or (allow_loopback and host in ("localhost", b"localhost")):
                return original(host, *args, **kwargs)
            raise NetworkBlocked(f"network blocked during replay: name lookup of {host!r} refused; {HOW_TO_RECORD}")

        return lookup

    socket.socket.connect = guard("connect")
    socket.socket.connect_ex = guard("connect_ex")
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        setattr(socket, name, lookup_guard(name))


def unblock_network() -> None:
    socket.socket.connect = _original["connect"]
    socket.socket.connect_ex = _original["connect_ex"]
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        setattr(socket, name, _original[name])


@implementer(IResolverSimple)
class RefusingResolver:
    """Scrapy's resolver in replay: every lookup fails, naming the host."""

    def __init__(self, reactor):
        self.reactor = reactor

    def install_on_reactor(self) -> None:
        self.reactor.installResolver(self)

    def getHostByName(self, name, timeout=()):  # noqa: N802 - Twisted's interface
        return defer.fail(DNSLookupError(f"{name}: DNS lookups are refused in replay; {HOW_TO_RECORD}"))


class ModeResolver:
    """TWISTED_DNS_RESOLVER: refuse every lookup in replay, Scrapy's caching resolver otherwise."""

    @classmethod
    def from_crawler(cls, crawler, reactor):
        if crawler.settings.get("PRESSGUARD_MODE", "replay") == "replay":
            return RefusingResolver(reactor)
        from scrapy.resolver import CachingThreadedResolver

        return CachingThreadedResolver.from_crawler(crawler, reactor)

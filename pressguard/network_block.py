"""Refuse outbound connections, as pytest-recording's --block-network does.

Patching socket.connect stops every client in the process, Twisted's
included, so a spider or extractor that reaches for the network during a
replay fails at once with a message instead of quietly going live.
"""

from __future__ import annotations

import ipaddress
import socket

_original = {"connect": socket.socket.connect, "connect_ex": socket.socket.connect_ex}


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


def block_network(allow_loopback: bool = False) -> None:
    """From now on, connecting anywhere (but loopback, if allowed) raises NetworkBlocked."""

    def guard(name):
        original = _original[name]

        def connect(sock, address, *args):
            if allow_loopback and _is_loopback(address):
                return original(sock, address, *args)
            raise NetworkBlocked(
                f"network blocked during replay: connect to {address!r} refused; "
                "replay answers from cassettes only (re-record with --record-mode=all)"
            )

        return connect

    socket.socket.connect = guard("connect")
    socket.socket.connect_ex = guard("connect_ex")


def unblock_network() -> None:
    socket.socket.connect = _original["connect"]
    socket.socket.connect_ex = _original["connect_ex"]

"""Run the pressguard CLI with outbound connections refused, as pytest-recording's
--block-network does: any socket connect (Twisted's included) raises."""

import socket
import sys


def _refuse(self, address, *args):
    raise OSError(f"network blocked during replay: connect to {address!r}")


socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse

from pressguard.cli import main  # noqa: E402

sys.exit(main(sys.argv[1:]))

"""Run the pressguard CLI with every outbound connection refused (loopback too),
so a test proves a command never touches the network."""

import sys

from pressguard.cassettes.network_block import block_network

block_network()

from pressguard.cli import main  # noqa: E402

sys.exit(main(sys.argv[1:]))

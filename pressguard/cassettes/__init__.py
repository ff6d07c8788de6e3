"""Cassettes: the recorded pages, their file format, the store and the download handler that replays them."""

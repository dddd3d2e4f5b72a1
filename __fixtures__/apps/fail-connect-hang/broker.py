import os
import socket

BROKER_HOST = os.environ.get("BROKER_HOST", "127.0.0.1")
BROKER_PORT = int(os.environ.get("BROKER_PORT", "5673"))


def connect() -> socket.socket:
    """Opens the connection the order events are published on (no timeout: the broker is always up in prod)."""
    return socket.create_connection((BROKER_HOST, BROKER_PORT))

import socket

# Stands in for a broker that is up but never accepts: its accept queue is full, so a connect without a
# timeout blocks (the kernel drops the SYN and the client retries for minutes). Loopback only.
_held = []


def on_starting(server):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 5673))
    listener.listen(0)
    _held.append(listener)
    for _ in range(2):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(("127.0.0.1", 5673))
        _held.append(filler)

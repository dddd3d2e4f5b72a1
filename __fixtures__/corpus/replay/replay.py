"""Replays one corpus log as a container would: prints its lines verbatim, then exits with the recorded code,
or keeps the port open when the master kept running (never answering, or answering with a recorded status)."""
import argparse
import os
import socket
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("log")
parser.add_argument("--stream", choices=["stdout", "stderr"], default="stderr")
parser.add_argument("--exit", type=int, default=None, help="exit code; omitted: keep running")
parser.add_argument("--status", type=int, default=None, help="HTTP status to answer while running")
args = parser.parse_args()

listener = None
if args.exit is None:
    # Gunicorn binds before it logs, so the port is open before the first line.
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("0.0.0.0", int(os.environ.get("PORT", "8000"))))
    listener.listen(64)

out = sys.stdout if args.stream == "stdout" else sys.stderr
with open(os.path.join("/replay/logs", args.log), "rb") as log:
    out.buffer.write(log.read())
out.flush()

if args.exit is not None:
    # Let the log reach the engine before the process ends.
    time.sleep(0.2)
    sys.exit(args.exit)

held = []
while True:
    client, _ = listener.accept()
    if args.status is None:
        held.append(client)  # accepted, never answered: what a hung master looks like from outside
        continue
    client.recv(65536)
    body = b"replayed"
    client.sendall(b"HTTP/1.1 %d Replay\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s" % (args.status, len(body), body))
    client.close()

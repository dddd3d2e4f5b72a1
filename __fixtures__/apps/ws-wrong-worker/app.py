"""Live price ticker: a Flask API plus a WebSocket echo channel used by the dashboard."""
from flask import Flask, Response, abort, jsonify, request

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok")


# websocket=True: since Werkzeug 2.0 a plain rule answers WebSocket requests with 400 (WebsocketMismatch).
@app.route("/ws", websocket=True)
def ws():
    # GeventWebSocketWorker puts the upgraded socket in the WSGI environ; a plain GET has none.
    socket = request.environ.get("wsgi.websocket")
    if socket is None:
        abort(400, description="Expected a WebSocket upgrade request.")
    while True:
        message = socket.receive()
        if message is None:  # client closed the connection
            break
        socket.send(message)
    return Response()

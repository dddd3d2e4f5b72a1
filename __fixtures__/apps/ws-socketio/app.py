"""Team chat backend: Flask-SocketIO on gevent, one worker (Socket.IO sessions are per process)."""
from flask import Flask, jsonify
from flask_socketio import SocketIO, emit

app = Flask(__name__)
socketio = SocketIO(app, async_mode="gevent", cors_allowed_origins="*")


@app.get("/health")
def health():
    return jsonify(status="ok")


@socketio.on("connect")
def on_connect():
    emit("welcome", {"motd": "hello"})


@socketio.on("echo")
def on_echo(data):
    emit("echo", data)

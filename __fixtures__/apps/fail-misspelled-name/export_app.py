from flask import Flask

from exporter import csv_line

app = Flask(__name__)


@app.get("/health")
def health():
    return csv_line(["status", "ok"])

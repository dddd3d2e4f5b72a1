import os

from flask import Flask, jsonify
from sqlalchemy import text

from notes.models import Note, db


def database_url() -> str:
    url = os.environ["DATABASE_URL"]
    # Hosts hand out postgres:// URLs; SQLAlchemy only accepts the postgresql:// scheme.
    return "postgresql://" + url[len("postgres://"):] if url.startswith("postgres://") else url


def create_app() -> Flask:
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url()
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"connect_args": {"connect_timeout": 5}}
    db.init_app(app)

    with app.app_context():
        # Tables are created when the app boots, so every worker connects while Gunicorn loads it. The workers
        # boot together: a transaction-scoped advisory lock keeps them from racing on the catalog.
        with db.engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(4242)"))
            db.metadata.create_all(connection)

    @app.get("/health")
    def health():
        return jsonify(status="ok", notes=db.session.query(Note).count())

    return app

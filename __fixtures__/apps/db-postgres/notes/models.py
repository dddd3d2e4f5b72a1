from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Note(db.Model):
    __tablename__ = "smoke_notes"

    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.Text, nullable=False)

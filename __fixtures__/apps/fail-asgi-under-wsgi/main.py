"""Orders API: FastAPI, started the way a Flask app would be."""
from fastapi import FastAPI

app = FastAPI()


@app.get("/health")
async def health():
    return {"status": "ok"}

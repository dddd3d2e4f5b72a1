"""The inventory database client: a C driver that gevent cannot patch (psycopg2 without psycogreen, say).

Its calls block the whole worker instead of yielding to other greenlets. `ping()` stands in for a 300 ms
round trip to a busy database: the original, unpatched `time.sleep` blocks the OS thread exactly like a C
driver waiting on its socket. One request at a time, nobody notices. Twenty at once and the worker cannot
send Gunicorn its heartbeat for six seconds: Gunicorn kills it with WORKER TIMEOUT.
"""
from gevent import monkey

_blocking_sleep = monkey.get_original("time", "sleep")


def ping() -> str:
    _blocking_sleep(0.3)
    return "ok"

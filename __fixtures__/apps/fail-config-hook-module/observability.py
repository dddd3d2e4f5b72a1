import os


def sample_rate() -> float:
    # A share of requests to trace, e.g. "0.1".
    return float(os.environ.get("TRACE_SAMPLE_RATE", "10%"))


def start_tracing(service: str, worker_id: int) -> None:
    rate = sample_rate()
    print(f"tracing {service} worker {worker_id} at {rate:.0%}", flush=True)

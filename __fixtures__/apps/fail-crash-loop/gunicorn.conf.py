import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = 2


def post_fork(server, worker):
    from cache_refresher import start_refresher

    start_refresher()

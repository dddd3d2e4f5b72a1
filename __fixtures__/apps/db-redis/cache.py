import os

import redis

# Sessions and rate limits live in Redis: fail at boot rather than on the first request.
client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), socket_connect_timeout=5)
client.ping()

"""The page cache: a Redis client made at import (it connects on first use)."""
import os

import redis

client = redis.StricRedis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))

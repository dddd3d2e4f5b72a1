import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# Two workers per core, at most three on a small runner.
workers = min(3, multiprocessing.cpu_count() * 2)

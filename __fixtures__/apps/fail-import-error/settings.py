import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    env: str = os.environ.get("APP_ENV", "production")
    page_size: int = int(os.environ.get("PAGE_SIZE", "50"))


def load_settings() -> Settings:
    return Settings()

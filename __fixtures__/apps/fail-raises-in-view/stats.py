HITS = 0
LOOKUPS = 0


def hit_ratio():
    # No lookup yet on a fresh start.
    return HITS / LOOKUPS

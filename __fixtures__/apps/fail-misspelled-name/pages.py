"""Paging of the listing: the page size and the largest page a client may ask for."""
PAGE_SIZE = 20
MAX_PAGE = PAGE_SIZ * 50

"""A greenlet vendored from another release (stands in for a wheel built against another greenlet version):
its `greenlet` type does not have the layout gevent's compiled modules were built against."""


class greenlet:
    __slots__ = tuple(f"_slot{i}" for i in range(40))

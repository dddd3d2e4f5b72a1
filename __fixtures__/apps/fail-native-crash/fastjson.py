"""Loads the C JSON codec; stands in for an extension built against another ABI (it reads address 0)."""
import ctypes

NAME = "fastjson"


def _load():
    return ctypes.string_at(0)


_CODEC = _load()

# A C extension, like the real psycopg2: building it needs a compiler and the Python headers.
from setuptools import Extension, setup

setup(
    name="psycopg2",
    version="2.9.9",
    ext_modules=[Extension("psycopg2._psycopg", ["psycopg/psycopgmodule.c"])],
)

"""Formats of the export endpoint."""


def csv_line(values):
    return ",".join(str(value) for value in values)

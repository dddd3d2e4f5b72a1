"""Writes a PEP 503 simple index of /wheels into /index (file:///index), with each wheel's Requires-Python as
data-requires-python, the way PyPI serves it: pip then skips other Pythons' releases and says so."""
import html
import os
import re
import zipfile
from email.parser import Parser

WHEELS, INDEX = "/wheels", "/index"
projects = {}
for name in sorted(os.listdir(WHEELS)):
    requires = None
    if name.endswith(".whl"):
        with zipfile.ZipFile(os.path.join(WHEELS, name)) as wheel:
            meta = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
            requires = Parser().parsestr(wheel.read(meta).decode()).get("Requires-Python")
    project = re.sub(r"[-_.]+", "-", re.split(r"-\d", name, maxsplit=1)[0]).lower()
    projects.setdefault(project, []).append((name, requires))
for project, files in projects.items():
    os.makedirs(os.path.join(INDEX, project), exist_ok=True)
    links = "".join(
        f'<a href="file://{WHEELS}/{name}"'
        + (f' data-requires-python="{html.escape(requires)}"' if requires else "")
        + f">{name}</a>\n"
        for name, requires in files
    )
    with open(os.path.join(INDEX, project, "index.html"), "w") as page:
        page.write(f"<!DOCTYPE html>\n<html><body>\n{links}</body></html>\n")

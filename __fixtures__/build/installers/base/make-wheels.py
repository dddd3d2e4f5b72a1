"""Writes two tiny wheels whose bytes never change (fixed names, contents, order and timestamps), so their sha256
can be pinned in a fixture's requirements file: hashdemo-core 1.0 depends on hashdemo-util>=1.0."""
import base64
import hashlib
import os
import sys
import zipfile

STAMP = (2020, 1, 1, 0, 0, 0)


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def wheel(out, dist, version, requires):
    module = dist.replace("-", "_")
    info = f"{module}-{version}.dist-info"
    metadata = f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n" + "".join(f"Requires-Dist: {r}\n" for r in requires)
    files = [
        (f"{module}/__init__.py", b"VALUE = 1\n"),
        (f"{info}/METADATA", metadata.encode()),
        (f"{info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: make-wheels\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
    ]
    record = "\n".join([record_line(n, d) for n, d in files] + [f"{info}/RECORD,,"]) + "\n"
    files.append((f"{info}/RECORD", record.encode()))
    path = os.path.join(out, f"{module}-{version}-py3-none-any.whl")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            entry = zipfile.ZipInfo(name, STAMP)
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data, zipfile.ZIP_STORED)
    with open(path, "rb") as handle:
        print(os.path.basename(path), hashlib.sha256(handle.read()).hexdigest())


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    wheel(out, "hashdemo-core", "1.0", ["hashdemo-util>=1.0"])
    wheel(out, "hashdemo-util", "1.0", [])

"""Qt's ICU data cut down to the languages the till speaks.

PySide6's libicudata holds ICU's data for every locale there is: 32 MB, the biggest single file
of the bundle. Qt Core reaches that data for collation, case mapping, time-zone names and text
codecs. The bundle keeps every item that is not locale data (converters, normalization, time
zones, likely subtags, the collation root) and the locale data of the till's languages and of
ICU's root locale, which any other locale now falls back to. `icupkg` (ICU's own tool, from
icu-devtools) removes the other items from ICU's data package, and a library with the same
soname and data symbol is assembled around what remains. The rebuilt library is read back and
must hold exactly the trimmed package before it replaces the original.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Collection
from pathlib import Path

from elf import mapped_bytes

# An item of a locale: "ru.res", "coll/ru.res", "zone/en_GB.res", "en_US_POSIX.res".
# Items that are not a locale's have longer names ("pool.res", "zoneinfo64.res") or other types.
LOCALE_ITEM = re.compile(r"(?:[a-z]+/)?(?P<language>[a-z]{2,3})(?:_[A-Za-z0-9]*)*\.res")
DATA_SYMBOL = re.compile(r"icudt\d+_dat")
ASSEMBLY = """\
    .section .rodata
    .globl {symbol}
    .type {symbol}, @object
    .balign 16
{symbol}:
    .incbin "{package}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack,"",@progbits
"""


class IcuDataError(RuntimeError):
    """The ICU data library could not be trimmed; the bundle must not be built without it."""


def is_kept(item: str, languages: Collection[str]) -> bool:
    """Whether the bundle keeps this item of ICU's data package."""
    match = LOCALE_ITEM.fullmatch(item)
    return match is None or match["language"] in languages


def run(tool: str, package: str, *arguments: str | Path) -> str:
    """Run a build tool from the Debian package named; its output."""
    if shutil.which(tool) is None:
        raise IcuDataError(f"{tool} was not found: install {package}")
    command = [tool, *map(str, arguments)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise IcuDataError(f"{' '.join(command)}: {done.stderr.strip()}")
    return done.stdout


def read_package(library: Path) -> tuple[str, bytes]:
    """The name of the library's ICU data symbol and the data package it points at."""
    listing = run("nm", "binutils", "--dynamic", "--defined-only", "--print-size", library)
    for fields in map(str.split, listing.splitlines()):
        if len(fields) == 4 and DATA_SYMBOL.fullmatch(fields[3]):
            address, size, _kind, name = fields
            return name, mapped_bytes(library.read_bytes(), int(address, 16), int(size, 16))
    raise IcuDataError(f"{library} exports no ICU data symbol (icudtNN_dat)")


def icupkg(*arguments: str | Path) -> str:
    """Run ICU's package tool; its output."""
    return run("icupkg", "icu-devtools", *arguments)


def assemble(symbol: str, package: Path, library: Path) -> None:
    """Build a data-only library exporting `package` as `symbol`, its soname its file name."""
    source = package.with_suffix(".S")
    source.write_text(ASSEMBLY.format(symbol=symbol, package=package))
    soname = f"-Wl,-soname,{library.name}"
    run("gcc", "gcc", "-shared", "-nostdlib", soname, "-o", library, source)


def trim_icu_data(library: Path, languages: Collection[str]) -> int:
    """Replace `library` by one holding only the ICU data the languages need; the bytes saved."""
    symbol, package = read_package(library)
    # icupkg names a package after its items' prefix: "icudt73l" for icudt73_dat, little-endian
    name = f"{symbol.removesuffix('_dat')}l.dat"
    with tempfile.TemporaryDirectory(prefix="pos-client-icu-") as scratch:
        whole, trimmed, rebuilt = Path(scratch, "whole"), Path(scratch, "trimmed"), Path(scratch)
        whole.mkdir()
        trimmed.mkdir()
        (whole / name).write_bytes(package)
        items = icupkg("--list", whole / name).split()
        dropped = [item for item in items if not is_kept(item, languages)]
        if not dropped:
            return 0
        (rebuilt / "dropped.txt").write_text("\n".join(dropped) + "\n")
        icupkg("--remove", rebuilt / "dropped.txt", whole / name, trimmed / name)
        kept = [item for item in items if is_kept(item, languages)]
        if sorted(icupkg("--list", trimmed / name).split()) != sorted(kept):
            raise IcuDataError(f"the trimmed ICU data of {library.name} lacks items it should keep")
        rebuilt_library = rebuilt / library.name
        assemble(symbol, trimmed / name, rebuilt_library)
        if read_package(rebuilt_library) != (symbol, (trimmed / name).read_bytes()):
            raise IcuDataError(f"the rebuilt {library.name} does not hold the trimmed ICU data")
        saved = library.stat().st_size - rebuilt_library.stat().st_size
        shutil.copyfile(rebuilt_library, library)
    return saved

"""Strip the symbol tables of the bundle's libraries where the loader provably maps the same.

auditwheel's patchelf moves parts of some wheel libraries into segments of its own, and
binutils' `strip` can cut those short (NumPy's OpenBLAS then fails to load, "ELF load command
address/offset not page-aligned"). So every library is stripped into a copy, and the copy
replaces it only when the loader would map exactly the same thing from both: the same program
headers (addresses, sizes, flags, alignment) and the same bytes in every segment.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from elf import program_headers


@dataclass(frozen=True)
class Segment:
    """One program header as the loader sees it: everything but where its bytes sit in the file."""

    kind: int
    flags: int
    vaddr: int
    paddr: int
    memsz: int
    align: int
    content: bytes
    offset_congruent: bool  # offset ≡ vaddr (mod align), as the loader requires


def loaded_image(path: Path) -> tuple[Segment, ...] | None:
    """The segments of a 64-bit little-endian ELF file; None for anything else."""
    data = bytearray(path.read_bytes())
    headers = program_headers(data)
    if headers is None:
        return None
    # The header's section table fields (e_shoff; e_shentsize, e_shnum, e_shstrndx) are
    # what strip must change and what the loader never reads, though the first segment maps them.
    data[0x28:0x30] = bytes(8)
    data[0x3A:0x40] = bytes(6)
    return tuple(
        Segment(
            kind=header.kind,
            flags=header.flags,
            vaddr=header.vaddr,
            paddr=header.paddr,
            memsz=header.memsz,
            align=header.align,
            content=bytes(data[header.offset : header.offset + header.filesz]),
            offset_congruent=header.align <= 1
            or (header.vaddr - header.offset) % header.align == 0,
        )
        for header in headers
    )


def strip_safely(library: Path, scratch: Path) -> int:
    """Strip `library` in place if that leaves its loaded image unchanged; the bytes saved
    (0 when it is not an ELF file, has nothing to strip, or would load differently)."""
    before = loaded_image(library)
    if before is None:
        return 0
    stripped = scratch / library.name
    shutil.copy2(library, stripped)
    subprocess.run(["strip", "--strip-unneeded", str(stripped)], check=True)
    saved = library.stat().st_size - stripped.stat().st_size
    if saved <= 0 or loaded_image(stripped) != before:
        return 0
    shutil.copy2(stripped, library)
    return saved


def strip_all(libraries: list[Path]) -> int:
    """Strip every library that can be stripped safely; the bytes saved."""
    with tempfile.TemporaryDirectory(prefix="pos-client-strip-") as scratch:
        return sum(strip_safely(library, Path(scratch)) for library in libraries)

"""The little of the ELF format the packaging steps read: 64-bit little-endian program headers."""

from __future__ import annotations

import struct
from typing import NamedTuple

ELF64_LITTLE_ENDIAN = b"\x7fELF\x02\x01"
PROGRAM_HEADER = struct.Struct("<IIQQQQQQ")  # the fields of ProgramHeader, in order
PT_LOAD = 1


class ProgramHeader(NamedTuple):
    """One entry of the program header table, the loader's view of a file."""

    kind: int
    flags: int
    offset: int
    vaddr: int
    paddr: int
    filesz: int
    memsz: int
    align: int


def program_headers(data: bytes | bytearray) -> list[ProgramHeader] | None:
    """The program headers of a 64-bit little-endian ELF file; None for anything else."""
    if not data.startswith(ELF64_LITTLE_ENDIAN):
        return None
    (table,) = struct.unpack_from("<Q", data, 0x20)
    entry_size, count = struct.unpack_from("<HH", data, 0x36)
    return [
        ProgramHeader(*PROGRAM_HEADER.unpack_from(data, table + index * entry_size))
        for index in range(count)
    ]


def mapped_bytes(data: bytes, address: int, size: int) -> bytes:
    """The `size` bytes the loader maps at `address` from the file's loadable segments."""
    for header in program_headers(data) or ():
        if (
            header.kind == PT_LOAD
            and header.vaddr <= address <= header.vaddr + header.filesz - size
        ):
            start = header.offset + address - header.vaddr
            return data[start : start + size]
    raise ValueError(f"no loadable segment holds {size} bytes at {address:#x}")

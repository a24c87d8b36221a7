"""Sets of document numbers as Python ints: bit n is set when document n is in the set."""

from __future__ import annotations

from collections import deque
from itertools import repeat


def from_bits(bits: int, limit: int = -1) -> list[int]:
    """The positions of the bits set in `bits`, lowest first (the first `limit`, if given)."""
    digits = bin(bits)  # the highest bit first, after "0b"
    top = len(digits) - 1
    numbers: list[int] = []
    at = digits.rfind("1")
    while at > 1 and len(numbers) != limit:
        numbers.append(top - at)
        at = digits.rfind("1", 0, at)
    return numbers


def to_bits(posting: list[int], size: int) -> int:
    """An int whose bit n is set when n is in `posting` (numbers below `size`)."""
    flags = bytearray(size)  # a byte a document: 1 where it holds the word
    deque(map(flags.__setitem__, posting, repeat(1)), maxlen=0)
    found = 0
    for bit in range(8):  # byte n // 8 of the int holds document n as its bit n % 8
        found |= int.from_bytes(flags[bit::8], "little") << bit
    return found

#!/usr/bin/env python3
"""Writes the hostile-upload corpus next to this script, byte for byte the same on every run.

Every file is built here from constants or cut from one committed sample photo (testimages/), with the Python
standard library only. manifest.json (kept by hand next to this script) says what each file is and the answer the
drop endpoint must give. Large cases (a 200 MB body, a 60000x60000 JPEG header, multi-megabyte EXIF) are produced
by the test itself so the repository stays small.

Run: python3 testimages/hostile/make_corpus.py
"""
import io
import os
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE_JPEG = os.path.join(HERE, "..", "kz.president.2019_bad_handwritten_s2026_0001.jpg")


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width: int, height: int, raw: bytes, bit_depth: int = 8, colour_type: int = 2, level: int = 9) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, level)) + chunk(b"IEND", b"")


def small_png() -> bytes:
    rows = b"".join(b"\x00" + bytes((x * 4 + y) % 256 for x in range(32) for _ in range(3)) for y in range(32))
    return png(32, 32, rows)


def png_bomb() -> bytes:
    """20000x20000 1-bit greyscale of zeros: 50 MB of pixels (1.2 GB as 24-bit) from ~50 KB of zlib."""
    width = height = 20000
    compressor = zlib.compressobj(9)
    row = b"\x00" + bytes(width // 8)
    body = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def jpeg_header(width: int, height: int, tail: bytes = b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\x00\xff\xd9") -> bytes:
    """SOI, a baseline SOF0 declaring the size, a scan header and EOI: a structurally complete JPEG with no pixels."""
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + sof + tail


def box(kind: bytes, content: bytes) -> bytes:
    return struct.pack(">I", len(content) + 8) + kind + content


def heic(brands: list, extents: list, mdat: int = 256) -> bytes:
    ftyp = box(b"ftyp", brands[0] + b"\x00\x00\x00\x00" + b"".join(brands[1:]))
    ipco = box(b"ipco", b"".join(box(b"ispe", b"\x00" * 4 + struct.pack(">II", w, h)) for w, h in extents))
    meta = box(b"meta", b"\x00" * 4 + box(b"hdlr", bytes(24)) + box(b"iprp", ipco))
    return ftyp + meta + box(b"mdat", bytes(mdat))


def webp_vp8x(width: int, height: int) -> bytes:
    vp8x = b"VP8X" + struct.pack("<I", 10) + b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    body = b"WEBP" + vp8x
    return b"RIFF" + struct.pack("<I", len(body)) + body


def zip_with_photo(photo: bytes) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("protocol.jpg", date_time=(2026, 1, 1, 0, 0, 0))
        archive.writestr(info, photo)
    return stream.getvalue()


def main() -> None:
    with open(SAMPLE_JPEG, "rb") as sample_file:
        sample = sample_file.read()
    tiny_png = small_png()
    files = {
        "zero-bytes.jpg": b"",
        "one-byte.jpg": b"\xff",
        "jpeg-soi-only.jpg": b"\xff\xd8\xff",
        "jpeg-cut-in-half.jpg": sample[: len(sample) // 2],
        "jpeg-cut-after-header.jpg": sample[:700],
        "jpeg-without-frame.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9",
        "jpeg-scan-before-frame.jpg": b"\xff\xd8\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\x00\xff\xd9",
        "jpeg-zero-size.jpg": jpeg_header(0, 0),
        "jpeg-65535x65535.jpg": jpeg_header(65535, 65535),
        "jpeg-segment-length-1.jpg": b"\xff\xd8\xff\xe1\x00\x01" + bytes(32),
        "jpeg-magic-then-html.jpg": b"\xff\xd8\xff\xe0" + b"<html><script>alert(1)</script></html>",
        "png-signature-only.png": b"\x89PNG\r\n\x1a\n",
        "png-cut-in-half.png": tiny_png[: len(tiny_png) // 2],
        "png-ihdr-missing.png": b"\x89PNG\r\n\x1a\n" + chunk(b"IEND", b""),
        "png-zero-size.png": b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 0, 0, 8, 2, 0, 0, 0)) + chunk(b"IEND", b""),
        "png-chunk-length-4gb.png": b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 0xFFFFFFF0) + b"IHDR" + bytes(20),
        "png-decompression-bomb-20000x20000.png": png_bomb(),
        "png-60000x60000-header.png": b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)) + chunk(b"IEND", b""),
        "webp-riff-size-beyond-file.webp": b"RIFF" + struct.pack("<I", 100000) + b"WEBPVP8 " + bytes(20),
        "webp-bad-vp8-start-code.webp": b"RIFF" + struct.pack("<I", 22) + b"WEBPVP8 " + struct.pack("<I", 10) + bytes(10),
        "webp-vp8x-16384x16384.webp": webp_vp8x(16384, 16384),
        "heic-absurd-grid-65536x65536.heic": heic([b"heic", b"mif1", b"heic"], [(512, 512), (65536, 65536)]),
        "heic-grid-tiles-no-extent.heic": heic([b"heic", b"mif1"], []),
        "heic-box-overruns-file.heic": heic([b"heic", b"mif1"], [(4032, 3024)])[:60],
        "avif-renamed.heic": heic([b"avif", b"mif1", b"avif"], [(640, 480)]),
        "html-renamed.jpg": b"<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>",
        "svg-renamed.jpg": b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000">'
                           b'<script>alert(1)</script></svg>',
        "php-webshell-renamed.jpg": b"<?php system($_GET['c']); ?>",
        "zip-renamed.jpg": zip_with_photo(sample[:4096]),
        "pdf-renamed.jpg": b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                           b"trailer<</Root 1 0 R>>\n%%EOF\n",
        "gif-renamed.jpg": b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
                           b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
        "bmp-renamed.jpg": b"BM" + struct.pack("<IHHI", 62, 0, 0, 54) + struct.pack("<IiiHHIIiiII", 40, 1, 1, 1, 24, 0, 8, 0, 0, 0, 0) + bytes(8),
        "tiff-renamed.jpg": b"II*\x00\x08\x00\x00\x00\x00\x00",
        "elf-renamed.jpg": b"\x7fELF\x02\x01\x01" + bytes(57),
        "random-bytes.jpg": bytes((i * 7919 + 13) % 251 for i in range(4096)),
        "utf16-text-renamed.jpg": "protocol 123".encode("utf-16"),
    }
    for name, data in files.items():
        with open(os.path.join(HERE, name), "wb") as out:
            out.write(data)
    print(f"{len(files)} files written to {HERE}")


if __name__ == "__main__":
    main()

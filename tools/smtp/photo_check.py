"""Photos for the newsfeed tests, made and read by a library that is not ours (Pillow).

  photo_check.py gps-jpeg OUT     a 60x40 JPEG, left half red, right half blue, tagged with
                                  EXIF orientation 6 (turn 90 degrees clockwise to show), a GPS
                                  position, a camera make and model
  photo_check.py bomb-png OUT W H a W x H greyscale PNG of zeros: a few hundred KB that would
                                  inflate to W*H bytes
  photo_check.py inspect FILE     JSON: format, size, EXIF tags, metadata Pillow found, whether
                                  the bytes hold an EXIF or XMP block, a WebP's RIFF chunks,
                                  and the colour at the top and bottom middle
"""

import io
import json
import struct
import sys
import zlib

from PIL import Image


def gps_jpeg(out):
    image = Image.new("RGB", (60, 40), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 30, 40))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    exif[0x010F] = "SchoolCam"  # Make
    exif[0x0110] = "Model 7"  # Model
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (51.0, 30.0, 12.5)
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 39.9)
    image.save(out, "JPEG", exif=exif, quality=95)


def bomb_png(out, width, height):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    compressor = zlib.compressobj(9)
    row = b"\0" * (width + 1)  # filter byte and a row of zeros
    idat = bytearray()
    for _ in range(height):
        idat += compressor.compress(row)
    idat += compressor.flush()
    with open(out, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)))
        f.write(chunk(b"IDAT", bytes(idat)))
        f.write(chunk(b"IEND", b""))


def riff_chunks(data):
    """The FourCC of each chunk of a RIFF (WebP) file, in order; empty for any other file."""
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return []
    chunks, at = [], 12
    while at + 8 <= len(data):
        size = struct.unpack("<I", data[at + 4 : at + 8])[0]
        chunks.append(data[at : at + 4].decode("latin-1"))
        at += 8 + size + (size & 1)
    return chunks


def inspect(path):
    data = open(path, "rb").read()
    image = Image.open(io.BytesIO(data))
    exif = image.getexif()
    rgb = image.convert("RGB")
    width, height = rgb.size
    report = {
        "format": image.format,
        "width": width,
        "height": height,
        "exif": {str(k): str(v) for k, v in exif.items()},
        "gps": {str(k): str(v) for k, v in exif.get_ifd(0x8825).items()},
        "info": sorted(k for k in image.info if k not in ("jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi")),
        "exif_block": b"Exif\0\0" in data,
        "xmp_block": b"http://ns.adobe.com/xap/" in data,
        "webp_chunks": riff_chunks(data),
        "top": list(rgb.getpixel((width // 2, height // 8))),
        "bottom": list(rgb.getpixel((width // 2, height - 1 - height // 8))),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "gps-jpeg":
        gps_jpeg(sys.argv[2])
    elif command == "bomb-png":
        bomb_png(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif command == "inspect":
        inspect(sys.argv[2])
    else:
        sys.exit(f"unknown command {command}")

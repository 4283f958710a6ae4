"""A camera photo to test metadata with: four flat quadrants stored turned, with camera EXIF
(orientation 6, make, model, date taken, GPS location) and an XMP packet."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import ExifTags, Image

MAKE, MODEL, TAKEN = "Canon", "EOS 5D Mark IV", "2024:05:06 07:08:09"
EXIF_IFD, GPS_IFD, IFD1 = ExifTags.IFD.Exif, ExifTags.IFD.GPSInfo, ExifTags.IFD.IFD1
ORIENTATION = ExifTags.Base.Orientation
DATE_TAKEN = ExifTags.Base.DateTimeOriginal
QUADRANTS = np.array([[200, 30, 30], [30, 160, 40], [20, 40, 190], [230, 220, 40]], np.uint8)

XMP = (
    b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
    b' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
    b'  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
    b' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="4">\n'
    b'   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Caf\xc3\xa9 \xe2\x98\x95</rdf:li>'
    b"</rdf:Alt></dc:title>\n"
    b"  </rdf:Description>\n"
    b" </rdf:RDF>\n"
    b"</x:xmpmeta>\n" + b" " * 200 + b'\n<?xpacket end="w"?>'
)
XMP_WITH_GPS = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description rdf:about="" xmlns:ex="http://ns.adobe.com/exif/1.0/" '
    b'xmlns:tiff="http://ns.adobe.com/tiff/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    b'ex:GPSLatitude="48,51.5N" ex:GPSLongitude=\'2,17.6E\' tiff:Orientation="6" '
    b'ex:DateTimeOriginal="2024-05-06T07:08:09">'
    b"<ex:GPSVersionID>2.2.0.0</ex:GPSVersionID>"
    b'<ex:GPSAltitude rdf:resource="x"/>'
    b'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Paris</rdf:li></rdf:Alt></dc:title>'
    b"</rdf:Description></rdf:RDF></x:xmpmeta>"
)


def upright() -> np.ndarray:
    """A 40 x 24 image of four flat quadrants, as it should be seen."""
    rgb = np.empty((24, 40, 3), np.uint8)
    rgb[:12, :20], rgb[:12, 20:], rgb[12:, :20], rgb[12:, 20:] = QUADRANTS
    return rgb


def camera_exif(orientation: int = 6, gps: bool = True) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = MAKE
    exif[ExifTags.Base.Model] = MODEL
    exif[ORIENTATION] = orientation
    sub = exif.get_ifd(EXIF_IFD)
    sub[DATE_TAKEN] = TAKEN
    sub[ExifTags.Base.ExifImageWidth] = 24
    sub[ExifTags.Base.ExifImageHeight] = 40
    if gps:
        location = exif.get_ifd(GPS_IFD)
        location[ExifTags.GPS.GPSLatitudeRef] = "N"
        location[ExifTags.GPS.GPSLatitude] = (48.0, 51.0, 30.0)
        location[ExifTags.GPS.GPSLongitudeRef] = "E"
        location[ExifTags.GPS.GPSLongitude] = (2.0, 17.0, 40.0)
    return exif


def camera_photo(path: Path, fmt: str = "JPEG", **save_options: object) -> Path:
    """The upright image stored turned (EXIF orientation 6 turns it back), with camera EXIF."""
    stored = Image.fromarray(upright()).transpose(Image.Transpose.ROTATE_90)
    save_options.setdefault("exif", camera_exif())
    if fmt == "JPEG":
        save_options.setdefault("quality", 95)
    stored.save(path, fmt, **save_options)
    return path

"""Photo metadata carried from the original into the compressed file: EXIF, XMP, PNG text.

Read once when an image is loaded (:func:`screen_png` before Pillow opens a PNG,
:func:`read_metadata` from the opened image), filtered per mode (:meth:`PhotoMetadata.carried`)
and written per format (:meth:`Carried.png_chunks`, :meth:`Carried.webp_options`; GIF holds
none). Bad or oversized metadata is dropped with a notice; it never stops the image.
"""

from __future__ import annotations

import re
import struct
import warnings
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree

from PIL import ExifTags, Image

__all__ = [
    "DEFAULT_METADATA",
    "GIF_NOTICE",
    "WEBP_TEXT_NOTICE",
    "MAX_EXIF_BYTES",
    "MAX_TEXT_BYTES",
    "MAX_XMP_BYTES",
    "METADATA_MODES",
    "NO_METADATA",
    "Carried",
    "PhotoMetadata",
    "PngText",
    "PngTexts",
    "read_metadata",
    "screen_png",
]

METADATA_MODES: tuple[str, ...] = ("keep", "no-location", "strip")
"""keep: everything; no-location: everything but GPS coordinates; strip: nothing."""

DEFAULT_METADATA = "no-location"
"""A compressed copy is often one to share: its location is left out unless asked for."""

MAX_EXIF_BYTES = 256 * 1024
"""Larger EXIF is dropped with a notice (a JPEG's EXIF segment holds at most 64 KB)."""
MAX_XMP_BYTES = 1024 * 1024
"""Larger XMP is dropped with a notice (Pillow's own limit for one PNG text chunk)."""
MAX_TEXT_BYTES = 256 * 1024
"""The PNG text chunks of one image, decompressed, together; beyond, chunks are dropped."""
MAX_TEXT_CHUNKS = 64
"""At most this many PNG text chunks are read (the XMP apart)."""

GIF_NOTICE = "GIF holds no photo metadata: EXIF, XMP and text are not kept"
WEBP_TEXT_NOTICE = "WebP holds no text fields: the PNG's text chunks are not kept"

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_TEXT_KINDS = frozenset({b"tEXt", b"zTXt", b"iTXt"})
_XMP_KEYWORD = "XML:com.adobe.xmp"
_RAW_PROFILE = "Raw profile type "  # ImageMagick's hex-encoded EXIF/IPTC/XMP in PNG text

_ORIENTATION = ExifTags.Base.Orientation
_EXIF_IFD = ExifTags.IFD.Exif
_GPS_IFD = ExifTags.IFD.GPSInfo
_PIXEL_X, _PIXEL_Y = ExifTags.Base.ExifImageWidth, ExifTags.Base.ExifImageHeight
_SWAPS_SIDES = frozenset({5, 6, 7, 8})  # orientations that turn the image by 90 degrees

# IFD0 tags that describe how the original's pixels were stored (TIFF inputs), or data carried
# on their own (XMP, ICC): none of them is true of the output.
_STORAGE_TAGS = frozenset({
    254, 255, 256, 257, 258, 259, 262, 263, 266, 273, 277, 278, 279, 280, 281, 284, 292, 293,
    317, 320, 322, 323, 324, 325, 330, 338, 339, 340, 341, 347, 513, 514, 530,
    700, 33723, 34377, 34675, 37724,
})  # fmt: skip

_EXIF_NAMESPACES = ("http://ns.adobe.com/exif/1.0/", "http://cipa.jp/exif/1.0/")
_TIFF_NAMESPACE = "http://ns.adobe.com/tiff/1.0/"


# --------------------------------------------------------------------------------------------
# PNG text chunks, read before Pillow opens the file
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PngText:
    """One tEXt, zTXt or iTXt chunk of a PNG input, kept as it was written."""

    kind: bytes
    data: bytes
    keyword: str


@dataclass(frozen=True)
class PngTexts:
    """What :func:`screen_png` found: the text chunks to keep, the XMP, and the problems."""

    texts: tuple[PngText, ...] = ()
    xmp: bytes | None = None
    notices: tuple[str, ...] = ()


class _Refused(Exception):
    """A text chunk that is not kept; ``args[0]`` is the reason's key."""


def screen_png(data: bytes) -> tuple[bytes, PngTexts | None]:
    """Read a PNG's text chunks with bounded decompression, and remove the refused ones.

    A refused chunk (malformed, bad checksum, too large, or past the limits) is also cut out of
    the data handed to Pillow, whose own reader would otherwise fail the whole image on it
    (a compressed text chunk inflating past 1 MB, say).

    Parameters
    ----------
    data : bytes
        A file's content.

    Returns
    -------
    data : bytes
        `data` itself, or a copy without the refused chunks.
    texts : PngTexts or None
        None when `data` is not a PNG file.
    """
    if not data.startswith(_PNG_SIGNATURE):
        return data, None
    view = memoryview(data)
    texts: list[PngText] = []
    xmp: bytes | None = None
    refused: list[tuple[int, int]] = []
    reasons: dict[str, int] = {}
    budget, count = MAX_TEXT_BYTES, 0
    pos = len(_PNG_SIGNATURE)
    while pos + 12 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, pos)
        end = pos + 12 + length
        if end > len(data) or kind == b"IEND":
            break
        if kind in _TEXT_KINDS or kind == b"eXIf":
            body = view[pos + 8 : pos + 8 + length]
            try:
                (crc,) = struct.unpack_from(">I", data, pos + 8 + length)
                if zlib.crc32(body, zlib.crc32(kind)) != crc:
                    raise _Refused("exif malformed" if kind == b"eXIf" else "malformed")
                if kind == b"eXIf":
                    if length > 4 * MAX_EXIF_BYTES:
                        raise _Refused("exif too large")
                else:
                    keyword, text = _text_chunk(kind, body, budget)
                    if keyword == _XMP_KEYWORD:
                        if kind != b"iTXt" or xmp is not None:
                            raise _Refused("malformed")
                        xmp = text
                    else:
                        count += 1
                        if count > MAX_TEXT_CHUNKS:
                            raise _Refused("too large")
                        budget -= len(text)
                        if not keyword.startswith(_RAW_PROFILE):
                            texts.append(PngText(kind, bytes(body), keyword))
            except _Refused as refusal:
                refused.append((pos, end))
                reasons[refusal.args[0]] = reasons.get(refusal.args[0], 0) + 1
        pos = end
    if refused:
        kept, start = [], 0
        for cut_start, cut_end in refused:
            kept.append(view[start:cut_start])
            start = cut_end
        kept.append(view[start:])
        data = b"".join(kept)
    return data, PngTexts(tuple(texts), xmp, tuple(_refusal_notices(reasons)))


def _text_chunk(kind: bytes, body: memoryview, budget: int) -> tuple[str, bytes]:
    """(keyword, text) of a tEXt, zTXt or iTXt chunk whose text is at most `budget` bytes (the
    XMP: MAX_XMP_BYTES); raises _Refused otherwise."""
    head, sep, _ = bytes(body[:80]).partition(b"\0")
    if not sep or not 1 <= len(head) <= 79:
        raise _Refused("malformed")
    keyword = head.decode("latin-1")
    if keyword == _XMP_KEYWORD:
        limit, too_long, bomb = MAX_XMP_BYTES, "xmp too large", "xmp too large"
    else:
        limit, too_long, bomb = budget, "too large", "bomb"
    payload = body[len(head) + 1 :]
    if len(payload) > 2 * limit + 4096:  # even stored (not deflated) it would be too long
        raise _Refused(too_long)
    if kind == b"tEXt":
        text = bytes(payload)
    elif kind == b"zTXt":
        if len(payload) < 1 or payload[0] != 0:
            raise _Refused("malformed")
        text = _inflate(payload[1:], limit, bomb)
    else:  # iTXt: compressed flag, method, language tag \0 translated keyword \0 UTF-8 text
        parts = bytes(payload[2:]).split(b"\0", 2)
        if len(payload) < 2 or payload[0] not in (0, 1) or payload[1] != 0 or len(parts) != 3:
            raise _Refused("malformed")
        text = _inflate(memoryview(parts[2]), limit, bomb) if payload[0] else parts[2]
        try:
            for part in (parts[0], parts[1], text):
                part.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _Refused("malformed") from exc
    if len(text) > limit:
        raise _Refused(too_long)
    return keyword, text


def _inflate(compressed: memoryview, limit: int, reason: str) -> bytes:
    """Decompress a zlib stream into at most `limit` bytes (never more memory than that);
    `reason` is the refusal when it holds more."""
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(compressed, limit + 1)
    except zlib.error as exc:
        raise _Refused("malformed") from exc
    if len(text) > limit or inflater.unconsumed_tail:
        raise _Refused(reason)
    if not inflater.eof:
        raise _Refused("malformed")
    return text


_REFUSALS = {
    "malformed": "PNG text: {chunks} malformed, not kept",
    "too large": (
        f"PNG text: {{chunks}} over the limit ({MAX_TEXT_BYTES // 1024} KB and "
        f"{MAX_TEXT_CHUNKS} chunks in all), not kept"
    ),
    "bomb": (
        f"PNG text: {{chunks}} expanding beyond the {MAX_TEXT_BYTES // 1024} KB limit "
        "(a decompression bomb), not kept"
    ),
    "xmp too large": f"XMP over the {MAX_XMP_BYTES // 1024**2} MB limit: not kept",
    "exif malformed": "the EXIF data are malformed: not kept",
    "exif too large": f"EXIF over the {MAX_EXIF_BYTES // 1024} KB limit: not kept",
}


def _refusal_notices(reasons: dict[str, int]) -> list[str]:
    """One notice per kind of refusal, with the number of chunks."""
    return [
        _REFUSALS[key].format(chunks="1 chunk" if count == 1 else f"{count} chunks")
        for key, count in reasons.items()
    ]


# --------------------------------------------------------------------------------------------
# Reading from the opened image
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Carried:
    """The metadata one output carries: EXIF, XMP and PNG text chunks, and what was left out.

    ``exif`` is TIFF-structured (from ``II``/``MM``) with the orientation 1 and no thumbnail.
    """

    exif: bytes | None = None
    xmp: bytes | None = None
    texts: tuple[PngText, ...] = ()
    left_out: str = ""  # "GPS location removed", "metadata stripped" or ""
    notices: tuple[str, ...] = ()

    def holds_any(self) -> bool:
        """Whether there is anything to write."""
        return bool(self.exif or self.xmp or self.texts)

    def format_notices(self, fmt: str) -> tuple[str, ...]:
        """What an output in `fmt` cannot hold of it (GIF: anything; WebP: text chunks)."""
        if fmt == "gif" and self.holds_any():
            return (GIF_NOTICE,)
        if fmt == "webp" and self.texts:
            return (WEBP_TEXT_NOTICE,)
        return ()

    def png_chunks(self) -> list[tuple[bytes, bytes]]:
        """(chunk type, chunk data) for a PNG: eXIf, the XMP as iTXt, the text chunks."""
        chunks = []
        if self.exif:
            chunks.append((b"eXIf", self.exif))
        if self.xmp:
            chunks.append((b"iTXt", _XMP_KEYWORD.encode("latin-1") + b"\0\0\0\0\0" + self.xmp))
        chunks += [(text.kind, text.data) for text in self.texts]
        return chunks

    def webp_options(self) -> dict[str, bytes]:
        """Pillow's WebP save options: the EXIF and XMP chunks (a WebP holds no text)."""
        options = {}
        if self.exif:
            options["exif"] = self.exif
        if self.xmp:
            options["xmp"] = self.xmp
        return options

    def describe(self, fmt: str, icc_profile: bool) -> str:
        """What an output in `fmt` keeps, in words, e.g. ``"EXIF, XMP; GPS location removed"``."""
        if fmt == "gif":
            return "none: GIF holds no metadata"
        kept = []
        if self.exif:
            kept.append("EXIF")
        if self.xmp:
            kept.append("XMP")
        if self.texts and fmt == "png":
            n = len(self.texts)
            kept.append("1 text field" if n == 1 else f"{n} text fields")
        if icc_profile:
            kept.append("colour profile")
        text = ", ".join(kept) or "none"
        return f"{text}; {self.left_out}" if self.left_out else text


@dataclass(frozen=True)
class PhotoMetadata:
    """An original's metadata, made ready for outputs whose pixels are stored upright.

    ``exif`` and ``xmp`` say orientation 1; the ``*_without_gps`` variants drop every GPS
    tag (None when nothing else is left, or when the XMP's GPS could not be removed safely).
    ``notices`` are the problems met while reading (the loader shows them).
    """

    exif: bytes | None = None
    exif_without_gps: bytes | None = None
    xmp: bytes | None = None
    xmp_without_gps: bytes | None = None
    texts: tuple[PngText, ...] = ()
    notices: tuple[str, ...] = ()

    def has_location(self) -> bool:
        """Whether the EXIF or XMP holds GPS data."""
        return self.exif != self.exif_without_gps or self.xmp != self.xmp_without_gps

    def carried(self, mode: str) -> Carried:
        """What an output keeps in `mode` (one of METADATA_MODES)."""
        if mode not in METADATA_MODES:
            raise ValueError(f"metadata={mode!r} is not one of {', '.join(METADATA_MODES)}")
        if mode == "keep":
            return Carried(self.exif, self.xmp, self.texts)
        if mode == "strip":
            present = bool(self.exif or self.xmp or self.texts)
            return Carried(left_out="metadata stripped" if present else "")
        left_out = "GPS location removed" if self.has_location() else ""
        notices: tuple[str, ...] = ()
        if self.xmp is not None and self.xmp_without_gps is None:
            notices = ("XMP not kept: its GPS location could not be removed safely",)
        return Carried(self.exif_without_gps, self.xmp_without_gps, self.texts, left_out, notices)


NO_METADATA = PhotoMetadata()


def read_metadata(im: Image.Image, png: PngTexts | None) -> PhotoMetadata:
    """Read an opened image's EXIF and XMP (before its orientation is applied).

    Parameters
    ----------
    im : PIL.Image.Image
        Loaded, still as stored (its EXIF orientation not yet applied).
    png : PngTexts or None
        What :func:`screen_png` found, for a PNG file.

    Returns
    -------
    PhotoMetadata
        Never raises for bad metadata: it is left out with a notice.
    """
    notices = list(png.notices) if png is not None else []
    exif, exif_without_gps = _read_exif(im, notices)
    xmp = png.xmp if png is not None else _info_bytes(im.info.get("xmp"))
    xmp_without_gps = None
    if xmp is not None and len(xmp) > MAX_XMP_BYTES:
        notices.append(_REFUSALS["xmp too large"])
        xmp = None
    if xmp is not None:
        xmp = _upright_xmp(xmp)
        xmp_without_gps = _xmp_without_gps(xmp)
    texts = png.texts if png is not None else ()
    return PhotoMetadata(exif, exif_without_gps, xmp, xmp_without_gps, texts, tuple(notices))


def _info_bytes(value: object) -> bytes | None:
    if isinstance(value, str):
        return value.encode("utf-8")
    return bytes(value) if isinstance(value, (bytes, bytearray)) and value else None


def _read_exif(im: Image.Image, notices: list[str]) -> tuple[bytes | None, bytes | None]:
    """(EXIF, EXIF without GPS) as TIFF bytes, orientation 1, no thumbnail, no storage tags."""
    raw = _info_bytes(im.info.get("exif"))
    if raw is not None and len(raw) > 4 * MAX_EXIF_BYTES:
        notices.append(_REFUSALS["exif too large"])
        return None, None
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if raw is not None:
                exif = Image.Exif()
                exif.load(raw)
            else:  # TIFF tags, ImageMagick's PNG text: Pillow's own reading, copied
                exif = Image.Exif()
                exif.load(im.getexif().tobytes())
            full, without_gps = _cleaned(exif, im.size)
        if any(issubclass(w.category, UserWarning) for w in caught):
            raise ValueError("corrupt EXIF")
    except Exception:  # Pillow raises many kinds on bad EXIF; none may stop the image
        notices.append(_REFUSALS["exif malformed"])
        return None, None
    if full is not None and len(full) > MAX_EXIF_BYTES:
        notices.append(_REFUSALS["exif too large"])
        return None, None
    return full, without_gps


def _cleaned(exif: Image.Exif, stored_size: tuple[int, int]) -> tuple[bytes | None, bytes | None]:
    """Serialize `exif` for an upright output (changes `exif`); and again without its GPS."""
    for tag in [tag for tag in exif if tag in _STORAGE_TAGS]:
        del exif[tag]
    width, height = stored_size
    if exif.get(_ORIENTATION) in _SWAPS_SIDES:
        width, height = height, width
    if _ORIENTATION in exif:
        exif[_ORIENTATION] = 1
    if _EXIF_IFD in exif:
        sub = exif.get_ifd(_EXIF_IFD)
        if _PIXEL_X in sub:
            sub[_PIXEL_X] = width
        if _PIXEL_Y in sub:
            sub[_PIXEL_Y] = height
    # Pillow writes IFD0 and its EXIF, GPS and interoperability IFDs, never IFD1: the
    # thumbnail (which would show the old orientation and the unquantized photo) is dropped.
    full = exif.tobytes()[6:] if _meaningful(exif) else None
    if _GPS_IFD not in exif:
        return full, full
    del exif[_GPS_IFD]
    return full, exif.tobytes()[6:] if _meaningful(exif) else None


def _meaningful(exif: Image.Exif) -> bool:
    """Whether `exif` says more than an orientation."""
    return any(tag != _ORIENTATION for tag in exif)


def _prefixes(xmp: bytes, namespaces: tuple[str, ...]) -> list[bytes]:
    """The XML prefixes bound to `namespaces` in `xmp`."""
    found = []
    for namespace in namespaces:
        pattern = rb'xmlns:([\w.-]+)\s*=\s*["\']' + re.escape(namespace.encode()) + rb'["\']'
        found += re.findall(pattern, xmp)
    return found


def _upright_xmp(xmp: bytes) -> bytes:
    """`xmp` with its tiff:Orientation, if any, set to 1; the rest byte for byte."""
    for prefix in _prefixes(xmp, (_TIFF_NAMESPACE,)):
        name = re.escape(prefix) + rb":Orientation"
        xmp = re.sub(rb"(\b" + name + rb'\s*=\s*["\'])\d(["\'])', rb"\g<1>1\g<2>", xmp)
        xmp = re.sub(rb"(<" + name + rb">)\s*\d\s*(</" + name + rb">)", rb"\g<1>1\g<2>", xmp)
    return xmp


def _xmp_without_gps(xmp: bytes) -> bytes | None:
    """`xmp` without its exif:GPS* properties (itself when it has none); None when they
    cannot be removed with certainty (the result is checked by parsing it)."""
    if b"GPS" not in xmp:
        return xmp
    for prefix in _prefixes(xmp, _EXIF_NAMESPACES):
        name = re.escape(prefix) + rb":GPS[\w.-]*"
        xmp = re.sub(rb"\s" + name + rb'\s*=\s*(?:"[^"]*"|\'[^\']*\')', b"", xmp)
        xmp = re.sub(rb"<(" + name + rb")\b[^>]*/>", b"", xmp)
        xmp = re.sub(rb"<(" + name + rb")\b[^>]*>.*?</\1\s*>", b"", xmp, flags=re.DOTALL)
    return xmp if _has_no_gps(xmp) else None


def _has_no_gps(xmp: bytes) -> bool:
    """Whether `xmp` parses as XML with no GPS property in the EXIF namespaces."""
    if b"<!DOCTYPE" in xmp or b"<!ENTITY" in xmp:
        return False  # entity tricks: not parsed
    try:
        root = ElementTree.fromstring(xmp.rstrip(b"\0 \t\r\n"))
    except ElementTree.ParseError:
        return False
    gps_names = tuple(f"{{{namespace}}}GPS" for namespace in _EXIF_NAMESPACES)
    for element in root.iter():
        names = [str(element.tag), *map(str, element.attrib)]
        if any(name.startswith(gps_names) for name in names):
            return False
    return True

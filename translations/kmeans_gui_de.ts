<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n compressed file(s) would be larger than their original:</source>
        <translation>
            <numerusform>%n komprimierte Datei wäre größer als ihr Original:</numerusform>
            <numerusform>%n komprimierte Dateien wären größer als ihr Original:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already exist:</source>
        <translation>
            <numerusform>%n Datei existiert bereits:</numerusform>
            <numerusform>%n Dateien existieren bereits:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Seeking {goal} for %n image(s), K between {k_min} and {k_max}…</source>
        <translation>
            <numerusform>Suche {goal} für %n Bild, K zwischen {k_min} und {k_max}…</numerusform>
            <numerusform>Suche {goal} für %n Bilder, K zwischen {k_min} und {k_max}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n colour(s) to {name}{note}.</source>
        <translation>
            <numerusform>%n Farbe nach {name} exportiert{note}.</numerusform>
            <numerusform>%n Farben nach {name} exportiert{note}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Palette: %n colour(s), areas by cost if removed</source>
        <translation>
            <numerusform>Palette: %n Farbe, Flächen nach Kosten beim Entfernen</numerusform>
            <numerusform>Palette: %n Farben, Flächen nach Kosten beim Entfernen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Palette: %n colour(s), areas by pixel share</source>
        <translation>
            <numerusform>Palette: %n Farbe, Flächen nach Pixelanteil</numerusform>
            <numerusform>Palette: %n Farben, Flächen nach Pixelanteil</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Use the %n colour(s) of {name}:</source>
        <translation>
            <numerusform>Die %n Farbe aus {name} verwenden:</numerusform>
            <numerusform>Die %n Farben aus {name} verwenden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n colour(s)</source>
        <translation>
            <numerusform>%n Farbe löschen</numerusform>
            <numerusform>%n Farben löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One palette of {colours} colours for these %n image(s) (k-means on all their pixels together). Figures measured on each encoded file:</source>
        <translation>
            <numerusform>Eine Palette mit {colours} Farben für dieses %n Bild (k-means über alle seine Pixel). An jeder kodierten Datei gemessene Werte:</numerusform>
            <numerusform>Eine Palette mit {colours} Farben für diese %n Bilder (k-means über alle ihre Pixel zusammen). An jeder kodierten Datei gemessene Werte:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finding one palette for %n image(s)…</source>
        <translation>
            <numerusform>Suche eine Palette für %n Bild…</numerusform>
            <numerusform>Suche eine Palette für %n Bilder…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving %n image(s) into {folder}…</source>
        <translation>
            <numerusform>Speichere %n Bild in {folder}…</numerusform>
            <numerusform>Speichere %n Bilder in {folder}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save All stopped: saved {saved} of %n image(s) into {folder}.</source>
        <translation>
            <numerusform>„Alle speichern“ angehalten: {saved} von %n Bild in {folder} gespeichert.</numerusform>
            <numerusform>„Alle speichern“ angehalten: {saved} von %n Bildern in {folder} gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {saved} of %n image(s) into {folder}.</source>
        <translation>
            <numerusform>{saved} von %n Bild in {folder} gespeichert.</numerusform>
            <numerusform>{saved} von %n Bildern in {folder} gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> Kept %n existing file(s).</source>
        <translation>
            <numerusform> %n vorhandene Datei behalten.</numerusform>
            <numerusform> %n vorhandene Dateien behalten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open image files</source>
        <translation>Bilddateien öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open every image of a folder</source>
        <translation>Alle Bilder eines Ordners öffnen</translation>
    </message>
    <message>
        <source>&amp;Paste Image</source>
        <translation>Bild &amp;einfügen</translation>
    </message>
    <message>
        <source>Open the image or image files on the clipboard</source>
        <translation>Das Bild oder die Bilddateien in der Zwischenablage öffnen</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Save the compressed image on screen</source>
        <translation>Das angezeigte komprimierte Bild speichern</translation>
    </message>
    <message>
        <source>Save &amp;All…</source>
        <translation>&amp;Alle speichern…</translation>
    </message>
    <message>
        <source>Save every done image of the list into a folder with the current settings</source>
        <translation>Alle fertigen Bilder der Liste mit den aktuellen Einstellungen in einen Ordner speichern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Re&amp;move from List</source>
        <translation>Aus der Liste ent&amp;fernen</translation>
    </message>
    <message>
        <source>C&amp;lear List</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <source>Take the selected images out of the list (the files stay)</source>
        <translation>Die gewählten Bilder aus der Liste nehmen (die Dateien bleiben)</translation>
    </message>
    <message>
        <source>Take every image out of the list (the files stay)</source>
        <translation>Alle Bilder aus der Liste nehmen (die Dateien bleiben)</translation>
    </message>
    <message>
        <source>&amp;More Colours</source>
        <translation>&amp;Mehr Farben</translation>
    </message>
    <message>
        <source>Next larger K</source>
        <translation>Nächstgrößeres K</translation>
    </message>
    <message>
        <source>&amp;Fewer Colours</source>
        <translation>&amp;Weniger Farben</translation>
    </message>
    <message>
        <source>Next smaller K</source>
        <translation>Nächstkleineres K</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running compression</source>
        <translation>Die laufende Komprimierung anhalten</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An Fenster &amp;anpassen</translation>
    </message>
    <message>
        <source>Fit the images</source>
        <translation>Die Bilder einpassen</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100%)</source>
        <translation>&amp;Originalgröße (100 %)</translation>
    </message>
    <message>
        <source>One image pixel per device pixel of the screen</source>
        <translation>Ein Bildpixel je Gerätepixel des Bildschirms</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>E&amp;xport Palette…</source>
        <translation>Palette e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the palette on screen as .gpl, .act, .json or .txt</source>
        <translation>Die angezeigte Palette als .gpl, .act, .json oder .txt speichern</translation>
    </message>
    <message>
        <source>Find K for a &amp;Goal…</source>
        <translation>K für ein &amp;Ziel finden…</translation>
    </message>
    <message>
        <source>The smallest K meeting a PSNR, ΔE or SSIM target, or the best K under a file size</source>
        <translation>Das kleinste K, das ein PSNR-, ΔE- oder SSIM-Ziel erreicht, oder das beste K unter einer Dateigröße</translation>
    </message>
    <message>
        <source>&amp;About kmeans-gui</source>
        <translation>Ü&amp;ber kmeans-gui</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version und Lizenz</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Compress</source>
        <translation>&amp;Komprimieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Show the view “{view}”</source>
        <translation>Die Ansicht „{view}“ zeigen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Save &amp;Effort</source>
        <translation>Speicherauf&amp;wand</translation>
    </message>
    <message>
        <source>&amp;Fast</source>
        <translation>&amp;Schnell</translation>
    </message>
    <message>
        <source>Write PNG files as the preview was encoded (quick)</source>
        <translation>PNG-Dateien so schreiben, wie die Vorschau kodiert wurde (schnell)</translation>
    </message>
    <message>
        <source>&amp;Max: Smallest PNG</source>
        <translation>&amp;Maximal: kleinste PNG</translation>
    </message>
    <message>
        <source>Rewrite PNG files smaller, the same pixels, for about ten times the time</source>
        <translation>PNG-Dateien kleiner neu schreiben, mit denselben Pixeln, in etwa zehnfacher Zeit</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The language changes when kmeans-gui is started again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von kmeans-gui.</translation>
    </message>
    <message>
        <source>Checkerboard Behind Transparency</source>
        <translation>Schachbrett hinter Transparenz</translation>
    </message>
    <message>
        <source>White Behind Transparency</source>
        <translation>Weiß hinter Transparenz</translation>
    </message>
    <message>
        <source>Black Behind Transparency</source>
        <translation>Schwarz hinter Transparenz</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>PSNR (dB)</source>
        <translation>PSNR (dB)</translation>
    </message>
    <message>
        <source>mean ΔE</source>
        <translation>mittleres ΔE</translation>
    </message>
    <message>
        <source>PSNR {psnr} dB</source>
        <translation>PSNR {psnr} dB</translation>
    </message>
    <message>
        <source>Quality measure of the chart</source>
        <translation>Qualitätsmaß des Diagramms</translation>
    </message>
    <message>
        <source>&amp;Quality:</source>
        <translation>&amp;Qualität:</translation>
    </message>
    <message>
        <source>Computing the K sweep…</source>
        <translation>Berechne die K-Reihe…</translation>
    </message>
    <message>
        <source>Chart of file size and quality against K</source>
        <translation>Diagramm von Dateigröße und Qualität über K</translation>
    </message>
    <message>
        <source>K (colours, log scale)</source>
        <translation>K (Farben, logarithmisch)</translation>
    </message>
    <message>
        <source>file size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>encoded file</source>
        <translation>kodierte Datei</translation>
    </message>
    <message>
        <source>{metric} (hollow: preview estimate)</source>
        <translation>{metric} (hohl: Schätzung aus der Vorschau)</translation>
    </message>
    <message>
        <source>suggested K = {k}</source>
        <translation>vorgeschlagenes K = {k}</translation>
    </message>
    <message>
        <source>{measured} of {count} K measured at full resolution</source>
        <translation>{measured} von {count} K in voller Auflösung gemessen</translation>
    </message>
    <message>
        <source>suggested K = {k} ({size}, {figure}): past the knee, more bytes buy little quality</source>
        <translation>vorgeschlagenes K = {k} ({size}, {figure}): jenseits des Knicks bringen mehr Bytes kaum Qualität</translation>
    </message>
    <message>
        <source>size not measured yet</source>
        <translation>Größe noch nicht gemessen</translation>
    </message>
    <message>
        <source> (preview estimate)</source>
        <translation> (Schätzung aus der Vorschau)</translation>
    </message>
    <message>
        <source>K = {k}: {size}, PSNR {psnr} dB, ΔE {delta_e}{ssim}{where}
click to use this K</source>
        <translation>K = {k}: {size}, PSNR {psnr} dB, ΔE {delta_e}{ssim}{where}
klicken, um dieses K zu verwenden</translation>
    </message>
</context>
<context>
    <name>Controls</name>
    <message>
        <source>Oklab (perceptual)</source>
        <translation>Oklab (wahrnehmungsgerecht)</translation>
    </message>
    <message>
        <source>PNG (indexed)</source>
        <translation>PNG (indiziert)</translation>
    </message>
    <message>
        <source>WebP (lossless)</source>
        <translation>WebP (verlustfrei)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>All but location</source>
        <translation>Alle außer Standort</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>K: the number of palette colours (2–256). Every K up to 32 has its own slider position; above, the slider steps by 4, 8 or 16, and the box takes any K. Keys: + and −.</source>
        <translation>K: die Zahl der Palettenfarben (2–256). Jedes K bis 32 hat eine eigene Position des Schiebereglers; darüber springt er in Schritten von 4, 8 oder 16, und das Feld nimmt jedes K. Tasten: + und −.</translation>
    </message>
    <message>
        <source>&amp;K colours:</source>
        <translation>&amp;K Farben:</translation>
    </message>
    <message>
        <source>Where k-means measures colour distance: RGB, or Oklab, a perceptual space (often better on skies and skin). The palette is sRGB either way.</source>
        <translation>Wo k-means Farbabstände misst: RGB oder Oklab, ein wahrnehmungsgerechter Farbraum (oft besser bei Himmel und Haut). Die Palette ist in jedem Fall sRGB.</translation>
    </message>
    <message>
        <source>Colour &amp;space:</source>
        <translation>Farb&amp;raum:</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Floyd–Steinberg error diffusion, as a share of each pixel&apos;s error passed on: smoother gradients, but noisier pixels that compress less well. 100 % is the classic full dithering; lower strengths take longer to compute.</source>
        <translation>Floyd-Steinberg-Fehlerdiffusion, als Anteil des weitergegebenen Fehlers jedes Pixels: weichere Verläufe, aber unruhigere Pixel, die sich schlechter komprimieren lassen. 100 % ist das klassische volle Dithering; geringere Stärken brauchen länger.</translation>
    </message>
    <message>
        <source>&amp;Dithering:</source>
        <translation>&amp;Dithering:</translation>
    </message>
    <message>
        <source>Dithering strength</source>
        <translation>Stärke des Ditherings</translation>
    </message>
    <message>
        <source>Dithering strength, slider</source>
        <translation>Stärke des Ditherings, Schieberegler</translation>
    </message>
    <message>
        <source>The file format: the statistics show this format&apos;s real file size.</source>
        <translation>Das Dateiformat: Die Statistik zeigt die echte Dateigröße in diesem Format.</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>The photo&apos;s metadata (EXIF: camera, date taken; XMP; PNG text) kept in the compressed file: all of it, all but the GPS location (for copies to share), or none. GIF holds none. The colour profile is always kept.</source>
        <translation>Die Metadaten des Fotos (EXIF: Kamera, Aufnahmedatum; XMP; PNG-Text), die die komprimierte Datei behält: alle, alle außer dem GPS-Standort (für Kopien zum Teilen) oder keine. GIF kann keine aufnehmen. Das Farbprofil bleibt immer erhalten.</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>&amp;Metadaten:</translation>
    </message>
    <message>
        <source>Keep da&amp;tes</source>
        <translation>Dat&amp;um behalten</translation>
    </message>
    <message>
        <source>Saved files get the original file&apos;s modification date, so that photo libraries sorted by date keep them in place.</source>
        <translation>Gespeicherte Dateien erhalten das Änderungsdatum des Originals, damit nach Datum sortierte Fotobibliotheken sie an ihrem Platz behalten.</translation>
    </message>
    <message>
        <source>Number of colours K, slider</source>
        <translation>Anzahl der Farben K, Schieberegler</translation>
    </message>
    <message>
        <source>Number of colours K</source>
        <translation>Anzahl der Farben K</translation>
    </message>
    <message>
        <source>Colour space</source>
        <translation>Farbraum</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Dateiformat</translation>
    </message>
    <message>
        <source>Metadata kept</source>
        <translation>Behaltene Metadaten</translation>
    </message>
    <message>
        <source>Keep the original&apos;s file dates</source>
        <translation>Die Dateidaten des Originals behalten</translation>
    </message>
    <message>
        <source>{format} — too large for this image</source>
        <translation>{format} — Bild zu groß für dieses Format</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>PNG, indexed colour (*.png)</source>
        <translation>PNG, indizierte Farben (*.png)</translation>
    </message>
    <message>
        <source>WebP, lossless (*.webp)</source>
        <translation>WebP, verlustfrei (*.webp)</translation>
    </message>
    <message>
        <source>GIMP palette (*.gpl)</source>
        <translation>GIMP-Palette (*.gpl)</translation>
    </message>
    <message>
        <source>Adobe Color Table (*.act)</source>
        <translation>Adobe-Farbtabelle (*.act)</translation>
    </message>
    <message>
        <source>JSON list of colours (*.json)</source>
        <translation>JSON-Liste der Farben (*.json)</translation>
    </message>
    <message>
        <source>Hex colours, one per line (*.txt)</source>
        <translation>Hex-Farben, eine je Zeile (*.txt)</translation>
    </message>
    <message>
        <source>Images ({patterns});;All files (*)</source>
        <translation>Bilder ({patterns});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Images</source>
        <translation>Bilder öffnen</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Save Compressed Image</source>
        <translation>Komprimiertes Bild speichern</translation>
    </message>
    <message>
        <source>Export Palette</source>
        <translation>Palette exportieren</translation>
    </message>
    <message>
        <source>Keep the Original</source>
        <translation>Original behalten</translation>
    </message>
    <message>
        <source>The original&apos;s type ({pattern});;All files (*)</source>
        <translation>Typ des Originals ({pattern});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Larger Than the Original</source>
        <translation>Größer als das Original</translation>
    </message>
    <message>
        <source>The compressed “{name}” would be {output} bytes, larger than the original file ({input} bytes).

Keep a copy of the original instead?</source>
        <translation>Das komprimierte „{name}“ hätte {output} Byte, mehr als die Originaldatei ({input} Byte).

Stattdessen eine Kopie des Originals behalten?</translation>
    </message>
    <message>
        <source>Save the Larger File</source>
        <translation>Größere Datei speichern</translation>
    </message>
    <message>
        <source>Larger Than the Originals</source>
        <translation>Größer als die Originale</translation>
    </message>
    <message>
        <source>Keep copies of those originals instead?</source>
        <translation>Stattdessen Kopien dieser Originale behalten?</translation>
    </message>
    <message>
        <source>Keep the Originals</source>
        <translation>Originale behalten</translation>
    </message>
    <message>
        <source>Save the Larger Files</source>
        <translation>Größere Dateien speichern</translation>
    </message>
    <message>
        <source>Save All Into Folder</source>
        <translation>Alle in Ordner speichern</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>“{name}” already exists in “{folder}”.
Do you want to replace it?</source>
        <translation>„{name}“ existiert bereits in „{folder}“.
Möchten Sie die Datei ersetzen?</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>Dateien ersetzen?</translation>
    </message>
    <message>
        <source>Yes replaces them, No skips them, Cancel saves nothing.</source>
        <translation>Ja ersetzt sie, Nein überspringt sie, Abbrechen speichert nichts.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Compress photos by K-means colour quantization: every pixel becomes one of K palette colours, stored as an indexed PNG, a GIF or a lossless WebP.&lt;/p&gt;&lt;p&gt;Licence: MIT. The bundled sample photos carry their own licences (CC0 / public domain).&lt;/p&gt;&lt;p&gt;Qt {qt} (LGPL v3) through PySide6 {pyside}.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Komprimiert Fotos durch Farbquantisierung mit K-means: Jedes Pixel wird zu einer von K Palettenfarben, gespeichert als indiziertes PNG, als GIF oder als verlustfreies WebP.&lt;/p&gt;&lt;p&gt;Lizenz: MIT. Die mitgelieferten Beispielfotos haben eigene Lizenzen (CC0 / gemeinfrei).&lt;/p&gt;&lt;p&gt;Qt {qt} (LGPL v3) über PySide6 {pyside}.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
</context>
<context>
    <name>DifferenceView</name>
    <message>
        <source>Colour scale of the heat map</source>
        <translation>Farbskala der Wärmekarte</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Difference heat map</source>
        <translation>Wärmekarte der Differenz</translation>
    </message>
    <message>
        <source>ΔE×100 per pixel:</source>
        <translation>ΔE×100 je Pixel:</translation>
    </message>
    <message>
        <source>Difference: waiting for the compressed image</source>
        <translation>Differenz: warte auf das komprimierte Bild</translation>
    </message>
    <message>
        <source>Difference{what} — mean ΔE {mean}, largest {largest} at ({x}, {y}) (ringed)</source>
        <translation>Differenz{what} — mittleres ΔE {mean}, größtes {largest} bei ({x}, {y}) (umkreist)</translation>
    </message>
</context>
<context>
    <name>GoalPanel</name>
    <message>
        <source>Find K for a Goal</source>
        <translation>K für ein Ziel finden</translation>
    </message>
    <message>
        <source>Smallest K whose &amp;PSNR is at least</source>
        <translation>Kleinstes K mit &amp;PSNR von mindestens</translation>
    </message>
    <message>
        <source>Smallest K whose mean &amp;ΔE is at most</source>
        <translation>Kleinstes K mit mittlerem &amp;ΔE von höchstens</translation>
    </message>
    <message>
        <source>Smallest K whose SS&amp;IM is at least</source>
        <translation>Kleinstes K mit SS&amp;IM von mindestens</translation>
    </message>
    <message>
        <source>Best quality whose &amp;file is at most</source>
        <translation>Beste Qualität mit &amp;Datei von höchstens</translation>
    </message>
    <message>
        <source>Least PSNR in dB</source>
        <translation>Mindest-PSNR in dB</translation>
    </message>
    <message>
        <source>Oklab ΔE×100: about 1 is just noticeable, over 5 is clear</source>
        <translation>Oklab-ΔE×100: etwa 1 ist gerade sichtbar, über 5 deutlich</translation>
    </message>
    <message>
        <source>Largest mean ΔE</source>
        <translation>Höchstes mittleres ΔE</translation>
    </message>
    <message>
        <source>Structural similarity of the luma (1 = identical); follows what people see more closely than PSNR</source>
        <translation>Strukturelle Ähnlichkeit der Helligkeit (1 = identisch); folgt dem, was Menschen sehen, enger als PSNR</translation>
    </message>
    <message>
        <source>Least SSIM</source>
        <translation>Mindest-SSIM</translation>
    </message>
    <message>
        <source> KB</source>
        <translation> kB</translation>
    </message>
    <message>
        <source>KB = 1000 bytes</source>
        <translation>kB = 1000 Byte</translation>
    </message>
    <message>
        <source>Largest file size in KB</source>
        <translation>Höchste Dateigröße in kB</translation>
    </message>
    <message>
        <source>Smallest K to try</source>
        <translation>Kleinstes zu probierendes K</translation>
    </message>
    <message>
        <source>Largest K to try</source>
        <translation>Größtes zu probierendes K</translation>
    </message>
    <message>
        <source>&amp;Every image in the list</source>
        <translation>&amp;Jedes Bild der Liste</translation>
    </message>
    <message>
        <source>&amp;This image</source>
        <translation>Dieses &amp;Bild</translation>
    </message>
    <message>
        <source>&amp;Find K</source>
        <translation>K &amp;finden</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Each K tried is compressed and measured for real, by bisection (about 9 K), reusing the image&apos;s colour analysis.</source>
        <translation>Jedes probierte K wird wirklich komprimiert und gemessen, per Bisektion (etwa 9 K), mit der schon vorhandenen Farbanalyse des Bildes.</translation>
    </message>
    <message>
        <source>Goal search log</source>
        <translation>Protokoll der Zielsuche</translation>
    </message>
    <message>
        <source>K between</source>
        <translation>K zwischen</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Für:</translation>
    </message>
</context>
<context>
    <name>GoalSeeking</name>
    <message>
        <source>No image to search: open one first.</source>
        <translation>Kein Bild zum Suchen: Öffnen Sie zuerst eines.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>meets it</source>
        <translation>erreicht es</translation>
    </message>
    <message>
        <source>does not</source>
        <translation>erreicht es nicht</translation>
    </message>
    <message>
        <source>{name}: K = {k}: {size}, PSNR {psnr} dB, ΔE {delta_e}, SSIM {ssim} — {verdict}</source>
        <translation>{name}: K = {k}: {size}, PSNR {psnr} dB, ΔE {delta_e}, SSIM {ssim} — {verdict}</translation>
    </message>
    <message>
        <source>{name}: seeking {goal}, tried K = {k}</source>
        <translation>{name}: suche {goal}, probiert K = {k}</translation>
    </message>
    <message>
        <source>goal met</source>
        <translation>Ziel erreicht</translation>
    </message>
    <message>
        <source>goal NOT met, nearest</source>
        <translation>Ziel NICHT erreicht, nächstes</translation>
    </message>
    <message>
        <source> Its file is LARGER than the original: Save offers to keep the original.</source>
        <translation> Seine Datei ist GRÖSSER als das Original: Speichern bietet an, das Original zu behalten.</translation>
    </message>
    <message>
        <source>{name}: stopped.</source>
        <translation>{name}: angehalten.</translation>
    </message>
</context>
<context>
    <name>ImageList</name>
    <message>
        <source>Opened images</source>
        <translation>Geöffnete Bilder</translation>
    </message>
    <message>
        <source>Opened images: drop photos or folders anywhere on the window</source>
        <translation>Geöffnete Bilder: Fotos oder Ordner irgendwo auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>working…</source>
        <translation>in Arbeit…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Save All: {progress}</source>
        <translation>Alle speichern: {progress}</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Progress of the running job</source>
        <translation>Fortschritt der laufenden Arbeit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running compression (Esc)</source>
        <translation>Die laufende Komprimierung anhalten (Esc)</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Die laufende Arbeit abbrechen</translation>
    </message>
    <message>
        <source>What the running job does</source>
        <translation>Was die laufende Arbeit tut</translation>
    </message>
    <message>
        <source>{what}: decoding</source>
        <translation>{what}: dekodiere</translation>
    </message>
    <message>
        <source>{what}: loading</source>
        <translation>{what}: lade</translation>
    </message>
    <message>
        <source>{what}: analysing colours, seeding k-means</source>
        <translation>{what}: analysiere Farben, initialisiere k-means</translation>
    </message>
    <message>
        <source>{what}: k-means iteration {iteration}</source>
        <translation>{what}: k-means-Iteration {iteration}</translation>
    </message>
    <message>
        <source>{name}, K = {k}: ΔE heat map</source>
        <translation>{name}, K = {k}: ΔE-Wärmekarte</translation>
    </message>
    <message>
        <source>{name}: seeking {goal}</source>
        <translation>{name}: suche {goal}</translation>
    </message>
    <message>
        <source>{name}: K grid previews (K = {ks})</source>
        <translation>{name}: K-Raster-Vorschauen (K = {ks})</translation>
    </message>
    <message>
        <source>{name}: K grid, measuring K = {ks} at full size</source>
        <translation>{name}: K-Raster, messe K = {ks} in voller Größe</translation>
    </message>
</context>
<context>
    <name>KGrid</name>
    <message>
        <source>waiting…</source>
        <translation>wartet…</translation>
    </message>
    <message>
        <source>Click (or Enter) to use K = {k}; wheel zooms and dragging pans every cell</source>
        <translation>Klicken (oder Eingabe), um K = {k} zu verwenden; Mausrad zoomt und Ziehen verschiebt alle Zellen</translation>
    </message>
    <message>
        <source>K grid cell: {caption}</source>
        <translation>K-Raster-Zelle: {caption}</translation>
    </message>
    <message>
        <source>K values of the grid</source>
        <translation>K-Werte des Rasters</translation>
    </message>
    <message>
        <source>The K values of the grid, 2–256, separated by spaces or commas (at most {count}); Enter applies them</source>
        <translation>Die K-Werte des Rasters, 2–256, getrennt durch Leerzeichen oder Kommas (höchstens {count}); Eingabe übernimmt sie</translation>
    </message>
    <message>
        <source>K &amp;values:</source>
        <translation>K-&amp;Werte:</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>Nicht geändert: {reason}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System Language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>{name}: no images in this folder</source>
        <translation>{name}: keine Bilder in diesem Ordner</translation>
    </message>
    <message>
        <source>{name}: no such file</source>
        <translation>{name}: Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>{name}: not an image file</source>
        <translation>{name}: keine Bilddatei</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>Die Zwischenablage enthält kein Bild.</translation>
    </message>
    <message>
        <source>Could Not Paste</source>
        <translation>Einfügen nicht möglich</translation>
    </message>
    <message>
        <source>The clipboard image could not be stored.</source>
        <translation>Das Bild aus der Zwischenablage konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>{name}: not a local file</source>
        <translation>{name}: keine lokale Datei</translation>
    </message>
    <message>
        <source>Not opened: {reasons}</source>
        <translation>Nicht geöffnet: {reasons}</translation>
    </message>
    <message>
        <source>Not Opened</source>
        <translation>Nicht geöffnet</translation>
    </message>
    <message>
        <source>These were not opened:

{reasons}</source>
        <translation>Diese wurden nicht geöffnet:

{reasons}</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Click a colour to select it, Ctrl+click for more; double-click copies</source>
        <translation>Eine Farbe anklicken wählt sie, Strg+Klick wählt weitere; Doppelklick kopiert</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>No palette yet</source>
        <translation>Noch keine Palette</translation>
    </message>
    <message>
        <source>transparent</source>
        <translation>transparent</translation>
    </message>
    <message>
        <source>{name}{opacity} — {share} % of pixels ({count})</source>
        <translation>{name}{opacity} — {share} % der Pixel ({count})</translation>
    </message>
    <message>
        <source>removing it: the only colour</source>
        <translation>beim Entfernen: die einzige Farbe</translation>
    </message>
    <message>
        <source>removing it: MSE +{mse}, mean ΔE +{delta_e}</source>
        <translation>beim Entfernen: MSE +{mse}, mittleres ΔE +{delta_e}</translation>
    </message>
    <message>
        <source>locked: kept as it is when the palette is refit</source>
        <translation>gesperrt: bleibt, wie sie ist, wenn die Palette neu angepasst wird</translation>
    </message>
    <message>
        <source>, {percent} % opaque</source>
        <translation>, {percent} % deckend</translation>
    </message>
</context>
<context>
    <name>PaletteEdit</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>Lock the selected colours (or unlock them): kept exactly while the others are refit (L)</source>
        <translation>Die gewählten Farben sperren (oder entsperren): bleiben genau erhalten, während die anderen neu angepasst werden (L)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Remove the selected colours (K goes down) and refit the others (Del)</source>
        <translation>Die gewählten Farben entfernen (K sinkt) und die anderen neu anpassen (Entf)</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <source>Merge the selected colours into their weighted mean and refit (M)</source>
        <translation>Die gewählten Farben zu ihrem gewichteten Mittel zusammenführen und neu anpassen (M)</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Farbe…</translation>
    </message>
    <message>
        <source>Give the selected colour a colour of your choice (kept locked)</source>
        <translation>Der gewählten Farbe eine Farbe Ihrer Wahl geben (bleibt gesperrt)</translation>
    </message>
    <message>
        <source>&amp;Pick</source>
        <translation>&amp;Aufnehmen</translation>
    </message>
    <message>
        <source>Add a colour from the original: click a point of the original image (K goes up; the colour is locked)</source>
        <translation>Eine Farbe aus dem Original aufnehmen: einen Punkt des Originalbilds anklicken (K steigt; die Farbe wird gesperrt)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Palette edits need an image whose palette is opaque colours</source>
        <translation>Palettenänderungen brauchen ein Bild, dessen Palette aus deckenden Farben besteht</translation>
    </message>
    <message>
        <source>Lock colours</source>
        <translation>Farben sperren</translation>
    </message>
    <message>
        <source>Merge colours</source>
        <translation>Farben zusammenführen</translation>
    </message>
    <message>
        <source>Palette Colour</source>
        <translation>Palettenfarbe</translation>
    </message>
    <message>
        <source>Change colour</source>
        <translation>Farbe ändern</translation>
    </message>
    <message>
        <source>Add colour</source>
        <translation>Farbe hinzufügen</translation>
    </message>
    <message>
        <source>Map to imported palette</source>
        <translation>Auf importierte Palette abbilden</translation>
    </message>
    <message>
        <source>Lock imported palette</source>
        <translation>Importierte Palette sperren</translation>
    </message>
    <message>
        <source>Click a point of the original image to add its colour (Esc: stop)</source>
        <translation>Einen Punkt des Originalbilds anklicken, um seine Farbe hinzuzufügen (Esc: beenden)</translation>
    </message>
</context>
<context>
    <name>PalettePanel</name>
    <message>
        <source>pixel share</source>
        <translation>Pixelanteil</translation>
    </message>
    <message>
        <source>cost if removed</source>
        <translation>Kosten beim Entfernen</translation>
    </message>
    <message>
        <source>Swatch areas: each colour&apos;s share of the pixels, or how much the mean ΔE would rise if it were removed (its pixels going to their next-nearest colour)</source>
        <translation>Flächen der Farbfelder: der Pixelanteil jeder Farbe oder wie stark das mittlere ΔE stiege, wenn sie entfernt würde (ihre Pixel gingen an die nächstgelegene Farbe)</translation>
    </message>
    <message>
        <source>Swatch areas by</source>
        <translation>Flächen der Farbfelder nach</translation>
    </message>
    <message>
        <source>Sized by:</source>
        <translation>Größe nach:</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Use a palette file (.gpl, .act, .json, .txt, .hex): map the image to exactly its colours, or lock them and let k-means add the rest up to K</source>
        <translation>Eine Palettendatei verwenden (.gpl, .act, .json, .txt, .hex): das Bild genau auf ihre Farben abbilden oder sie sperren und k-means den Rest bis K ergänzen lassen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Shared Palette for Selected Images…</source>
        <translation>&amp;Gemeinsame Palette für gewählte Bilder…</translation>
    </message>
    <message>
        <source>One palette for the images selected in the list (Ctrl+click), compared with each image&apos;s own</source>
        <translation>Eine Palette für die in der Liste gewählten Bilder (Strg+Klick), verglichen mit der eigenen jedes Bildes</translation>
    </message>
    <message>
        <source>Si&amp;ze Swatches by Cost</source>
        <translation>Felder nach &amp;Kosten bemessen</translation>
    </message>
    <message>
        <source>&amp;Palette</source>
        <translation>&amp;Palette</translation>
    </message>
    <message>
        <source>Copy Hex Value</source>
        <translation>Hex-Wert kopieren</translation>
    </message>
    <message>
        <source>Import Palette</source>
        <translation>Palette importieren</translation>
    </message>
    <message>
        <source>Palettes ({patterns});;All files (*)</source>
        <translation>Paletten ({patterns});;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>{name}: holds colours that are not opaque; imported palettes are opaque colours only</source>
        <translation>{name}: enthält nicht deckende Farben; importierte Paletten sind nur deckende Farben</translation>
    </message>
    <message>
        <source>Map Exactly</source>
        <translation>Genau abbilden</translation>
    </message>
    <message>
        <source>Lock and Fill to K</source>
        <translation>Sperren und bis K auffüllen</translation>
    </message>
</context>
<context>
    <name>SaveAll</name>
    <message>
        <source>saved</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>saved, LARGER than the original</source>
        <translation>gespeichert, GRÖSSER als das Original</translation>
    </message>
    <message>
        <source>original kept (smaller)</source>
        <translation>Original behalten (kleiner)</translation>
    </message>
    <message>
        <source>kept the existing file</source>
        <translation>vorhandene Datei behalten</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <source>waiting to save</source>
        <translation>wartet aufs Speichern</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>speichere…</translation>
    </message>
    <message>
        <source>Stop Saving</source>
        <translation>Speichern anhalten</translation>
    </message>
    <message>
        <source>Stop Save All: finished files stay, nothing partial does</source>
        <translation>„Alle speichern“ anhalten: fertige Dateien bleiben, nichts Halbfertiges</translation>
    </message>
    <message>
        <source>What Save All is doing</source>
        <translation>Was „Alle speichern“ gerade tut</translation>
    </message>
    <message>
        <source>Save All: files finished</source>
        <translation>Alle speichern: fertige Dateien</translation>
    </message>
    <message>
        <source>Stop Save All</source>
        <translation>„Alle speichern“ anhalten</translation>
    </message>
    <message>
        <source>Save All is still running: wait for it, or stop it.</source>
        <translation>„Alle speichern“ läuft noch: warten oder anhalten.</translation>
    </message>
    <message>
        <source>Could not write the report:
{reason}</source>
        <translation>Der Bericht konnte nicht geschrieben werden:
{reason}</translation>
    </message>
    <message>
        <source>Stopping Save All…</source>
        <translation>Halte „Alle speichern“ an…</translation>
    </message>
    <message>
        <source>Save All: {done} of {total} done</source>
        <translation>Alle speichern: {done} von {total} fertig</translation>
    </message>
    <message>
        <source>; saving {names}</source>
        <translation>; speichere {names}</translation>
    </message>
    <message>
        <source>not saved: cancelled</source>
        <translation>nicht gespeichert: abgebrochen</translation>
    </message>
    <message>
        <source>Save All stopped by an unexpected error (details in the log)</source>
        <translation>„Alle speichern“ wurde durch einen unerwarteten Fehler angehalten (Einzelheiten im Protokoll)</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>Nothing to save yet: wait for the compressed image.</source>
        <translation>Noch nichts zu speichern: Warten Sie auf das komprimierte Bild.</translation>
    </message>
    <message>
        <source>Not saved: {name} was kept.</source>
        <translation>Nicht gespeichert: {name} wurde behalten.</translation>
    </message>
    <message>
        <source>No compressed images to save yet.</source>
        <translation>Noch keine komprimierten Bilder zum Speichern.</translation>
    </message>
    <message>
        <source>Nothing saved: every file already exists.</source>
        <translation>Nichts gespeichert: Alle Dateien existieren bereits.</translation>
    </message>
    <message>
        <source>Could Not Save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source> Kept the original of {kept} (their compressed file was larger): copied.</source>
        <translation> Bei {kept} das Original behalten (die komprimierte Datei war größer): kopiert.</translation>
    </message>
    <message>
        <source> Report: {name} and .json.</source>
        <translation> Bericht: {name} und .json.</translation>
    </message>
    <message>
        <source>Some Images Were Not Saved</source>
        <translation>Einige Bilder wurden nicht gespeichert</translation>
    </message>
    <message>
        <source>Could not save {path}:
{reason}.</source>
        <translation>{path} konnte nicht gespeichert werden:
{reason}.</translation>
    </message>
    <message>
        <source>Saved {name} ({written}).</source>
        <translation>{name} gespeichert ({written}).</translation>
    </message>
    <message>
        <source>Kept the original {name} where it is.</source>
        <translation>Das Original {name} bleibt, wo es ist.</translation>
    </message>
    <message>
        <source>Could Not Copy</source>
        <translation>Kopieren nicht möglich</translation>
    </message>
    <message>
        <source>Could not copy the original to {target}:
{reason}</source>
        <translation>Das Original konnte nicht nach {target} kopiert werden:
{reason}</translation>
    </message>
    <message>
        <source>Saving {name}</source>
        <translation>Speichere {name}</translation>
    </message>
    <message>
        <source>Not saved: cancelled.</source>
        <translation>Nicht gespeichert: abgebrochen.</translation>
    </message>
    <message>
        <source>Saved {name}: LARGER than the original file.</source>
        <translation>{name} gespeichert: GRÖSSER als die Originaldatei.</translation>
    </message>
    <message>
        <source>No palette yet: wait for the compressed image.</source>
        <translation>Noch keine Palette: Warten Sie auf das komprimierte Bild.</translation>
    </message>
    <message>
        <source>Could Not Export</source>
        <translation>Exportieren nicht möglich</translation>
    </message>
    <message>
        <source>Could not export the palette:
{reason}</source>
        <translation>Die Palette konnte nicht exportiert werden:
{reason}</translation>
    </message>
    <message>
        <source> ({reason}; .gpl and .json keep it)</source>
        <translation> ({reason}; .gpl und .json behalten sie)</translation>
    </message>
</context>
<context>
    <name>SharedPalette</name>
    <message>
        <source>Shared Palette</source>
        <translation>Gemeinsame Palette</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Own PSNR</source>
        <translation>Eigener PSNR</translation>
    </message>
    <message>
        <source>Shared PSNR</source>
        <translation>Gemeinsamer PSNR</translation>
    </message>
    <message>
        <source>Own ΔE</source>
        <translation>Eigenes ΔE</translation>
    </message>
    <message>
        <source>Shared ΔE</source>
        <translation>Gemeinsames ΔE</translation>
    </message>
    <message>
        <source>Own size</source>
        <translation>Eigene Größe</translation>
    </message>
    <message>
        <source>Shared size</source>
        <translation>Gemeinsame Größe</translation>
    </message>
    <message>
        <source>Apply to These Images</source>
        <translation>Auf diese Bilder anwenden</translation>
    </message>
    <message>
        <source>Select two images or more in the list (Ctrl+click) for a shared palette</source>
        <translation>Für eine gemeinsame Palette zwei oder mehr Bilder in der Liste wählen (Strg+Klick)</translation>
    </message>
    <message>
        <source>Shared palette</source>
        <translation>Gemeinsame Palette</translation>
    </message>
</context>
<context>
    <name>Showing</name>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>{name} cannot be opened:
{reason}</source>
        <translation>{name} kann nicht geöffnet werden:
{reason}</translation>
    </message>
    <message>
        <source>Compressing…</source>
        <translation>Komprimiere…</translation>
    </message>
    <message>
        <source>Quick preview of K = {k}; compressing…</source>
        <translation>Schnelle Vorschau von K = {k}; komprimiere…</translation>
    </message>
    <message>
        <source>{name}: K = {k}, {size} {format}, PSNR {psnr} dB, k-means and mapping {time} s</source>
        <translation>{name}: K = {k}, {size} {format}, PSNR {psnr} dB, k-means und Zuordnung {time} s</translation>
    </message>
    <message>
        <source>Cancelled: change K or select the image again</source>
        <translation>Abgebrochen: K ändern oder das Bild erneut wählen</translation>
    </message>
    <message>
        <source>(computing K = {k}…)</source>
        <translation>(berechne K = {k}…)</translation>
    </message>
</context>
<context>
    <name>SplitView</name>
    <message>
        <source>Drag the divider to compare; X swaps the sides; hold Space to see the original</source>
        <translation>Den Teiler ziehen, um zu vergleichen; X tauscht die Seiten; Leertaste halten zeigt das Original</translation>
    </message>
    <message>
        <source>Original (Space held)</source>
        <translation>Original (Leertaste gehalten)</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>The file on screen.</source>
        <translation>Die angezeigte Datei.</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Abmessungen</translation>
    </message>
    <message>
        <source>Width × height in pixels, and megapixels.</source>
        <translation>Breite × Höhe in Pixeln und Megapixel.</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>Originaldatei</translation>
    </message>
    <message>
        <source>Size of the file you opened, and its format.</source>
        <translation>Größe der geöffneten Datei und ihr Format.</translation>
    </message>
    <message>
        <source>Raw 24-bit</source>
        <translation>Roh, 24 Bit</translation>
    </message>
    <message>
        <source>Width × height × 3 bytes: the pixels with no compression at all.</source>
        <translation>Breite × Höhe × 3 Byte: die Pixel ganz ohne Komprimierung.</translation>
    </message>
    <message>
        <source>Palette + index</source>
        <translation>Palette + Index</translation>
    </message>
    <message>
        <source>Every pixel stored as a ⌈log₂ n⌉-bit index into n palette colours of 3 bytes, with no file format around it; the ratio is raw 24-bit over this.</source>
        <translation>Jedes Pixel als ⌈log₂ n⌉-Bit-Index in n Palettenfarben zu 3 Byte, ohne Dateiformat drumherum; das Verhältnis ist roh 24 Bit geteilt hierdurch.</translation>
    </message>
    <message>
        <source>Encoded file</source>
        <translation>Kodierte Datei</translation>
    </message>
    <message>
        <source>Size of the compressed file in the chosen format, as written, and the PNG effort it was written with (the preview&apos;s is fast; File ▸ Save Effort sets the one Save uses).</source>
        <translation>Größe der komprimierten Datei im gewählten Format, wie geschrieben, und der PNG-Aufwand, mit dem sie geschrieben wurde (die Vorschau nutzt „schnell“; Datei ▸ Speicheraufwand legt den für Speichern fest).</translation>
    </message>
    <message>
        <source>vs original file</source>
        <translation>ggü. Originaldatei</translation>
    </message>
    <message>
        <source>Original file size over encoded file size. A photo that was a JPEG is often smaller than any lossless palette file: then the encoded file is larger, and this says so.</source>
        <translation>Größe der Originaldatei geteilt durch die der kodierten Datei. Ein Foto, das ein JPEG war, ist oft kleiner als jede verlustfreie Palettendatei: Dann ist die kodierte Datei größer, und hier steht es.</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <source>Distinct colours in the encoded image, and the K asked for.</source>
        <translation>Verschiedene Farben im kodierten Bild und das verlangte K.</translation>
    </message>
    <message>
        <source>PSNR</source>
        <translation>PSNR</translation>
    </message>
    <message>
        <source>Peak signal-to-noise ratio against the original, in dB (higher is closer).</source>
        <translation>Spitzen-Signal-Rausch-Verhältnis gegenüber dem Original, in dB (höher ist näher).</translation>
    </message>
    <message>
        <source>Mean ΔE</source>
        <translation>Mittleres ΔE</translation>
    </message>
    <message>
        <source>Mean colour difference in Oklab, ×100: about 1 is just noticeable, over 5 is clear.</source>
        <translation>Mittlerer Farbunterschied in Oklab, ×100: etwa 1 ist gerade sichtbar, über 5 deutlich.</translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation>SSIM</translation>
    </message>
    <message>
        <source>Structural similarity of the luma (Wang et al. 2004; Gaussian window, 11 × 11): 1 is identical; closer to what people judge than PSNR. n/a below 11 × 11 pixels.</source>
        <translation>Strukturelle Ähnlichkeit der Helligkeit (Wang u. a. 2004; Gauß-Fenster, 11 × 11): 1 ist identisch; näher am menschlichen Urteil als PSNR. k. A. unter 11 × 11 Pixeln.</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>What the encoded file keeps of the original&apos;s metadata (EXIF, XMP, PNG text, colour profile), as chosen under Metadata.</source>
        <translation>Was die kodierte Datei von den Metadaten des Originals behält (EXIF, XMP, PNG-Text, Farbprofil), wie unter Metadaten gewählt.</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <source>Lloyd iterations of the k-means.</source>
        <translation>Lloyd-Iterationen des k-means.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>K-means and mapping. Not counted: the colour analysis (once per image, reused for every K), decoding, encoding and measuring.</source>
        <translation>K-means und Zuordnung. Nicht gezählt: die Farbanalyse (einmal je Bild, für jedes K wiederverwendet), Dekodieren, Kodieren und Messen.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>, effort {effort}</source>
        <translation>, Aufwand {effort}</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>schnell</translation>
    </message>
    <message>
        <source>max</source>
        <translation>maximal</translation>
    </message>
    <message>
        <source>{ratio}× smaller</source>
        <translation>{ratio}× kleiner</translation>
    </message>
    <message>
        <source>{ratio}× larger</source>
        <translation>{ratio}× größer</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identisch</translation>
    </message>
    <message>
        <source>{psnr} dB</source>
        <translation>{psnr} dB</translation>
    </message>
    <message>
        <source>{width} × {height} px ({megapixels} MP)</source>
        <translation>{width} × {height} px ({megapixels} MP)</translation>
    </message>
    <message>
        <source>{size} ({ratio}× smaller than raw)</source>
        <translation>{size} ({ratio}× kleiner als roh)</translation>
    </message>
    <message>
        <source>LARGER: {ratio} than the original</source>
        <translation>GRÖSSER: {ratio} als das Original</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>The {format} file is larger than the original file: a palette image is lossless, and a photo&apos;s original JPEG is often smaller.</source>
        <translation>Die {format}-Datei ist größer als die Originaldatei: Ein Palettenbild ist verlustfrei, und das Original-JPEG eines Fotos ist oft kleiner.</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>{0} B</source>
        <translation>{0} B</translation>
    </message>
    <message>
        <source>{0} KB</source>
        <translation>{0} kB</translation>
    </message>
    <message>
        <source>{0} MB</source>
        <translation>{0} MB</translation>
    </message>
    <message>
        <source>{0} GB</source>
        <translation>{0} GB</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>K grid</source>
        <translation>K-Raster</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Original and compressed side by side</source>
        <translation>Original und komprimiert nebeneinander</translation>
    </message>
    <message>
        <source>Original and compressed in one view: drag the divider; X swaps, hold Space for the original</source>
        <translation>Original und komprimiert in einer Ansicht: den Teiler ziehen; X tauscht, Leertaste halten zeigt das Original</translation>
    </message>
    <message>
        <source>Heat map of the colour difference (ΔE) at every pixel</source>
        <translation>Wärmekarte des Farbunterschieds (ΔE) an jedem Pixel</translation>
    </message>
    <message>
        <source>The image at several K at once; click one to choose its K</source>
        <translation>Das Bild mit mehreren K zugleich; eines anklicken wählt sein K</translation>
    </message>
    <message>
        <source>File size and quality against K, with the suggested K</source>
        <translation>Dateigröße und Qualität über K, mit dem vorgeschlagenen K</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Split view of original and compressed</source>
        <translation>Geteilte Ansicht von Original und komprimiertem Bild</translation>
    </message>
    <message>
        <source>Difference heat map</source>
        <translation>Wärmekarte der Differenz</translation>
    </message>
    <message>
        <source>Size and quality chart</source>
        <translation>Diagramm von Größe und Qualität</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>berechne…</translation>
    </message>
    <message>
        <source>K = {k} · {size}{effort} · PSNR {psnr} dB · ΔE {delta_e} · SSIM {ssim}</source>
        <translation>K = {k} · {size}{effort} · PSNR {psnr} dB · ΔE {delta_e} · SSIM {ssim}</translation>
    </message>
    <message>
        <source> · LARGER than the original</source>
        <translation> · GRÖSSER als das Original</translation>
    </message>
    <message>
        <source>Measured on the {format} file at full resolution: {colours} colours, {bytes} bytes{effort}. The picture is a {preview} preview with this K&apos;s palette.</source>
        <translation>Gemessen an der {format}-Datei in voller Auflösung: {colours} Farben, {bytes} Byte{effort}. Das Bild ist eine {preview}-Vorschau mit der Palette dieses K.</translation>
    </message>
    <message>
        <source>K = {k} · preview: PSNR ≈ {psnr} dB · ΔE ≈ {delta_e} · size: measuring…</source>
        <translation>K = {k} · Vorschau: PSNR ≈ {psnr} dB · ΔE ≈ {delta_e} · Größe: wird gemessen…</translation>
    </message>
    <message>
        <source>Quick estimate on a {preview} preview with an unrefined palette; the file size and exact figures follow once this K is compressed at full resolution.</source>
        <translation>Schnelle Schätzung an einer {preview}-Vorschau mit einer unverfeinerten Palette; Dateigröße und genaue Werte folgen, sobald dieses K in voller Auflösung komprimiert ist.</translation>
    </message>
    <message>
        <source>{name} ({what}): previews {quick} of {count}, measured {measured} of {count}</source>
        <translation>{name} ({what}): Vorschauen {quick} von {count}, gemessen {measured} von {count}</translation>
    </message>
    <message>
        <source> — stopped; switch views or change the K values to go on</source>
        <translation> — angehalten; Ansicht wechseln oder K-Werte ändern, um fortzufahren</translation>
    </message>
    <message>
        <source> · suggested K = {k}</source>
        <translation> · vorgeschlagenes K = {k}</translation>
    </message>
    <message>
        <source>Difference: waiting for the compressed image</source>
        <translation>Differenz: warte auf das komprimierte Bild</translation>
    </message>
    <message>
        <source>computing the ΔE map…</source>
        <translation>berechne die ΔE-Karte…</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Compressed</source>
        <translation>Komprimiert</translation>
    </message>
    <message>
        <source>Original image</source>
        <translation>Originalbild</translation>
    </message>
    <message>
        <source>Compressed image</source>
        <translation>Komprimiertes Bild</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Copied {text} to the clipboard.</source>
        <translation>{text} in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade…</translation>
    </message>
    <message>
        <source>Drop photos or folders here
or use File ▸ Open… (Ctrl+O)</source>
        <translation>Fotos oder Ordner hierher ziehen
oder Datei ▸ Öffnen… (Strg+O) verwenden</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Save the compressed image</source>
        <translation>Das komprimierte Bild speichern</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>An Fenster anpassen</translation>
    </message>
    <message>
        <source>Actual size, 100%</source>
        <translation>Originalgröße, 100 %</translation>
    </message>
    <message>
        <source>Export the palette</source>
        <translation>Die Palette exportieren</translation>
    </message>
    <message>
        <source>Fit the images to the window (Ctrl+0)</source>
        <translation>Die Bilder ins Fenster einpassen (Strg+0)</translation>
    </message>
    <message>
        <source>One image pixel per device pixel of the screen (Ctrl+1)</source>
        <translation>Ein Bildpixel je Gerätepixel des Bildschirms (Strg+1)</translation>
    </message>
    <message>
        <source>Save the compressed image on screen (Ctrl+S)</source>
        <translation>Das angezeigte komprimierte Bild speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Save the palette as GIMP .gpl, Adobe .act, JSON or a hex list (Ctrl+E)</source>
        <translation>Die Palette als GIMP-.gpl, Adobe-.act, JSON oder Hex-Liste speichern (Strg+E)</translation>
    </message>
</context>
</TS>

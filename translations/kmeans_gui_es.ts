<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n compressed file(s) would be larger than their original:</source>
        <translation>
            <numerusform>%n archivo comprimido sería más grande que su original:</numerusform>
            <numerusform>%n archivos comprimidos serían más grandes que su original:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already exist:</source>
        <translation>
            <numerusform>%n archivo ya existe:</numerusform>
            <numerusform>%n archivos ya existen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Seeking {goal} for %n image(s), K between {k_min} and {k_max}…</source>
        <translation>
            <numerusform>Buscando {goal} para %n imagen, K entre {k_min} y {k_max}…</numerusform>
            <numerusform>Buscando {goal} para %n imágenes, K entre {k_min} y {k_max}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n colour(s) to {name}{note}.</source>
        <translation>
            <numerusform>%n color exportado a {name}{note}.</numerusform>
            <numerusform>%n colores exportados a {name}{note}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Palette: %n colour(s), areas by cost if removed</source>
        <translation>
            <numerusform>Paleta: %n color, áreas según el coste de quitarlo</numerusform>
            <numerusform>Paleta: %n colores, áreas según el coste de quitarlos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Palette: %n colour(s), areas by pixel share</source>
        <translation>
            <numerusform>Paleta: %n color, áreas según la proporción de píxeles</numerusform>
            <numerusform>Paleta: %n colores, áreas según la proporción de píxeles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Use the %n colour(s) of {name}:</source>
        <translation>
            <numerusform>Usar el %n color de {name}:</numerusform>
            <numerusform>Usar los %n colores de {name}:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n colour(s)</source>
        <translation>
            <numerusform>Eliminar %n color</numerusform>
            <numerusform>Eliminar %n colores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One palette of {colours} colours for these %n image(s) (k-means on all their pixels together). Figures measured on each encoded file:</source>
        <translation>
            <numerusform>Una paleta de {colours} colores para esta %n imagen (k-means sobre todos sus píxeles). Cifras medidas en cada archivo codificado:</numerusform>
            <numerusform>Una paleta de {colours} colores para estas %n imágenes (k-means sobre todos sus píxeles juntos). Cifras medidas en cada archivo codificado:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finding one palette for %n image(s)…</source>
        <translation>
            <numerusform>Buscando una paleta para %n imagen…</numerusform>
            <numerusform>Buscando una paleta para %n imágenes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving %n image(s) into {folder}…</source>
        <translation>
            <numerusform>Guardando %n imagen en {folder}…</numerusform>
            <numerusform>Guardando %n imágenes en {folder}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save All stopped: saved {saved} of %n image(s) into {folder}.</source>
        <translation>
            <numerusform>«Guardar todo» detenido: guardada {saved} de %n imagen en {folder}.</numerusform>
            <numerusform>«Guardar todo» detenido: guardadas {saved} de %n imágenes en {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {saved} of %n image(s) into {folder}.</source>
        <translation>
            <numerusform>Guardada {saved} de %n imagen en {folder}.</numerusform>
            <numerusform>Guardadas {saved} de %n imágenes en {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> Kept %n existing file(s).</source>
        <translation>
            <numerusform> Se conservó %n archivo existente.</numerusform>
            <numerusform> Se conservaron %n archivos existentes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open image files</source>
        <translation>Abrir archivos de imagen</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Abrir &amp;carpeta…</translation>
    </message>
    <message>
        <source>Open every image of a folder</source>
        <translation>Abrir todas las imágenes de una carpeta</translation>
    </message>
    <message>
        <source>&amp;Paste Image</source>
        <translation>&amp;Pegar imagen</translation>
    </message>
    <message>
        <source>Open the image or image files on the clipboard</source>
        <translation>Abrir la imagen o los archivos de imagen del portapapeles</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <source>Save the compressed image on screen</source>
        <translation>Guardar la imagen comprimida en pantalla</translation>
    </message>
    <message>
        <source>Save &amp;All…</source>
        <translation>Guardar &amp;todo…</translation>
    </message>
    <message>
        <source>Save every done image of the list into a folder with the current settings</source>
        <translation>Guardar todas las imágenes terminadas de la lista en una carpeta con los ajustes actuales</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Re&amp;move from List</source>
        <translation>&amp;Quitar de la lista</translation>
    </message>
    <message>
        <source>C&amp;lear List</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
    <message>
        <source>Take the selected images out of the list (the files stay)</source>
        <translation>Quitar de la lista las imágenes elegidas (los archivos se quedan)</translation>
    </message>
    <message>
        <source>Take every image out of the list (the files stay)</source>
        <translation>Quitar todas las imágenes de la lista (los archivos se quedan)</translation>
    </message>
    <message>
        <source>&amp;More Colours</source>
        <translation>Má&amp;s colores</translation>
    </message>
    <message>
        <source>Next larger K</source>
        <translation>K siguiente mayor</translation>
    </message>
    <message>
        <source>&amp;Fewer Colours</source>
        <translation>&amp;Menos colores</translation>
    </message>
    <message>
        <source>Next smaller K</source>
        <translation>K siguiente menor</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Stop the running compression</source>
        <translation>Detener la compresión en curso</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Ajustar a la ventana</translation>
    </message>
    <message>
        <source>Fit the images</source>
        <translation>Ajustar las imágenes</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100%)</source>
        <translation>&amp;Tamaño real (100 %)</translation>
    </message>
    <message>
        <source>One image pixel per device pixel of the screen</source>
        <translation>Un píxel de imagen por píxel físico de la pantalla</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Acerca&amp;r</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>E&amp;xport Palette…</source>
        <translation>E&amp;xportar paleta…</translation>
    </message>
    <message>
        <source>Save the palette on screen as .gpl, .act, .json or .txt</source>
        <translation>Guardar la paleta en pantalla como .gpl, .act, .json o .txt</translation>
    </message>
    <message>
        <source>Find K for a &amp;Goal…</source>
        <translation>Buscar K para un &amp;objetivo…</translation>
    </message>
    <message>
        <source>The smallest K meeting a PSNR, ΔE or SSIM target, or the best K under a file size</source>
        <translation>El K más pequeño que alcanza un objetivo de PSNR, ΔE o SSIM, o el mejor K por debajo de un tamaño de archivo</translation>
    </message>
    <message>
        <source>&amp;About kmeans-gui</source>
        <translation>&amp;Acerca de kmeans-gui</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Versión y licencia</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Compress</source>
        <translation>&amp;Comprimir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Show the view “{view}”</source>
        <translation>Mostrar la vista «{view}»</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>Save &amp;Effort</source>
        <translation>&amp;Esfuerzo al guardar</translation>
    </message>
    <message>
        <source>&amp;Fast</source>
        <translation>&amp;Rápido</translation>
    </message>
    <message>
        <source>Write PNG files as the preview was encoded (quick)</source>
        <translation>Escribir los archivos PNG como se codificó la vista previa (rápido)</translation>
    </message>
    <message>
        <source>&amp;Max: Smallest PNG</source>
        <translation>&amp;Máximo: PNG más pequeño</translation>
    </message>
    <message>
        <source>Rewrite PNG files smaller, the same pixels, for about ten times the time</source>
        <translation>Reescribir los archivos PNG más pequeños, con los mismos píxeles, en unas diez veces más tiempo</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>The language changes when kmeans-gui is started again.</source>
        <translation>El idioma cambia la próxima vez que se inicie kmeans-gui.</translation>
    </message>
    <message>
        <source>Checkerboard Behind Transparency</source>
        <translation>Tablero de ajedrez tras la transparencia</translation>
    </message>
    <message>
        <source>White Behind Transparency</source>
        <translation>Blanco tras la transparencia</translation>
    </message>
    <message>
        <source>Black Behind Transparency</source>
        <translation>Negro tras la transparencia</translation>
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
        <translation>ΔE medio</translation>
    </message>
    <message>
        <source>PSNR {psnr} dB</source>
        <translation>PSNR {psnr} dB</translation>
    </message>
    <message>
        <source>Quality measure of the chart</source>
        <translation>Medida de calidad del gráfico</translation>
    </message>
    <message>
        <source>&amp;Quality:</source>
        <translation>&amp;Calidad:</translation>
    </message>
    <message>
        <source>Computing the K sweep…</source>
        <translation>Calculando la serie de K…</translation>
    </message>
    <message>
        <source>Chart of file size and quality against K</source>
        <translation>Gráfico del tamaño de archivo y la calidad según K</translation>
    </message>
    <message>
        <source>K (colours, log scale)</source>
        <translation>K (colores, escala log)</translation>
    </message>
    <message>
        <source>file size</source>
        <translation>tamaño de archivo</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>calidad</translation>
    </message>
    <message>
        <source>encoded file</source>
        <translation>archivo codificado</translation>
    </message>
    <message>
        <source>{metric} (hollow: preview estimate)</source>
        <translation>{metric} (hueco: estimación de la vista previa)</translation>
    </message>
    <message>
        <source>suggested K = {k}</source>
        <translation>K sugerido = {k}</translation>
    </message>
    <message>
        <source>{measured} of {count} K measured at full resolution</source>
        <translation>{measured} de {count} K medidos a resolución completa</translation>
    </message>
    <message>
        <source>suggested K = {k} ({size}, {figure}): past the knee, more bytes buy little quality</source>
        <translation>K sugerido = {k} ({size}, {figure}): pasado el codo, más bytes aportan poca calidad</translation>
    </message>
    <message>
        <source>size not measured yet</source>
        <translation>tamaño aún no medido</translation>
    </message>
    <message>
        <source> (preview estimate)</source>
        <translation> (estimación de la vista previa)</translation>
    </message>
    <message>
        <source>K = {k}: {size}, PSNR {psnr} dB, ΔE {delta_e}{ssim}{where}
click to use this K</source>
        <translation>K = {k}: {size}, PSNR {psnr} dB, ΔE {delta_e}{ssim}{where}
haga clic para usar este K</translation>
    </message>
</context>
<context>
    <name>Controls</name>
    <message>
        <source>Oklab (perceptual)</source>
        <translation>Oklab (perceptual)</translation>
    </message>
    <message>
        <source>PNG (indexed)</source>
        <translation>PNG (indexado)</translation>
    </message>
    <message>
        <source>WebP (lossless)</source>
        <translation>WebP (sin pérdida)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>All but location</source>
        <translation>Todos menos la ubicación</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>K: the number of palette colours (2–256). Every K up to 32 has its own slider position; above, the slider steps by 4, 8 or 16, and the box takes any K. Keys: + and −.</source>
        <translation>K: el número de colores de la paleta (2–256). Cada K hasta 32 tiene su posición en el deslizador; por encima avanza de 4, 8 o 16 en 16, y la casilla acepta cualquier K. Teclas: + y −.</translation>
    </message>
    <message>
        <source>&amp;K colours:</source>
        <translation>&amp;K colores:</translation>
    </message>
    <message>
        <source>Where k-means measures colour distance: RGB, or Oklab, a perceptual space (often better on skies and skin). The palette is sRGB either way.</source>
        <translation>Dónde mide k-means la distancia entre colores: RGB u Oklab, un espacio perceptual (a menudo mejor en cielos y piel). La paleta es sRGB en ambos casos.</translation>
    </message>
    <message>
        <source>Colour &amp;space:</source>
        <translation>E&amp;spacio de color:</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Floyd–Steinberg error diffusion, as a share of each pixel&apos;s error passed on: smoother gradients, but noisier pixels that compress less well. 100 % is the classic full dithering; lower strengths take longer to compute.</source>
        <translation>Difusión de error de Floyd–Steinberg, como proporción del error de cada píxel que se transmite: degradados más suaves, pero píxeles más ruidosos que se comprimen peor. 100 % es el difuminado completo clásico; las intensidades menores tardan más.</translation>
    </message>
    <message>
        <source>&amp;Dithering:</source>
        <translation>&amp;Difuminado:</translation>
    </message>
    <message>
        <source>Dithering strength</source>
        <translation>Intensidad del difuminado</translation>
    </message>
    <message>
        <source>Dithering strength, slider</source>
        <translation>Intensidad del difuminado, deslizador</translation>
    </message>
    <message>
        <source>The file format: the statistics show this format&apos;s real file size.</source>
        <translation>El formato de archivo: las estadísticas muestran el tamaño real del archivo en este formato.</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>The photo&apos;s metadata (EXIF: camera, date taken; XMP; PNG text) kept in the compressed file: all of it, all but the GPS location (for copies to share), or none. GIF holds none. The colour profile is always kept.</source>
        <translation>Los metadatos de la foto (EXIF: cámara, fecha de toma; XMP; texto PNG) que conserva el archivo comprimido: todos, todos menos la ubicación GPS (para copias que se comparten) o ninguno. GIF no admite ninguno. El perfil de color se conserva siempre.</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>&amp;Metadatos:</translation>
    </message>
    <message>
        <source>Keep da&amp;tes</source>
        <translation>Conservar fec&amp;has</translation>
    </message>
    <message>
        <source>Saved files get the original file&apos;s modification date, so that photo libraries sorted by date keep them in place.</source>
        <translation>Los archivos guardados reciben la fecha de modificación del original, para que las fototecas ordenadas por fecha los mantengan en su sitio.</translation>
    </message>
    <message>
        <source>Number of colours K, slider</source>
        <translation>Número de colores K, deslizador</translation>
    </message>
    <message>
        <source>Number of colours K</source>
        <translation>Número de colores K</translation>
    </message>
    <message>
        <source>Colour space</source>
        <translation>Espacio de color</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Formato de archivo</translation>
    </message>
    <message>
        <source>Metadata kept</source>
        <translation>Metadatos conservados</translation>
    </message>
    <message>
        <source>Keep the original&apos;s file dates</source>
        <translation>Conservar las fechas del archivo original</translation>
    </message>
    <message>
        <source>{format} — too large for this image</source>
        <translation>{format} — imagen demasiado grande para este formato</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>PNG, indexed colour (*.png)</source>
        <translation>PNG, color indexado (*.png)</translation>
    </message>
    <message>
        <source>WebP, lossless (*.webp)</source>
        <translation>WebP, sin pérdida (*.webp)</translation>
    </message>
    <message>
        <source>GIMP palette (*.gpl)</source>
        <translation>Paleta de GIMP (*.gpl)</translation>
    </message>
    <message>
        <source>Adobe Color Table (*.act)</source>
        <translation>Tabla de colores de Adobe (*.act)</translation>
    </message>
    <message>
        <source>JSON list of colours (*.json)</source>
        <translation>Lista JSON de colores (*.json)</translation>
    </message>
    <message>
        <source>Hex colours, one per line (*.txt)</source>
        <translation>Colores hexadecimales, uno por línea (*.txt)</translation>
    </message>
    <message>
        <source>Images ({patterns});;All files (*)</source>
        <translation>Imágenes ({patterns});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open Images</source>
        <translation>Abrir imágenes</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Save Compressed Image</source>
        <translation>Guardar imagen comprimida</translation>
    </message>
    <message>
        <source>Export Palette</source>
        <translation>Exportar paleta</translation>
    </message>
    <message>
        <source>Keep the Original</source>
        <translation>Conservar el original</translation>
    </message>
    <message>
        <source>The original&apos;s type ({pattern});;All files (*)</source>
        <translation>Tipo del original ({pattern});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Larger Than the Original</source>
        <translation>Más grande que el original</translation>
    </message>
    <message>
        <source>The compressed “{name}” would be {output} bytes, larger than the original file ({input} bytes).

Keep a copy of the original instead?</source>
        <translation>El «{name}» comprimido tendría {output} bytes, más que el archivo original ({input} bytes).

¿Conservar en su lugar una copia del original?</translation>
    </message>
    <message>
        <source>Save the Larger File</source>
        <translation>Guardar el archivo más grande</translation>
    </message>
    <message>
        <source>Larger Than the Originals</source>
        <translation>Más grandes que los originales</translation>
    </message>
    <message>
        <source>Keep copies of those originals instead?</source>
        <translation>¿Conservar en su lugar copias de esos originales?</translation>
    </message>
    <message>
        <source>Keep the Originals</source>
        <translation>Conservar los originales</translation>
    </message>
    <message>
        <source>Save the Larger Files</source>
        <translation>Guardar los archivos más grandes</translation>
    </message>
    <message>
        <source>Save All Into Folder</source>
        <translation>Guardar todo en una carpeta</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>¿Reemplazar el archivo?</translation>
    </message>
    <message>
        <source>“{name}” already exists in “{folder}”.
Do you want to replace it?</source>
        <translation>«{name}» ya existe en «{folder}».
¿Desea reemplazarlo?</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>¿Reemplazar los archivos?</translation>
    </message>
    <message>
        <source>Yes replaces them, No skips them, Cancel saves nothing.</source>
        <translation>Sí los reemplaza, No los omite, Cancelar no guarda nada.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Compress photos by K-means colour quantization: every pixel becomes one of K palette colours, stored as an indexed PNG, a GIF or a lossless WebP.&lt;/p&gt;&lt;p&gt;Licence: MIT. The bundled sample photos carry their own licences (CC0 / public domain).&lt;/p&gt;&lt;p&gt;Qt {qt} (LGPL v3) through PySide6 {pyside}.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Comprime fotos por cuantización de color con K-means: cada píxel pasa a ser uno de K colores de paleta, guardado como PNG indexado, GIF o WebP sin pérdida.&lt;/p&gt;&lt;p&gt;Licencia: MIT. Las fotos de ejemplo incluidas tienen sus propias licencias (CC0 / dominio público).&lt;/p&gt;&lt;p&gt;Qt {qt} (LGPL v3) a través de PySide6 {pyside}.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Acerca de {app}</translation>
    </message>
</context>
<context>
    <name>DifferenceView</name>
    <message>
        <source>Colour scale of the heat map</source>
        <translation>Escala de colores del mapa de calor</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Difference heat map</source>
        <translation>Mapa de calor de la diferencia</translation>
    </message>
    <message>
        <source>ΔE×100 per pixel:</source>
        <translation>ΔE×100 por píxel:</translation>
    </message>
    <message>
        <source>Difference: waiting for the compressed image</source>
        <translation>Diferencia: esperando la imagen comprimida</translation>
    </message>
    <message>
        <source>Difference{what} — mean ΔE {mean}, largest {largest} at ({x}, {y}) (ringed)</source>
        <translation>Diferencia{what} — ΔE medio {mean}, máximo {largest} en ({x}, {y}) (con círculo)</translation>
    </message>
</context>
<context>
    <name>GoalPanel</name>
    <message>
        <source>Find K for a Goal</source>
        <translation>Buscar K para un objetivo</translation>
    </message>
    <message>
        <source>Smallest K whose &amp;PSNR is at least</source>
        <translation>K más pequeño cuyo &amp;PSNR sea al menos</translation>
    </message>
    <message>
        <source>Smallest K whose mean &amp;ΔE is at most</source>
        <translation>K más pequeño cuyo &amp;ΔE medio sea como mucho</translation>
    </message>
    <message>
        <source>Smallest K whose SS&amp;IM is at least</source>
        <translation>K más pequeño cuyo SS&amp;IM sea al menos</translation>
    </message>
    <message>
        <source>Best quality whose &amp;file is at most</source>
        <translation>Mejor calidad cuyo &amp;archivo ocupe como mucho</translation>
    </message>
    <message>
        <source>Least PSNR in dB</source>
        <translation>PSNR mínimo en dB</translation>
    </message>
    <message>
        <source>Oklab ΔE×100: about 1 is just noticeable, over 5 is clear</source>
        <translation>ΔE×100 de Oklab: alrededor de 1 apenas se nota, más de 5 es claro</translation>
    </message>
    <message>
        <source>Largest mean ΔE</source>
        <translation>ΔE medio máximo</translation>
    </message>
    <message>
        <source>Structural similarity of the luma (1 = identical); follows what people see more closely than PSNR</source>
        <translation>Similitud estructural de la luminancia (1 = idéntica); sigue lo que se ve más de cerca que el PSNR</translation>
    </message>
    <message>
        <source>Least SSIM</source>
        <translation>SSIM mínimo</translation>
    </message>
    <message>
        <source> KB</source>
        <translation> KB</translation>
    </message>
    <message>
        <source>KB = 1000 bytes</source>
        <translation>KB = 1000 bytes</translation>
    </message>
    <message>
        <source>Largest file size in KB</source>
        <translation>Tamaño de archivo máximo en KB</translation>
    </message>
    <message>
        <source>Smallest K to try</source>
        <translation>K más pequeño a probar</translation>
    </message>
    <message>
        <source>Largest K to try</source>
        <translation>K más grande a probar</translation>
    </message>
    <message>
        <source>&amp;Every image in the list</source>
        <translation>&amp;Cada imagen de la lista</translation>
    </message>
    <message>
        <source>&amp;This image</source>
        <translation>Es&amp;ta imagen</translation>
    </message>
    <message>
        <source>&amp;Find K</source>
        <translation>&amp;Buscar K</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>Each K tried is compressed and measured for real, by bisection (about 9 K), reusing the image&apos;s colour analysis.</source>
        <translation>Cada K probado se comprime y se mide de verdad, por bisección (unos 9 K), reutilizando el análisis de color de la imagen.</translation>
    </message>
    <message>
        <source>Goal search log</source>
        <translation>Registro de la búsqueda</translation>
    </message>
    <message>
        <source>K between</source>
        <translation>K entre</translation>
    </message>
    <message>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Para:</translation>
    </message>
</context>
<context>
    <name>GoalSeeking</name>
    <message>
        <source>No image to search: open one first.</source>
        <translation>No hay imagen que buscar: abra una primero.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
    <message>
        <source>meets it</source>
        <translation>lo cumple</translation>
    </message>
    <message>
        <source>does not</source>
        <translation>no lo cumple</translation>
    </message>
    <message>
        <source>{name}: K = {k}: {size}, PSNR {psnr} dB, ΔE {delta_e}, SSIM {ssim} — {verdict}</source>
        <translation>{name}: K = {k}: {size}, PSNR {psnr} dB, ΔE {delta_e}, SSIM {ssim} — {verdict}</translation>
    </message>
    <message>
        <source>{name}: seeking {goal}, tried K = {k}</source>
        <translation>{name}: buscando {goal}, probado K = {k}</translation>
    </message>
    <message>
        <source>goal met</source>
        <translation>objetivo cumplido</translation>
    </message>
    <message>
        <source>goal NOT met, nearest</source>
        <translation>objetivo NO cumplido, el más cercano</translation>
    </message>
    <message>
        <source> Its file is LARGER than the original: Save offers to keep the original.</source>
        <translation> Su archivo es MÁS GRANDE que el original: Guardar ofrece conservar el original.</translation>
    </message>
    <message>
        <source>{name}: stopped.</source>
        <translation>{name}: detenido.</translation>
    </message>
</context>
<context>
    <name>ImageList</name>
    <message>
        <source>Opened images</source>
        <translation>Imágenes abiertas</translation>
    </message>
    <message>
        <source>Opened images: drop photos or folders anywhere on the window</source>
        <translation>Imágenes abiertas: suelte fotos o carpetas en cualquier lugar de la ventana</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>working…</source>
        <translation>en curso…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecha</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>Save All: {progress}</source>
        <translation>Guardar todo: {progress}</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Progress of the running job</source>
        <translation>Progreso de la tarea en curso</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop the running compression (Esc)</source>
        <translation>Detener la compresión en curso (Esc)</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Cancelar la tarea en curso</translation>
    </message>
    <message>
        <source>What the running job does</source>
        <translation>Lo que hace la tarea en curso</translation>
    </message>
    <message>
        <source>{what}: decoding</source>
        <translation>{what}: decodificando</translation>
    </message>
    <message>
        <source>{what}: loading</source>
        <translation>{what}: cargando</translation>
    </message>
    <message>
        <source>{what}: analysing colours, seeding k-means</source>
        <translation>{what}: analizando colores, iniciando k-means</translation>
    </message>
    <message>
        <source>{what}: k-means iteration {iteration}</source>
        <translation>{what}: iteración {iteration} de k-means</translation>
    </message>
    <message>
        <source>{name}, K = {k}: ΔE heat map</source>
        <translation>{name}, K = {k}: mapa de calor ΔE</translation>
    </message>
    <message>
        <source>{name}: seeking {goal}</source>
        <translation>{name}: buscando {goal}</translation>
    </message>
    <message>
        <source>{name}: K grid previews (K = {ks})</source>
        <translation>{name}: vistas previas de la cuadrícula K (K = {ks})</translation>
    </message>
    <message>
        <source>{name}: K grid, measuring K = {ks} at full size</source>
        <translation>{name}: cuadrícula K, midiendo K = {ks} a tamaño completo</translation>
    </message>
</context>
<context>
    <name>KGrid</name>
    <message>
        <source>waiting…</source>
        <translation>en espera…</translation>
    </message>
    <message>
        <source>Click (or Enter) to use K = {k}; wheel zooms and dragging pans every cell</source>
        <translation>Haga clic (o Intro) para usar K = {k}; la rueda amplía y arrastrar desplaza todas las celdas</translation>
    </message>
    <message>
        <source>K grid cell: {caption}</source>
        <translation>Celda de la cuadrícula K: {caption}</translation>
    </message>
    <message>
        <source>K values of the grid</source>
        <translation>Valores de K de la cuadrícula</translation>
    </message>
    <message>
        <source>The K values of the grid, 2–256, separated by spaces or commas (at most {count}); Enter applies them</source>
        <translation>Los valores de K de la cuadrícula, 2–256, separados por espacios o comas (como mucho {count}); Intro los aplica</translation>
    </message>
    <message>
        <source>K &amp;values:</source>
        <translation>&amp;Valores de K:</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>Sin cambios: {reason}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System Language</source>
        <translation>Idioma del sistema</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>{name}: no images in this folder</source>
        <translation>{name}: no hay imágenes en esta carpeta</translation>
    </message>
    <message>
        <source>{name}: no such file</source>
        <translation>{name}: el archivo no existe</translation>
    </message>
    <message>
        <source>{name}: not an image file</source>
        <translation>{name}: no es un archivo de imagen</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>El portapapeles no contiene ninguna imagen.</translation>
    </message>
    <message>
        <source>Could Not Paste</source>
        <translation>No se pudo pegar</translation>
    </message>
    <message>
        <source>The clipboard image could not be stored.</source>
        <translation>No se pudo almacenar la imagen del portapapeles.</translation>
    </message>
    <message>
        <source>{name}: not a local file</source>
        <translation>{name}: no es un archivo local</translation>
    </message>
    <message>
        <source>Not opened: {reasons}</source>
        <translation>No abierto: {reasons}</translation>
    </message>
    <message>
        <source>Not Opened</source>
        <translation>No abierto</translation>
    </message>
    <message>
        <source>These were not opened:

{reasons}</source>
        <translation>Estos no se abrieron:

{reasons}</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>No hay archivos recientes</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Vaciar el menú</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Click a colour to select it, Ctrl+click for more; double-click copies</source>
        <translation>Haga clic en un color para elegirlo, Ctrl+clic para más; doble clic copia</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Paleta</translation>
    </message>
    <message>
        <source>No palette yet</source>
        <translation>Aún no hay paleta</translation>
    </message>
    <message>
        <source>transparent</source>
        <translation>transparente</translation>
    </message>
    <message>
        <source>{name}{opacity} — {share} % of pixels ({count})</source>
        <translation>{name}{opacity} — {share} % de los píxeles ({count})</translation>
    </message>
    <message>
        <source>removing it: the only colour</source>
        <translation>al quitarlo: el único color</translation>
    </message>
    <message>
        <source>removing it: MSE +{mse}, mean ΔE +{delta_e}</source>
        <translation>al quitarlo: MSE +{mse}, ΔE medio +{delta_e}</translation>
    </message>
    <message>
        <source>locked: kept as it is when the palette is refit</source>
        <translation>bloqueado: se conserva tal cual al reajustar la paleta</translation>
    </message>
    <message>
        <source>, {percent} % opaque</source>
        <translation>, {percent} % opaco</translation>
    </message>
</context>
<context>
    <name>PaletteEdit</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Lock the selected colours (or unlock them): kept exactly while the others are refit (L)</source>
        <translation>Bloquear los colores elegidos (o desbloquearlos): se conservan exactos mientras se reajustan los demás (L)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Remove the selected colours (K goes down) and refit the others (Del)</source>
        <translation>Quitar los colores elegidos (K baja) y reajustar los demás (Supr)</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Combinar</translation>
    </message>
    <message>
        <source>Merge the selected colours into their weighted mean and refit (M)</source>
        <translation>Combinar los colores elegidos en su media ponderada y reajustar (M)</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>C&amp;olor…</translation>
    </message>
    <message>
        <source>Give the selected colour a colour of your choice (kept locked)</source>
        <translation>Dar al color elegido un color a su gusto (queda bloqueado)</translation>
    </message>
    <message>
        <source>&amp;Pick</source>
        <translation>&amp;Tomar</translation>
    </message>
    <message>
        <source>Add a colour from the original: click a point of the original image (K goes up; the colour is locked)</source>
        <translation>Añadir un color del original: haga clic en un punto de la imagen original (K sube; el color queda bloqueado)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Palette edits need an image whose palette is opaque colours</source>
        <translation>Editar la paleta requiere una imagen cuya paleta sea de colores opacos</translation>
    </message>
    <message>
        <source>Lock colours</source>
        <translation>Bloquear colores</translation>
    </message>
    <message>
        <source>Merge colours</source>
        <translation>Combinar colores</translation>
    </message>
    <message>
        <source>Palette Colour</source>
        <translation>Color de la paleta</translation>
    </message>
    <message>
        <source>Change colour</source>
        <translation>Cambiar color</translation>
    </message>
    <message>
        <source>Add colour</source>
        <translation>Añadir color</translation>
    </message>
    <message>
        <source>Map to imported palette</source>
        <translation>Ajustar a la paleta importada</translation>
    </message>
    <message>
        <source>Lock imported palette</source>
        <translation>Bloquear la paleta importada</translation>
    </message>
    <message>
        <source>Click a point of the original image to add its colour (Esc: stop)</source>
        <translation>Haga clic en un punto de la imagen original para añadir su color (Esc: parar)</translation>
    </message>
</context>
<context>
    <name>PalettePanel</name>
    <message>
        <source>pixel share</source>
        <translation>proporción de píxeles</translation>
    </message>
    <message>
        <source>cost if removed</source>
        <translation>coste al quitarlo</translation>
    </message>
    <message>
        <source>Swatch areas: each colour&apos;s share of the pixels, or how much the mean ΔE would rise if it were removed (its pixels going to their next-nearest colour)</source>
        <translation>Área de las muestras: la proporción de píxeles de cada color, o cuánto subiría el ΔE medio si se quitara (sus píxeles irían al siguiente color más cercano)</translation>
    </message>
    <message>
        <source>Swatch areas by</source>
        <translation>Área de las muestras según</translation>
    </message>
    <message>
        <source>Sized by:</source>
        <translation>Tamaño según:</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>Use a palette file (.gpl, .act, .json, .txt, .hex): map the image to exactly its colours, or lock them and let k-means add the rest up to K</source>
        <translation>Usar un archivo de paleta (.gpl, .act, .json, .txt, .hex): ajustar la imagen exactamente a sus colores, o bloquearlos y dejar que k-means añada el resto hasta K</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>&amp;Shared Palette for Selected Images…</source>
        <translation>&amp;Paleta común para las imágenes elegidas…</translation>
    </message>
    <message>
        <source>One palette for the images selected in the list (Ctrl+click), compared with each image&apos;s own</source>
        <translation>Una paleta para las imágenes elegidas en la lista (Ctrl+clic), comparada con la propia de cada imagen</translation>
    </message>
    <message>
        <source>Si&amp;ze Swatches by Cost</source>
        <translation>Tamaño de las muestras por co&amp;ste</translation>
    </message>
    <message>
        <source>&amp;Palette</source>
        <translation>&amp;Paleta</translation>
    </message>
    <message>
        <source>Copy Hex Value</source>
        <translation>Copiar el valor hexadecimal</translation>
    </message>
    <message>
        <source>Import Palette</source>
        <translation>Importar paleta</translation>
    </message>
    <message>
        <source>Palettes ({patterns});;All files (*)</source>
        <translation>Paletas ({patterns});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{name}: holds colours that are not opaque; imported palettes are opaque colours only</source>
        <translation>{name}: contiene colores no opacos; las paletas importadas son solo colores opacos</translation>
    </message>
    <message>
        <source>Map Exactly</source>
        <translation>Ajustar exactamente</translation>
    </message>
    <message>
        <source>Lock and Fill to K</source>
        <translation>Bloquear y completar hasta K</translation>
    </message>
</context>
<context>
    <name>SaveAll</name>
    <message>
        <source>saved</source>
        <translation>guardada</translation>
    </message>
    <message>
        <source>saved, LARGER than the original</source>
        <translation>guardada, MÁS GRANDE que el original</translation>
    </message>
    <message>
        <source>original kept (smaller)</source>
        <translation>original conservado (más pequeño)</translation>
    </message>
    <message>
        <source>kept the existing file</source>
        <translation>archivo existente conservado</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>no guardada</translation>
    </message>
    <message>
        <source>waiting to save</source>
        <translation>esperando para guardar</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>guardando…</translation>
    </message>
    <message>
        <source>Stop Saving</source>
        <translation>Detener el guardado</translation>
    </message>
    <message>
        <source>Stop Save All: finished files stay, nothing partial does</source>
        <translation>Detener «Guardar todo»: los archivos terminados se quedan, nada a medias</translation>
    </message>
    <message>
        <source>What Save All is doing</source>
        <translation>Lo que hace «Guardar todo»</translation>
    </message>
    <message>
        <source>Save All: files finished</source>
        <translation>Guardar todo: archivos terminados</translation>
    </message>
    <message>
        <source>Stop Save All</source>
        <translation>Detener «Guardar todo»</translation>
    </message>
    <message>
        <source>Save All is still running: wait for it, or stop it.</source>
        <translation>«Guardar todo» sigue en curso: espérelo o deténgalo.</translation>
    </message>
    <message>
        <source>Could not write the report:
{reason}</source>
        <translation>No se pudo escribir el informe:
{reason}</translation>
    </message>
    <message>
        <source>Stopping Save All…</source>
        <translation>Deteniendo «Guardar todo»…</translation>
    </message>
    <message>
        <source>Save All: {done} of {total} done</source>
        <translation>Guardar todo: {done} de {total} hechas</translation>
    </message>
    <message>
        <source>; saving {names}</source>
        <translation>; guardando {names}</translation>
    </message>
    <message>
        <source>not saved: cancelled</source>
        <translation>no guardada: cancelado</translation>
    </message>
    <message>
        <source>Save All stopped by an unexpected error (details in the log)</source>
        <translation>«Guardar todo» se detuvo por un error inesperado (detalles en el registro)</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>Nothing to save yet: wait for the compressed image.</source>
        <translation>Aún no hay nada que guardar: espere la imagen comprimida.</translation>
    </message>
    <message>
        <source>Not saved: {name} was kept.</source>
        <translation>No guardado: se conservó {name}.</translation>
    </message>
    <message>
        <source>No compressed images to save yet.</source>
        <translation>Aún no hay imágenes comprimidas que guardar.</translation>
    </message>
    <message>
        <source>Nothing saved: every file already exists.</source>
        <translation>No se guardó nada: todos los archivos ya existen.</translation>
    </message>
    <message>
        <source>Could Not Save</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <source> Kept the original of {kept} (their compressed file was larger): copied.</source>
        <translation> Se conservó el original de {kept} (su archivo comprimido era más grande): copiado.</translation>
    </message>
    <message>
        <source> Report: {name} and .json.</source>
        <translation> Informe: {name} y .json.</translation>
    </message>
    <message>
        <source>Some Images Were Not Saved</source>
        <translation>Algunas imágenes no se guardaron</translation>
    </message>
    <message>
        <source>Could not save {path}:
{reason}.</source>
        <translation>No se pudo guardar {path}:
{reason}.</translation>
    </message>
    <message>
        <source>Saved {name} ({written}).</source>
        <translation>{name} guardado ({written}).</translation>
    </message>
    <message>
        <source>Kept the original {name} where it is.</source>
        <translation>El original {name} se queda donde está.</translation>
    </message>
    <message>
        <source>Could Not Copy</source>
        <translation>No se pudo copiar</translation>
    </message>
    <message>
        <source>Could not copy the original to {target}:
{reason}</source>
        <translation>No se pudo copiar el original a {target}:
{reason}</translation>
    </message>
    <message>
        <source>Saving {name}</source>
        <translation>Guardando {name}</translation>
    </message>
    <message>
        <source>Not saved: cancelled.</source>
        <translation>No guardado: cancelado.</translation>
    </message>
    <message>
        <source>Saved {name}: LARGER than the original file.</source>
        <translation>{name} guardado: MÁS GRANDE que el archivo original.</translation>
    </message>
    <message>
        <source>No palette yet: wait for the compressed image.</source>
        <translation>Aún no hay paleta: espere la imagen comprimida.</translation>
    </message>
    <message>
        <source>Could Not Export</source>
        <translation>No se pudo exportar</translation>
    </message>
    <message>
        <source>Could not export the palette:
{reason}</source>
        <translation>No se pudo exportar la paleta:
{reason}</translation>
    </message>
    <message>
        <source> ({reason}; .gpl and .json keep it)</source>
        <translation> ({reason}; .gpl y .json la conservan)</translation>
    </message>
</context>
<context>
    <name>SharedPalette</name>
    <message>
        <source>Shared Palette</source>
        <translation>Paleta común</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Own PSNR</source>
        <translation>PSNR propio</translation>
    </message>
    <message>
        <source>Shared PSNR</source>
        <translation>PSNR común</translation>
    </message>
    <message>
        <source>Own ΔE</source>
        <translation>ΔE propio</translation>
    </message>
    <message>
        <source>Shared ΔE</source>
        <translation>ΔE común</translation>
    </message>
    <message>
        <source>Own size</source>
        <translation>Tamaño propio</translation>
    </message>
    <message>
        <source>Shared size</source>
        <translation>Tamaño común</translation>
    </message>
    <message>
        <source>Apply to These Images</source>
        <translation>Aplicar a estas imágenes</translation>
    </message>
    <message>
        <source>Select two images or more in the list (Ctrl+click) for a shared palette</source>
        <translation>Elija dos imágenes o más en la lista (Ctrl+clic) para una paleta común</translation>
    </message>
    <message>
        <source>Shared palette</source>
        <translation>Paleta común</translation>
    </message>
</context>
<context>
    <name>Showing</name>
    <message>
        <source>Palette</source>
        <translation>Paleta</translation>
    </message>
    <message>
        <source>{name} cannot be opened:
{reason}</source>
        <translation>{name} no se puede abrir:
{reason}</translation>
    </message>
    <message>
        <source>Compressing…</source>
        <translation>Comprimiendo…</translation>
    </message>
    <message>
        <source>Quick preview of K = {k}; compressing…</source>
        <translation>Vista previa rápida de K = {k}; comprimiendo…</translation>
    </message>
    <message>
        <source>{name}: K = {k}, {size} {format}, PSNR {psnr} dB, k-means and mapping {time} s</source>
        <translation>{name}: K = {k}, {size} {format}, PSNR {psnr} dB, k-means y asignación {time} s</translation>
    </message>
    <message>
        <source>Cancelled: change K or select the image again</source>
        <translation>Cancelado: cambie K o vuelva a seleccionar la imagen</translation>
    </message>
    <message>
        <source>(computing K = {k}…)</source>
        <translation>(calculando K = {k}…)</translation>
    </message>
</context>
<context>
    <name>SplitView</name>
    <message>
        <source>Drag the divider to compare; X swaps the sides; hold Space to see the original</source>
        <translation>Arrastre el divisor para comparar; X intercambia los lados; mantenga Espacio para ver el original</translation>
    </message>
    <message>
        <source>Original (Space held)</source>
        <translation>Original (Espacio pulsado)</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>The file on screen.</source>
        <translation>El archivo en pantalla.</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensiones</translation>
    </message>
    <message>
        <source>Width × height in pixels, and megapixels.</source>
        <translation>Ancho × alto en píxeles, y megapíxeles.</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>Archivo original</translation>
    </message>
    <message>
        <source>Size of the file you opened, and its format.</source>
        <translation>Tamaño del archivo abierto, y su formato.</translation>
    </message>
    <message>
        <source>Raw 24-bit</source>
        <translation>En bruto, 24 bits</translation>
    </message>
    <message>
        <source>Width × height × 3 bytes: the pixels with no compression at all.</source>
        <translation>Ancho × alto × 3 bytes: los píxeles sin ninguna compresión.</translation>
    </message>
    <message>
        <source>Palette + index</source>
        <translation>Paleta + índice</translation>
    </message>
    <message>
        <source>Every pixel stored as a ⌈log₂ n⌉-bit index into n palette colours of 3 bytes, with no file format around it; the ratio is raw 24-bit over this.</source>
        <translation>Cada píxel guardado como un índice de ⌈log₂ n⌉ bits en n colores de paleta de 3 bytes, sin formato de archivo alrededor; la razón es el tamaño en bruto de 24 bits entre este.</translation>
    </message>
    <message>
        <source>Encoded file</source>
        <translation>Archivo codificado</translation>
    </message>
    <message>
        <source>Size of the compressed file in the chosen format, as written, and the PNG effort it was written with (the preview&apos;s is fast; File ▸ Save Effort sets the one Save uses).</source>
        <translation>Tamaño del archivo comprimido en el formato elegido, tal como se escribió, y el esfuerzo PNG con que se escribió (la vista previa usa «rápido»; Archivo ▸ Esfuerzo al guardar fija el de Guardar).</translation>
    </message>
    <message>
        <source>vs original file</source>
        <translation>frente al original</translation>
    </message>
    <message>
        <source>Original file size over encoded file size. A photo that was a JPEG is often smaller than any lossless palette file: then the encoded file is larger, and this says so.</source>
        <translation>Tamaño del archivo original entre el del codificado. Una foto que era un JPEG suele ser más pequeña que cualquier archivo de paleta sin pérdida: entonces el codificado es más grande, y aquí se indica.</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colores</translation>
    </message>
    <message>
        <source>Distinct colours in the encoded image, and the K asked for.</source>
        <translation>Colores distintos en la imagen codificada, y el K pedido.</translation>
    </message>
    <message>
        <source>PSNR</source>
        <translation>PSNR</translation>
    </message>
    <message>
        <source>Peak signal-to-noise ratio against the original, in dB (higher is closer).</source>
        <translation>Relación señal-ruido de pico frente al original, en dB (más alto es más parecido).</translation>
    </message>
    <message>
        <source>Mean ΔE</source>
        <translation>ΔE medio</translation>
    </message>
    <message>
        <source>Mean colour difference in Oklab, ×100: about 1 is just noticeable, over 5 is clear.</source>
        <translation>Diferencia de color media en Oklab, ×100: alrededor de 1 apenas se nota, más de 5 es claro.</translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation>SSIM</translation>
    </message>
    <message>
        <source>Structural similarity of the luma (Wang et al. 2004; Gaussian window, 11 × 11): 1 is identical; closer to what people judge than PSNR. n/a below 11 × 11 pixels.</source>
        <translation>Similitud estructural de la luminancia (Wang et al. 2004; ventana gaussiana, 11 × 11): 1 es idéntica; más cercana al juicio humano que el PSNR. n/d por debajo de 11 × 11 píxeles.</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadatos</translation>
    </message>
    <message>
        <source>What the encoded file keeps of the original&apos;s metadata (EXIF, XMP, PNG text, colour profile), as chosen under Metadata.</source>
        <translation>Lo que el archivo codificado conserva de los metadatos del original (EXIF, XMP, texto PNG, perfil de color), según lo elegido en Metadatos.</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iteraciones</translation>
    </message>
    <message>
        <source>Lloyd iterations of the k-means.</source>
        <translation>Iteraciones de Lloyd del k-means.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>K-means and mapping. Not counted: the colour analysis (once per image, reused for every K), decoding, encoding and measuring.</source>
        <translation>K-means y asignación. No se cuentan: el análisis de color (una vez por imagen, reutilizado para cada K), la decodificación, la codificación y la medición.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>, effort {effort}</source>
        <translation>, esfuerzo {effort}</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>rápido</translation>
    </message>
    <message>
        <source>max</source>
        <translation>máximo</translation>
    </message>
    <message>
        <source>{ratio}× smaller</source>
        <translation>{ratio}× más pequeño</translation>
    </message>
    <message>
        <source>{ratio}× larger</source>
        <translation>{ratio}× más grande</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>idéntica</translation>
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
        <translation>{size} ({ratio}× más pequeño que en bruto)</translation>
    </message>
    <message>
        <source>LARGER: {ratio} than the original</source>
        <translation>MÁS GRANDE: {ratio} que el original</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>The {format} file is larger than the original file: a palette image is lossless, and a photo&apos;s original JPEG is often smaller.</source>
        <translation>El archivo {format} es más grande que el original: una imagen de paleta es sin pérdida, y el JPEG original de una foto suele ser más pequeño.</translation>
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
        <translation>{0} KB</translation>
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
        <translation>Lado a lado</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Dividida</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>K grid</source>
        <translation>Cuadrícula K</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <source>Original and compressed side by side</source>
        <translation>Original y comprimida lado a lado</translation>
    </message>
    <message>
        <source>Original and compressed in one view: drag the divider; X swaps, hold Space for the original</source>
        <translation>Original y comprimida en una vista: arrastre el divisor; X intercambia, mantenga Espacio para el original</translation>
    </message>
    <message>
        <source>Heat map of the colour difference (ΔE) at every pixel</source>
        <translation>Mapa de calor de la diferencia de color (ΔE) en cada píxel</translation>
    </message>
    <message>
        <source>The image at several K at once; click one to choose its K</source>
        <translation>La imagen con varios K a la vez; haga clic en una para elegir su K</translation>
    </message>
    <message>
        <source>File size and quality against K, with the suggested K</source>
        <translation>Tamaño de archivo y calidad según K, con el K sugerido</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>Split view of original and compressed</source>
        <translation>Vista dividida del original y la comprimida</translation>
    </message>
    <message>
        <source>Difference heat map</source>
        <translation>Mapa de calor de la diferencia</translation>
    </message>
    <message>
        <source>Size and quality chart</source>
        <translation>Gráfico de tamaño y calidad</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>calculando…</translation>
    </message>
    <message>
        <source>K = {k} · {size}{effort} · PSNR {psnr} dB · ΔE {delta_e} · SSIM {ssim}</source>
        <translation>K = {k} · {size}{effort} · PSNR {psnr} dB · ΔE {delta_e} · SSIM {ssim}</translation>
    </message>
    <message>
        <source> · LARGER than the original</source>
        <translation> · MÁS GRANDE que el original</translation>
    </message>
    <message>
        <source>Measured on the {format} file at full resolution: {colours} colours, {bytes} bytes{effort}. The picture is a {preview} preview with this K&apos;s palette.</source>
        <translation>Medido en el archivo {format} a resolución completa: {colours} colores, {bytes} bytes{effort}. La imagen es una vista previa de {preview} con la paleta de este K.</translation>
    </message>
    <message>
        <source>K = {k} · preview: PSNR ≈ {psnr} dB · ΔE ≈ {delta_e} · size: measuring…</source>
        <translation>K = {k} · vista previa: PSNR ≈ {psnr} dB · ΔE ≈ {delta_e} · tamaño: midiendo…</translation>
    </message>
    <message>
        <source>Quick estimate on a {preview} preview with an unrefined palette; the file size and exact figures follow once this K is compressed at full resolution.</source>
        <translation>Estimación rápida sobre una vista previa de {preview} con una paleta sin refinar; el tamaño y las cifras exactas llegan cuando este K se comprime a resolución completa.</translation>
    </message>
    <message>
        <source>{name} ({what}): previews {quick} of {count}, measured {measured} of {count}</source>
        <translation>{name} ({what}): vistas previas {quick} de {count}, medidos {measured} de {count}</translation>
    </message>
    <message>
        <source> — stopped; switch views or change the K values to go on</source>
        <translation> — detenido; cambie de vista o los valores de K para continuar</translation>
    </message>
    <message>
        <source> · suggested K = {k}</source>
        <translation> · K sugerido = {k}</translation>
    </message>
    <message>
        <source>Difference: waiting for the compressed image</source>
        <translation>Diferencia: esperando la imagen comprimida</translation>
    </message>
    <message>
        <source>computing the ΔE map…</source>
        <translation>calculando el mapa ΔE…</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Compressed</source>
        <translation>Comprimida</translation>
    </message>
    <message>
        <source>Original image</source>
        <translation>Imagen original</translation>
    </message>
    <message>
        <source>Compressed image</source>
        <translation>Imagen comprimida</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Copied {text} to the clipboard.</source>
        <translation>{text} copiado al portapapeles.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Drop photos or folders here
or use File ▸ Open… (Ctrl+O)</source>
        <translation>Suelte aquí fotos o carpetas
o use Archivo ▸ Abrir… (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>Save the compressed image</source>
        <translation>Guardar la imagen comprimida</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Ajustar a la ventana</translation>
    </message>
    <message>
        <source>Actual size, 100%</source>
        <translation>Tamaño real, 100 %</translation>
    </message>
    <message>
        <source>Export the palette</source>
        <translation>Exportar la paleta</translation>
    </message>
    <message>
        <source>Fit the images to the window (Ctrl+0)</source>
        <translation>Ajustar las imágenes a la ventana (Ctrl+0)</translation>
    </message>
    <message>
        <source>One image pixel per device pixel of the screen (Ctrl+1)</source>
        <translation>Un píxel de imagen por píxel físico de la pantalla (Ctrl+1)</translation>
    </message>
    <message>
        <source>Save the compressed image on screen (Ctrl+S)</source>
        <translation>Guardar la imagen comprimida en pantalla (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the palette as GIMP .gpl, Adobe .act, JSON or a hex list (Ctrl+E)</source>
        <translation>Guardar la paleta como .gpl de GIMP, .act de Adobe, JSON o lista hexadecimal (Ctrl+E)</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name></name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n compressed file(s) would be larger than their original:</source>
        <translation>
            <numerusform>%n fichier compressé serait plus grand que son original :</numerusform>
            <numerusform>%n fichiers compressés seraient plus grands que leur original :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already exist:</source>
        <translation>
            <numerusform>%n fichier existe déjà :</numerusform>
            <numerusform>%n fichiers existent déjà :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Seeking {goal} for %n image(s), K between {k_min} and {k_max}…</source>
        <translation>
            <numerusform>Recherche de {goal} pour %n image, K entre {k_min} et {k_max}…</numerusform>
            <numerusform>Recherche de {goal} pour %n images, K entre {k_min} et {k_max}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n colour(s) to {name}{note}.</source>
        <translation>
            <numerusform>%n couleur exportée vers {name}{note}.</numerusform>
            <numerusform>%n couleurs exportées vers {name}{note}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Palette: %n colour(s), areas by cost if removed</source>
        <translation>
            <numerusform>Palette : %n couleur, surfaces selon le coût de son retrait</numerusform>
            <numerusform>Palette : %n couleurs, surfaces selon le coût de leur retrait</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Palette: %n colour(s), areas by pixel share</source>
        <translation>
            <numerusform>Palette : %n couleur, surfaces selon la part de pixels</numerusform>
            <numerusform>Palette : %n couleurs, surfaces selon la part de pixels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Use the %n colour(s) of {name}:</source>
        <translation>
            <numerusform>Utiliser la %n couleur de {name} :</numerusform>
            <numerusform>Utiliser les %n couleurs de {name} :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n colour(s)</source>
        <translation>
            <numerusform>Supprimer %n couleur</numerusform>
            <numerusform>Supprimer %n couleurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One palette of {colours} colours for these %n image(s) (k-means on all their pixels together). Figures measured on each encoded file:</source>
        <translation>
            <numerusform>Une palette de {colours} couleurs pour cette %n image (k-means sur tous ses pixels). Valeurs mesurées sur chaque fichier encodé :</numerusform>
            <numerusform>Une palette de {colours} couleurs pour ces %n images (k-means sur tous leurs pixels ensemble). Valeurs mesurées sur chaque fichier encodé :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finding one palette for %n image(s)…</source>
        <translation>
            <numerusform>Recherche d&apos;une palette pour %n image…</numerusform>
            <numerusform>Recherche d&apos;une palette pour %n images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving %n image(s) into {folder}…</source>
        <translation>
            <numerusform>Enregistrement de %n image dans {folder}…</numerusform>
            <numerusform>Enregistrement de %n images dans {folder}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save All stopped: saved {saved} of %n image(s) into {folder}.</source>
        <translation>
            <numerusform>« Enregistrer tout » arrêté : {saved} image sur %n enregistrée dans {folder}.</numerusform>
            <numerusform>« Enregistrer tout » arrêté : {saved} images sur %n enregistrées dans {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {saved} of %n image(s) into {folder}.</source>
        <translation>
            <numerusform>{saved} image sur %n enregistrée dans {folder}.</numerusform>
            <numerusform>{saved} images sur %n enregistrées dans {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> Kept %n existing file(s).</source>
        <translation>
            <numerusform> %n fichier existant conservé.</numerusform>
            <numerusform> %n fichiers existants conservés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open image files</source>
        <translation>Ouvrir des fichiers d&apos;image</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <source>Open every image of a folder</source>
        <translation>Ouvrir toutes les images d&apos;un dossier</translation>
    </message>
    <message>
        <source>&amp;Paste Image</source>
        <translation>&amp;Coller une image</translation>
    </message>
    <message>
        <source>Open the image or image files on the clipboard</source>
        <translation>Ouvrir l&apos;image ou les fichiers d&apos;image du presse-papiers</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>Save the compressed image on screen</source>
        <translation>Enregistrer l&apos;image compressée affichée</translation>
    </message>
    <message>
        <source>Save &amp;All…</source>
        <translation>Enregistrer &amp;tout…</translation>
    </message>
    <message>
        <source>Save every done image of the list into a folder with the current settings</source>
        <translation>Enregistrer toutes les images terminées de la liste dans un dossier avec les réglages actuels</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Re&amp;move from List</source>
        <translation>Re&amp;tirer de la liste</translation>
    </message>
    <message>
        <source>C&amp;lear List</source>
        <translation>&amp;Vider la liste</translation>
    </message>
    <message>
        <source>Take the selected images out of the list (the files stay)</source>
        <translation>Retirer les images choisies de la liste (les fichiers restent)</translation>
    </message>
    <message>
        <source>Take every image out of the list (the files stay)</source>
        <translation>Retirer toutes les images de la liste (les fichiers restent)</translation>
    </message>
    <message>
        <source>&amp;More Colours</source>
        <translation>&amp;Plus de couleurs</translation>
    </message>
    <message>
        <source>Next larger K</source>
        <translation>K immédiatement supérieur</translation>
    </message>
    <message>
        <source>&amp;Fewer Colours</source>
        <translation>&amp;Moins de couleurs</translation>
    </message>
    <message>
        <source>Next smaller K</source>
        <translation>K immédiatement inférieur</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Stop the running compression</source>
        <translation>Arrêter la compression en cours</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>Fit the images</source>
        <translation>Ajuster les images</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100%)</source>
        <translation>&amp;Taille réelle (100 %)</translation>
    </message>
    <message>
        <source>One image pixel per device pixel of the screen</source>
        <translation>Un pixel d&apos;image par pixel physique de l&apos;écran</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Zoom avant</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>E&amp;xport Palette…</source>
        <translation>E&amp;xporter la palette…</translation>
    </message>
    <message>
        <source>Save the palette on screen as .gpl, .act, .json or .txt</source>
        <translation>Enregistrer la palette affichée en .gpl, .act, .json ou .txt</translation>
    </message>
    <message>
        <source>Find K for a &amp;Goal…</source>
        <translation>Trouver K pour un &amp;objectif…</translation>
    </message>
    <message>
        <source>The smallest K meeting a PSNR, ΔE or SSIM target, or the best K under a file size</source>
        <translation>Le plus petit K atteignant un objectif de PSNR, ΔE ou SSIM, ou le meilleur K sous une taille de fichier</translation>
    </message>
    <message>
        <source>&amp;About kmeans-gui</source>
        <translation>À &amp;propos de kmeans-gui</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version et licence</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Compress</source>
        <translation>&amp;Compresser</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Show the view “{view}”</source>
        <translation>Afficher la vue « {view} »</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>Save &amp;Effort</source>
        <translation>E&amp;ffort d&apos;enregistrement</translation>
    </message>
    <message>
        <source>&amp;Fast</source>
        <translation>&amp;Rapide</translation>
    </message>
    <message>
        <source>Write PNG files as the preview was encoded (quick)</source>
        <translation>Écrire les fichiers PNG comme l&apos;aperçu a été encodé (rapide)</translation>
    </message>
    <message>
        <source>&amp;Max: Smallest PNG</source>
        <translation>&amp;Max : PNG le plus petit</translation>
    </message>
    <message>
        <source>Rewrite PNG files smaller, the same pixels, for about ten times the time</source>
        <translation>Réécrire les fichiers PNG plus petits, avec les mêmes pixels, en environ dix fois plus de temps</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>The language changes when kmeans-gui is started again.</source>
        <translation>La langue change au prochain démarrage de kmeans-gui.</translation>
    </message>
    <message>
        <source>Checkerboard Behind Transparency</source>
        <translation>Damier derrière la transparence</translation>
    </message>
    <message>
        <source>White Behind Transparency</source>
        <translation>Blanc derrière la transparence</translation>
    </message>
    <message>
        <source>Black Behind Transparency</source>
        <translation>Noir derrière la transparence</translation>
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
        <translation>ΔE moyen</translation>
    </message>
    <message>
        <source>PSNR {psnr} dB</source>
        <translation>PSNR {psnr} dB</translation>
    </message>
    <message>
        <source>Quality measure of the chart</source>
        <translation>Mesure de qualité du graphique</translation>
    </message>
    <message>
        <source>&amp;Quality:</source>
        <translation>&amp;Qualité :</translation>
    </message>
    <message>
        <source>Computing the K sweep…</source>
        <translation>Calcul de la série de K…</translation>
    </message>
    <message>
        <source>Chart of file size and quality against K</source>
        <translation>Graphique de la taille de fichier et de la qualité selon K</translation>
    </message>
    <message>
        <source>K (colours, log scale)</source>
        <translation>K (couleurs, échelle log)</translation>
    </message>
    <message>
        <source>file size</source>
        <translation>taille du fichier</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>qualité</translation>
    </message>
    <message>
        <source>encoded file</source>
        <translation>fichier encodé</translation>
    </message>
    <message>
        <source>{metric} (hollow: preview estimate)</source>
        <translation>{metric} (creux : estimation de l&apos;aperçu)</translation>
    </message>
    <message>
        <source>suggested K = {k}</source>
        <translation>K suggéré = {k}</translation>
    </message>
    <message>
        <source>{measured} of {count} K measured at full resolution</source>
        <translation>{measured} K sur {count} mesurés en pleine résolution</translation>
    </message>
    <message>
        <source>suggested K = {k} ({size}, {figure}): past the knee, more bytes buy little quality</source>
        <translation>K suggéré = {k} ({size}, {figure}) : passé le coude, plus d&apos;octets apportent peu de qualité</translation>
    </message>
    <message>
        <source>size not measured yet</source>
        <translation>taille pas encore mesurée</translation>
    </message>
    <message>
        <source> (preview estimate)</source>
        <translation> (estimation de l&apos;aperçu)</translation>
    </message>
    <message>
        <source>K = {k}: {size}, PSNR {psnr} dB, ΔE {delta_e}{ssim}{where}
click to use this K</source>
        <translation>K = {k} : {size}, PSNR {psnr} dB, ΔE {delta_e}{ssim}{where}
cliquer pour utiliser ce K</translation>
    </message>
</context>
<context>
    <name>Controls</name>
    <message>
        <source>Oklab (perceptual)</source>
        <translation>Oklab (perceptuel)</translation>
    </message>
    <message>
        <source>PNG (indexed)</source>
        <translation>PNG (indexé)</translation>
    </message>
    <message>
        <source>WebP (lossless)</source>
        <translation>WebP (sans perte)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>All but location</source>
        <translation>Toutes sauf la position</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>K: the number of palette colours (2–256). Every K up to 32 has its own slider position; above, the slider steps by 4, 8 or 16, and the box takes any K. Keys: + and −.</source>
        <translation>K : le nombre de couleurs de la palette (2–256). Chaque K jusqu&apos;à 32 a sa position sur le curseur ; au-delà, il avance par pas de 4, 8 ou 16, et la case accepte tout K. Touches : + et −.</translation>
    </message>
    <message>
        <source>&amp;K colours:</source>
        <translation>&amp;K couleurs :</translation>
    </message>
    <message>
        <source>Where k-means measures colour distance: RGB, or Oklab, a perceptual space (often better on skies and skin). The palette is sRGB either way.</source>
        <translation>Où k-means mesure la distance des couleurs : RVB, ou Oklab, un espace perceptuel (souvent meilleur pour le ciel et la peau). La palette est en sRGB dans les deux cas.</translation>
    </message>
    <message>
        <source>Colour &amp;space:</source>
        <translation>E&amp;space colorimétrique :</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Floyd–Steinberg error diffusion, as a share of each pixel&apos;s error passed on: smoother gradients, but noisier pixels that compress less well. 100 % is the classic full dithering; lower strengths take longer to compute.</source>
        <translation>Diffusion d&apos;erreur de Floyd–Steinberg, en part de l&apos;erreur de chaque pixel transmise : dégradés plus doux, mais pixels plus bruités qui se compressent moins bien. 100 % est le tramage complet classique ; les forces plus faibles prennent plus de temps.</translation>
    </message>
    <message>
        <source>&amp;Dithering:</source>
        <translation>&amp;Tramage :</translation>
    </message>
    <message>
        <source>Dithering strength</source>
        <translation>Force du tramage</translation>
    </message>
    <message>
        <source>Dithering strength, slider</source>
        <translation>Force du tramage, curseur</translation>
    </message>
    <message>
        <source>The file format: the statistics show this format&apos;s real file size.</source>
        <translation>Le format de fichier : les statistiques montrent la taille réelle du fichier dans ce format.</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>The photo&apos;s metadata (EXIF: camera, date taken; XMP; PNG text) kept in the compressed file: all of it, all but the GPS location (for copies to share), or none. GIF holds none. The colour profile is always kept.</source>
        <translation>Les métadonnées de la photo (EXIF : appareil, date de prise de vue ; XMP ; texte PNG) conservées dans le fichier compressé : toutes, toutes sauf la position GPS (pour des copies à partager), ou aucune. GIF n&apos;en contient aucune. Le profil de couleur est toujours conservé.</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>&amp;Métadonnées :</translation>
    </message>
    <message>
        <source>Keep da&amp;tes</source>
        <translation>Garder les &amp;dates</translation>
    </message>
    <message>
        <source>Saved files get the original file&apos;s modification date, so that photo libraries sorted by date keep them in place.</source>
        <translation>Les fichiers enregistrés reçoivent la date de modification de l&apos;original, pour que les photothèques triées par date les gardent à leur place.</translation>
    </message>
    <message>
        <source>Number of colours K, slider</source>
        <translation>Nombre de couleurs K, curseur</translation>
    </message>
    <message>
        <source>Number of colours K</source>
        <translation>Nombre de couleurs K</translation>
    </message>
    <message>
        <source>Colour space</source>
        <translation>Espace colorimétrique</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Format de fichier</translation>
    </message>
    <message>
        <source>Metadata kept</source>
        <translation>Métadonnées conservées</translation>
    </message>
    <message>
        <source>Keep the original&apos;s file dates</source>
        <translation>Garder les dates de fichier de l&apos;original</translation>
    </message>
    <message>
        <source>{format} — too large for this image</source>
        <translation>{format} — image trop grande pour ce format</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>PNG, indexed colour (*.png)</source>
        <translation>PNG, couleurs indexées (*.png)</translation>
    </message>
    <message>
        <source>WebP, lossless (*.webp)</source>
        <translation>WebP, sans perte (*.webp)</translation>
    </message>
    <message>
        <source>GIMP palette (*.gpl)</source>
        <translation>Palette GIMP (*.gpl)</translation>
    </message>
    <message>
        <source>Adobe Color Table (*.act)</source>
        <translation>Table de couleurs Adobe (*.act)</translation>
    </message>
    <message>
        <source>JSON list of colours (*.json)</source>
        <translation>Liste JSON des couleurs (*.json)</translation>
    </message>
    <message>
        <source>Hex colours, one per line (*.txt)</source>
        <translation>Couleurs hexadécimales, une par ligne (*.txt)</translation>
    </message>
    <message>
        <source>Images ({patterns});;All files (*)</source>
        <translation>Images ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open Images</source>
        <translation>Ouvrir des images</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ouvrir un dossier</translation>
    </message>
    <message>
        <source>Save Compressed Image</source>
        <translation>Enregistrer l&apos;image compressée</translation>
    </message>
    <message>
        <source>Export Palette</source>
        <translation>Exporter la palette</translation>
    </message>
    <message>
        <source>Keep the Original</source>
        <translation>Garder l&apos;original</translation>
    </message>
    <message>
        <source>The original&apos;s type ({pattern});;All files (*)</source>
        <translation>Type de l&apos;original ({pattern});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Larger Than the Original</source>
        <translation>Plus grand que l&apos;original</translation>
    </message>
    <message>
        <source>The compressed “{name}” would be {output} bytes, larger than the original file ({input} bytes).

Keep a copy of the original instead?</source>
        <translation>Le fichier compressé « {name} » ferait {output} octets, plus que le fichier original ({input} octets).

Garder plutôt une copie de l&apos;original ?</translation>
    </message>
    <message>
        <source>Save the Larger File</source>
        <translation>Enregistrer le fichier plus grand</translation>
    </message>
    <message>
        <source>Larger Than the Originals</source>
        <translation>Plus grands que les originaux</translation>
    </message>
    <message>
        <source>Keep copies of those originals instead?</source>
        <translation>Garder plutôt des copies de ces originaux ?</translation>
    </message>
    <message>
        <source>Keep the Originals</source>
        <translation>Garder les originaux</translation>
    </message>
    <message>
        <source>Save the Larger Files</source>
        <translation>Enregistrer les fichiers plus grands</translation>
    </message>
    <message>
        <source>Save All Into Folder</source>
        <translation>Tout enregistrer dans un dossier</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>Remplacer le fichier ?</translation>
    </message>
    <message>
        <source>“{name}” already exists in “{folder}”.
Do you want to replace it?</source>
        <translation>« {name} » existe déjà dans « {folder} ».
Voulez-vous le remplacer ?</translation>
    </message>
    <message>
        <source>Replace Files?</source>
        <translation>Remplacer les fichiers ?</translation>
    </message>
    <message>
        <source>Yes replaces them, No skips them, Cancel saves nothing.</source>
        <translation>Oui les remplace, Non les ignore, Annuler n&apos;enregistre rien.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Compress photos by K-means colour quantization: every pixel becomes one of K palette colours, stored as an indexed PNG, a GIF or a lossless WebP.&lt;/p&gt;&lt;p&gt;Licence: MIT. The bundled sample photos carry their own licences (CC0 / public domain).&lt;/p&gt;&lt;p&gt;Qt {qt} (LGPL v3) through PySide6 {pyside}.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Compresse des photos par quantification des couleurs avec K-means : chaque pixel devient l&apos;une de K couleurs de palette, enregistré en PNG indexé, en GIF ou en WebP sans perte.&lt;/p&gt;&lt;p&gt;Licence : MIT. Les photos d&apos;exemple fournies ont leurs propres licences (CC0 / domaine public).&lt;/p&gt;&lt;p&gt;Qt {qt} (LGPL v3) via PySide6 {pyside}.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>À propos de {app}</translation>
    </message>
</context>
<context>
    <name>DifferenceView</name>
    <message>
        <source>Colour scale of the heat map</source>
        <translation>Échelle de couleurs de la carte thermique</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>Difference heat map</source>
        <translation>Carte thermique de la différence</translation>
    </message>
    <message>
        <source>ΔE×100 per pixel:</source>
        <translation>ΔE×100 par pixel :</translation>
    </message>
    <message>
        <source>Difference: waiting for the compressed image</source>
        <translation>Différence : en attente de l&apos;image compressée</translation>
    </message>
    <message>
        <source>Difference{what} — mean ΔE {mean}, largest {largest} at ({x}, {y}) (ringed)</source>
        <translation>Différence{what} — ΔE moyen {mean}, maximum {largest} en ({x}, {y}) (entouré)</translation>
    </message>
</context>
<context>
    <name>GoalPanel</name>
    <message>
        <source>Find K for a Goal</source>
        <translation>Trouver K pour un objectif</translation>
    </message>
    <message>
        <source>Smallest K whose &amp;PSNR is at least</source>
        <translation>Plus petit K dont le &amp;PSNR est d&apos;au moins</translation>
    </message>
    <message>
        <source>Smallest K whose mean &amp;ΔE is at most</source>
        <translation>Plus petit K dont le ΔE &amp;moyen est d&apos;au plus</translation>
    </message>
    <message>
        <source>Smallest K whose SS&amp;IM is at least</source>
        <translation>Plus petit K dont le SS&amp;IM est d&apos;au moins</translation>
    </message>
    <message>
        <source>Best quality whose &amp;file is at most</source>
        <translation>Meilleure qualité dont le &amp;fichier fait au plus</translation>
    </message>
    <message>
        <source>Least PSNR in dB</source>
        <translation>PSNR minimal en dB</translation>
    </message>
    <message>
        <source>Oklab ΔE×100: about 1 is just noticeable, over 5 is clear</source>
        <translation>ΔE×100 Oklab : environ 1 est à peine visible, au-delà de 5 c&apos;est net</translation>
    </message>
    <message>
        <source>Largest mean ΔE</source>
        <translation>ΔE moyen maximal</translation>
    </message>
    <message>
        <source>Structural similarity of the luma (1 = identical); follows what people see more closely than PSNR</source>
        <translation>Similarité structurelle de la luminance (1 = identique) ; suit ce que l&apos;on voit de plus près que le PSNR</translation>
    </message>
    <message>
        <source>Least SSIM</source>
        <translation>SSIM minimal</translation>
    </message>
    <message>
        <source> KB</source>
        <translation> ko</translation>
    </message>
    <message>
        <source>KB = 1000 bytes</source>
        <translation>ko = 1000 octets</translation>
    </message>
    <message>
        <source>Largest file size in KB</source>
        <translation>Taille de fichier maximale en ko</translation>
    </message>
    <message>
        <source>Smallest K to try</source>
        <translation>Plus petit K à essayer</translation>
    </message>
    <message>
        <source>Largest K to try</source>
        <translation>Plus grand K à essayer</translation>
    </message>
    <message>
        <source>&amp;Every image in the list</source>
        <translation>&amp;Chaque image de la liste</translation>
    </message>
    <message>
        <source>&amp;This image</source>
        <translation>Ce&amp;tte image</translation>
    </message>
    <message>
        <source>&amp;Find K</source>
        <translation>&amp;Trouver K</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Each K tried is compressed and measured for real, by bisection (about 9 K), reusing the image&apos;s colour analysis.</source>
        <translation>Chaque K essayé est réellement compressé et mesuré, par dichotomie (environ 9 K), en réutilisant l&apos;analyse des couleurs de l&apos;image.</translation>
    </message>
    <message>
        <source>Goal search log</source>
        <translation>Journal de la recherche</translation>
    </message>
    <message>
        <source>K between</source>
        <translation>K entre</translation>
    </message>
    <message>
        <source>and</source>
        <translation>et</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Pour :</translation>
    </message>
</context>
<context>
    <name>GoalSeeking</name>
    <message>
        <source>No image to search: open one first.</source>
        <translation>Aucune image à traiter : ouvrez-en une d&apos;abord.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>meets it</source>
        <translation>l&apos;atteint</translation>
    </message>
    <message>
        <source>does not</source>
        <translation>ne l&apos;atteint pas</translation>
    </message>
    <message>
        <source>{name}: K = {k}: {size}, PSNR {psnr} dB, ΔE {delta_e}, SSIM {ssim} — {verdict}</source>
        <translation>{name} : K = {k} : {size}, PSNR {psnr} dB, ΔE {delta_e}, SSIM {ssim} — {verdict}</translation>
    </message>
    <message>
        <source>{name}: seeking {goal}, tried K = {k}</source>
        <translation>{name} : recherche de {goal}, K essayé = {k}</translation>
    </message>
    <message>
        <source>goal met</source>
        <translation>objectif atteint</translation>
    </message>
    <message>
        <source>goal NOT met, nearest</source>
        <translation>objectif NON atteint, le plus proche</translation>
    </message>
    <message>
        <source> Its file is LARGER than the original: Save offers to keep the original.</source>
        <translation> Son fichier est PLUS GRAND que l&apos;original : Enregistrer proposera de garder l&apos;original.</translation>
    </message>
    <message>
        <source>{name}: stopped.</source>
        <translation>{name} : arrêté.</translation>
    </message>
</context>
<context>
    <name>ImageList</name>
    <message>
        <source>Opened images</source>
        <translation>Images ouvertes</translation>
    </message>
    <message>
        <source>Opened images: drop photos or folders anywhere on the window</source>
        <translation>Images ouvertes : déposez des photos ou des dossiers n&apos;importe où sur la fenêtre</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>working…</source>
        <translation>en cours…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>Save All: {progress}</source>
        <translation>Enregistrer tout : {progress}</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Progress of the running job</source>
        <translation>Progression de la tâche en cours</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the running compression (Esc)</source>
        <translation>Arrêter la compression en cours (Échap)</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Annuler la tâche en cours</translation>
    </message>
    <message>
        <source>What the running job does</source>
        <translation>Ce que fait la tâche en cours</translation>
    </message>
    <message>
        <source>{what}: decoding</source>
        <translation>{what} : décodage</translation>
    </message>
    <message>
        <source>{what}: loading</source>
        <translation>{what} : chargement</translation>
    </message>
    <message>
        <source>{what}: analysing colours, seeding k-means</source>
        <translation>{what} : analyse des couleurs, amorçage de k-means</translation>
    </message>
    <message>
        <source>{what}: k-means iteration {iteration}</source>
        <translation>{what} : itération {iteration} de k-means</translation>
    </message>
    <message>
        <source>{name}, K = {k}: ΔE heat map</source>
        <translation>{name}, K = {k} : carte thermique ΔE</translation>
    </message>
    <message>
        <source>{name}: seeking {goal}</source>
        <translation>{name} : recherche de {goal}</translation>
    </message>
    <message>
        <source>{name}: K grid previews (K = {ks})</source>
        <translation>{name} : aperçus de la grille K (K = {ks})</translation>
    </message>
    <message>
        <source>{name}: K grid, measuring K = {ks} at full size</source>
        <translation>{name} : grille K, mesure de K = {ks} en taille réelle</translation>
    </message>
</context>
<context>
    <name>KGrid</name>
    <message>
        <source>waiting…</source>
        <translation>en attente…</translation>
    </message>
    <message>
        <source>Click (or Enter) to use K = {k}; wheel zooms and dragging pans every cell</source>
        <translation>Cliquer (ou Entrée) pour utiliser K = {k} ; la molette zoome et le glisser déplace toutes les cases</translation>
    </message>
    <message>
        <source>K grid cell: {caption}</source>
        <translation>Case de la grille K : {caption}</translation>
    </message>
    <message>
        <source>K values of the grid</source>
        <translation>Valeurs de K de la grille</translation>
    </message>
    <message>
        <source>The K values of the grid, 2–256, separated by spaces or commas (at most {count}); Enter applies them</source>
        <translation>Les valeurs de K de la grille, 2–256, séparées par des espaces ou des virgules (au plus {count}) ; Entrée les applique</translation>
    </message>
    <message>
        <source>K &amp;values:</source>
        <translation>&amp;Valeurs de K :</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>Non modifié : {reason}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System Language</source>
        <translation>Langue du système</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>{name}: no images in this folder</source>
        <translation>{name} : aucune image dans ce dossier</translation>
    </message>
    <message>
        <source>{name}: no such file</source>
        <translation>{name} : fichier introuvable</translation>
    </message>
    <message>
        <source>{name}: not an image file</source>
        <translation>{name} : pas un fichier d&apos;image</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>Le presse-papiers ne contient pas d&apos;image.</translation>
    </message>
    <message>
        <source>Could Not Paste</source>
        <translation>Collage impossible</translation>
    </message>
    <message>
        <source>The clipboard image could not be stored.</source>
        <translation>L&apos;image du presse-papiers n&apos;a pas pu être stockée.</translation>
    </message>
    <message>
        <source>{name}: not a local file</source>
        <translation>{name} : pas un fichier local</translation>
    </message>
    <message>
        <source>Not opened: {reasons}</source>
        <translation>Non ouvert : {reasons}</translation>
    </message>
    <message>
        <source>Not Opened</source>
        <translation>Non ouvert</translation>
    </message>
    <message>
        <source>These were not opened:

{reasons}</source>
        <translation>Ceux-ci n&apos;ont pas été ouverts :

{reasons}</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Aucun fichier récent</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Vider le menu</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Click a colour to select it, Ctrl+click for more; double-click copies</source>
        <translation>Cliquer sur une couleur la sélectionne, Ctrl+clic pour d&apos;autres ; un double-clic copie</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>No palette yet</source>
        <translation>Pas encore de palette</translation>
    </message>
    <message>
        <source>transparent</source>
        <translation>transparent</translation>
    </message>
    <message>
        <source>{name}{opacity} — {share} % of pixels ({count})</source>
        <translation>{name}{opacity} — {share} % des pixels ({count})</translation>
    </message>
    <message>
        <source>removing it: the only colour</source>
        <translation>si on la retire : la seule couleur</translation>
    </message>
    <message>
        <source>removing it: MSE +{mse}, mean ΔE +{delta_e}</source>
        <translation>si on la retire : MSE +{mse}, ΔE moyen +{delta_e}</translation>
    </message>
    <message>
        <source>locked: kept as it is when the palette is refit</source>
        <translation>verrouillée : gardée telle quelle quand la palette est réajustée</translation>
    </message>
    <message>
        <source>, {percent} % opaque</source>
        <translation>, {percent} % opaque</translation>
    </message>
</context>
<context>
    <name>PaletteEdit</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>Lock the selected colours (or unlock them): kept exactly while the others are refit (L)</source>
        <translation>Verrouiller les couleurs choisies (ou les déverrouiller) : gardées exactement pendant que les autres sont réajustées (L)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Remove the selected colours (K goes down) and refit the others (Del)</source>
        <translation>Retirer les couleurs choisies (K diminue) et réajuster les autres (Suppr)</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <source>Merge the selected colours into their weighted mean and refit (M)</source>
        <translation>Fusionner les couleurs choisies en leur moyenne pondérée et réajuster (M)</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Couleur…</translation>
    </message>
    <message>
        <source>Give the selected colour a colour of your choice (kept locked)</source>
        <translation>Donner à la couleur choisie la couleur de votre choix (gardée verrouillée)</translation>
    </message>
    <message>
        <source>&amp;Pick</source>
        <translation>&amp;Prélever</translation>
    </message>
    <message>
        <source>Add a colour from the original: click a point of the original image (K goes up; the colour is locked)</source>
        <translation>Ajouter une couleur de l&apos;original : cliquez sur un point de l&apos;image originale (K augmente ; la couleur est verrouillée)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Palette edits need an image whose palette is opaque colours</source>
        <translation>Les modifications de palette demandent une image dont la palette est faite de couleurs opaques</translation>
    </message>
    <message>
        <source>Lock colours</source>
        <translation>Verrouiller les couleurs</translation>
    </message>
    <message>
        <source>Merge colours</source>
        <translation>Fusionner les couleurs</translation>
    </message>
    <message>
        <source>Palette Colour</source>
        <translation>Couleur de la palette</translation>
    </message>
    <message>
        <source>Change colour</source>
        <translation>Changer la couleur</translation>
    </message>
    <message>
        <source>Add colour</source>
        <translation>Ajouter une couleur</translation>
    </message>
    <message>
        <source>Map to imported palette</source>
        <translation>Appliquer la palette importée</translation>
    </message>
    <message>
        <source>Lock imported palette</source>
        <translation>Verrouiller la palette importée</translation>
    </message>
    <message>
        <source>Click a point of the original image to add its colour (Esc: stop)</source>
        <translation>Cliquez sur un point de l&apos;image originale pour ajouter sa couleur (Échap : arrêter)</translation>
    </message>
</context>
<context>
    <name>PalettePanel</name>
    <message>
        <source>pixel share</source>
        <translation>part des pixels</translation>
    </message>
    <message>
        <source>cost if removed</source>
        <translation>coût du retrait</translation>
    </message>
    <message>
        <source>Swatch areas: each colour&apos;s share of the pixels, or how much the mean ΔE would rise if it were removed (its pixels going to their next-nearest colour)</source>
        <translation>Surface des cases : la part des pixels de chaque couleur, ou la hausse du ΔE moyen si elle était retirée (ses pixels allant à la couleur la plus proche suivante)</translation>
    </message>
    <message>
        <source>Swatch areas by</source>
        <translation>Surface des cases selon</translation>
    </message>
    <message>
        <source>Sized by:</source>
        <translation>Taille selon :</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Use a palette file (.gpl, .act, .json, .txt, .hex): map the image to exactly its colours, or lock them and let k-means add the rest up to K</source>
        <translation>Utiliser un fichier de palette (.gpl, .act, .json, .txt, .hex) : appliquer exactement ses couleurs à l&apos;image, ou les verrouiller et laisser k-means compléter jusqu&apos;à K</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>&amp;Shared Palette for Selected Images…</source>
        <translation>Palette parta&amp;gée pour les images choisies…</translation>
    </message>
    <message>
        <source>One palette for the images selected in the list (Ctrl+click), compared with each image&apos;s own</source>
        <translation>Une palette pour les images choisies dans la liste (Ctrl+clic), comparée à celle de chaque image</translation>
    </message>
    <message>
        <source>Si&amp;ze Swatches by Cost</source>
        <translation>Taille des cases selon le c&amp;oût</translation>
    </message>
    <message>
        <source>&amp;Palette</source>
        <translation>&amp;Palette</translation>
    </message>
    <message>
        <source>Copy Hex Value</source>
        <translation>Copier la valeur hexadécimale</translation>
    </message>
    <message>
        <source>Import Palette</source>
        <translation>Importer une palette</translation>
    </message>
    <message>
        <source>Palettes ({patterns});;All files (*)</source>
        <translation>Palettes ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>{name}: holds colours that are not opaque; imported palettes are opaque colours only</source>
        <translation>{name} : contient des couleurs non opaques ; les palettes importées ne sont que des couleurs opaques</translation>
    </message>
    <message>
        <source>Map Exactly</source>
        <translation>Appliquer exactement</translation>
    </message>
    <message>
        <source>Lock and Fill to K</source>
        <translation>Verrouiller et compléter jusqu&apos;à K</translation>
    </message>
</context>
<context>
    <name>SaveAll</name>
    <message>
        <source>saved</source>
        <translation>enregistrée</translation>
    </message>
    <message>
        <source>saved, LARGER than the original</source>
        <translation>enregistrée, PLUS GRANDE que l&apos;original</translation>
    </message>
    <message>
        <source>original kept (smaller)</source>
        <translation>original conservé (plus petit)</translation>
    </message>
    <message>
        <source>kept the existing file</source>
        <translation>fichier existant conservé</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>non enregistrée</translation>
    </message>
    <message>
        <source>waiting to save</source>
        <translation>en attente d&apos;enregistrement</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>enregistrement…</translation>
    </message>
    <message>
        <source>Stop Saving</source>
        <translation>Arrêter l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Stop Save All: finished files stay, nothing partial does</source>
        <translation>Arrêter « Enregistrer tout » : les fichiers finis restent, rien de partiel</translation>
    </message>
    <message>
        <source>What Save All is doing</source>
        <translation>Ce que fait « Enregistrer tout »</translation>
    </message>
    <message>
        <source>Save All: files finished</source>
        <translation>Enregistrer tout : fichiers terminés</translation>
    </message>
    <message>
        <source>Stop Save All</source>
        <translation>Arrêter « Enregistrer tout »</translation>
    </message>
    <message>
        <source>Save All is still running: wait for it, or stop it.</source>
        <translation>« Enregistrer tout » est en cours : attendez-le ou arrêtez-le.</translation>
    </message>
    <message>
        <source>Could not write the report:
{reason}</source>
        <translation>Impossible d&apos;écrire le rapport :
{reason}</translation>
    </message>
    <message>
        <source>Stopping Save All…</source>
        <translation>Arrêt de « Enregistrer tout »…</translation>
    </message>
    <message>
        <source>Save All: {done} of {total} done</source>
        <translation>Enregistrer tout : {done} sur {total} terminées</translation>
    </message>
    <message>
        <source>; saving {names}</source>
        <translation> ; enregistrement de {names}</translation>
    </message>
    <message>
        <source>not saved: cancelled</source>
        <translation>non enregistrée : annulé</translation>
    </message>
    <message>
        <source>Save All stopped by an unexpected error (details in the log)</source>
        <translation>« Enregistrer tout » arrêté par une erreur inattendue (détails dans le journal)</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>Nothing to save yet: wait for the compressed image.</source>
        <translation>Rien à enregistrer pour l&apos;instant : attendez l&apos;image compressée.</translation>
    </message>
    <message>
        <source>Not saved: {name} was kept.</source>
        <translation>Non enregistré : {name} a été conservé.</translation>
    </message>
    <message>
        <source>No compressed images to save yet.</source>
        <translation>Pas encore d&apos;images compressées à enregistrer.</translation>
    </message>
    <message>
        <source>Nothing saved: every file already exists.</source>
        <translation>Rien d&apos;enregistré : tous les fichiers existent déjà.</translation>
    </message>
    <message>
        <source>Could Not Save</source>
        <translation>Enregistrement impossible</translation>
    </message>
    <message>
        <source> Kept the original of {kept} (their compressed file was larger): copied.</source>
        <translation> Original conservé pour {kept} (leur fichier compressé était plus grand) : copié.</translation>
    </message>
    <message>
        <source> Report: {name} and .json.</source>
        <translation> Rapport : {name} et .json.</translation>
    </message>
    <message>
        <source>Some Images Were Not Saved</source>
        <translation>Certaines images n&apos;ont pas été enregistrées</translation>
    </message>
    <message>
        <source>Could not save {path}:
{reason}.</source>
        <translation>Impossible d&apos;enregistrer {path} :
{reason}.</translation>
    </message>
    <message>
        <source>Saved {name} ({written}).</source>
        <translation>{name} enregistré ({written}).</translation>
    </message>
    <message>
        <source>Kept the original {name} where it is.</source>
        <translation>L&apos;original {name} reste où il est.</translation>
    </message>
    <message>
        <source>Could Not Copy</source>
        <translation>Copie impossible</translation>
    </message>
    <message>
        <source>Could not copy the original to {target}:
{reason}</source>
        <translation>Impossible de copier l&apos;original vers {target} :
{reason}</translation>
    </message>
    <message>
        <source>Saving {name}</source>
        <translation>Enregistrement de {name}</translation>
    </message>
    <message>
        <source>Not saved: cancelled.</source>
        <translation>Non enregistré : annulé.</translation>
    </message>
    <message>
        <source>Saved {name}: LARGER than the original file.</source>
        <translation>{name} enregistré : PLUS GRAND que le fichier original.</translation>
    </message>
    <message>
        <source>No palette yet: wait for the compressed image.</source>
        <translation>Pas encore de palette : attendez l&apos;image compressée.</translation>
    </message>
    <message>
        <source>Could Not Export</source>
        <translation>Exportation impossible</translation>
    </message>
    <message>
        <source>Could not export the palette:
{reason}</source>
        <translation>Impossible d&apos;exporter la palette :
{reason}</translation>
    </message>
    <message>
        <source> ({reason}; .gpl and .json keep it)</source>
        <translation> ({reason} ; .gpl et .json la gardent)</translation>
    </message>
</context>
<context>
    <name>SharedPalette</name>
    <message>
        <source>Shared Palette</source>
        <translation>Palette partagée</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Own PSNR</source>
        <translation>PSNR propre</translation>
    </message>
    <message>
        <source>Shared PSNR</source>
        <translation>PSNR partagé</translation>
    </message>
    <message>
        <source>Own ΔE</source>
        <translation>ΔE propre</translation>
    </message>
    <message>
        <source>Shared ΔE</source>
        <translation>ΔE partagé</translation>
    </message>
    <message>
        <source>Own size</source>
        <translation>Taille propre</translation>
    </message>
    <message>
        <source>Shared size</source>
        <translation>Taille partagée</translation>
    </message>
    <message>
        <source>Apply to These Images</source>
        <translation>Appliquer à ces images</translation>
    </message>
    <message>
        <source>Select two images or more in the list (Ctrl+click) for a shared palette</source>
        <translation>Choisissez deux images ou plus dans la liste (Ctrl+clic) pour une palette partagée</translation>
    </message>
    <message>
        <source>Shared palette</source>
        <translation>Palette partagée</translation>
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
        <translation>{name} ne peut pas être ouvert :
{reason}</translation>
    </message>
    <message>
        <source>Compressing…</source>
        <translation>Compression…</translation>
    </message>
    <message>
        <source>Quick preview of K = {k}; compressing…</source>
        <translation>Aperçu rapide de K = {k} ; compression…</translation>
    </message>
    <message>
        <source>{name}: K = {k}, {size} {format}, PSNR {psnr} dB, k-means and mapping {time} s</source>
        <translation>{name} : K = {k}, {size} {format}, PSNR {psnr} dB, k-means et affectation {time} s</translation>
    </message>
    <message>
        <source>Cancelled: change K or select the image again</source>
        <translation>Annulé : changez K ou sélectionnez à nouveau l&apos;image</translation>
    </message>
    <message>
        <source>(computing K = {k}…)</source>
        <translation>(calcul de K = {k}…)</translation>
    </message>
</context>
<context>
    <name>SplitView</name>
    <message>
        <source>Drag the divider to compare; X swaps the sides; hold Space to see the original</source>
        <translation>Glisser le séparateur pour comparer ; X échange les côtés ; maintenir Espace pour voir l&apos;original</translation>
    </message>
    <message>
        <source>Original (Space held)</source>
        <translation>Original (Espace maintenu)</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>The file on screen.</source>
        <translation>Le fichier affiché.</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensions</translation>
    </message>
    <message>
        <source>Width × height in pixels, and megapixels.</source>
        <translation>Largeur × hauteur en pixels, et mégapixels.</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>Fichier original</translation>
    </message>
    <message>
        <source>Size of the file you opened, and its format.</source>
        <translation>Taille du fichier ouvert, et son format.</translation>
    </message>
    <message>
        <source>Raw 24-bit</source>
        <translation>Brut 24 bits</translation>
    </message>
    <message>
        <source>Width × height × 3 bytes: the pixels with no compression at all.</source>
        <translation>Largeur × hauteur × 3 octets : les pixels sans aucune compression.</translation>
    </message>
    <message>
        <source>Palette + index</source>
        <translation>Palette + index</translation>
    </message>
    <message>
        <source>Every pixel stored as a ⌈log₂ n⌉-bit index into n palette colours of 3 bytes, with no file format around it; the ratio is raw 24-bit over this.</source>
        <translation>Chaque pixel stocké comme un index de ⌈log₂ n⌉ bits dans n couleurs de palette de 3 octets, sans format de fichier autour ; le rapport est le brut 24 bits divisé par ceci.</translation>
    </message>
    <message>
        <source>Encoded file</source>
        <translation>Fichier encodé</translation>
    </message>
    <message>
        <source>Size of the compressed file in the chosen format, as written, and the PNG effort it was written with (the preview&apos;s is fast; File ▸ Save Effort sets the one Save uses).</source>
        <translation>Taille du fichier compressé dans le format choisi, tel qu&apos;écrit, et l&apos;effort PNG utilisé (l&apos;aperçu utilise « rapide » ; Fichier ▸ Effort d&apos;enregistrement règle celui d&apos;Enregistrer).</translation>
    </message>
    <message>
        <source>vs original file</source>
        <translation>vs fichier original</translation>
    </message>
    <message>
        <source>Original file size over encoded file size. A photo that was a JPEG is often smaller than any lossless palette file: then the encoded file is larger, and this says so.</source>
        <translation>Taille du fichier original divisée par celle du fichier encodé. Une photo qui était un JPEG est souvent plus petite que tout fichier à palette sans perte : le fichier encodé est alors plus grand, et ceci le dit.</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <source>Distinct colours in the encoded image, and the K asked for.</source>
        <translation>Couleurs distinctes dans l&apos;image encodée, et le K demandé.</translation>
    </message>
    <message>
        <source>PSNR</source>
        <translation>PSNR</translation>
    </message>
    <message>
        <source>Peak signal-to-noise ratio against the original, in dB (higher is closer).</source>
        <translation>Rapport signal sur bruit de crête par rapport à l&apos;original, en dB (plus haut est plus proche).</translation>
    </message>
    <message>
        <source>Mean ΔE</source>
        <translation>ΔE moyen</translation>
    </message>
    <message>
        <source>Mean colour difference in Oklab, ×100: about 1 is just noticeable, over 5 is clear.</source>
        <translation>Différence de couleur moyenne dans Oklab, ×100 : environ 1 est à peine visible, au-delà de 5 c&apos;est net.</translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation>SSIM</translation>
    </message>
    <message>
        <source>Structural similarity of the luma (Wang et al. 2004; Gaussian window, 11 × 11): 1 is identical; closer to what people judge than PSNR. n/a below 11 × 11 pixels.</source>
        <translation>Similarité structurelle de la luminance (Wang et al. 2004 ; fenêtre gaussienne, 11 × 11) : 1 est identique ; plus proche du jugement humain que le PSNR. n/d sous 11 × 11 pixels.</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>What the encoded file keeps of the original&apos;s metadata (EXIF, XMP, PNG text, colour profile), as chosen under Metadata.</source>
        <translation>Ce que le fichier encodé garde des métadonnées de l&apos;original (EXIF, XMP, texte PNG, profil de couleur), selon le choix sous Métadonnées.</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Itérations</translation>
    </message>
    <message>
        <source>Lloyd iterations of the k-means.</source>
        <translation>Itérations de Lloyd du k-means.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <source>K-means and mapping. Not counted: the colour analysis (once per image, reused for every K), decoding, encoding and measuring.</source>
        <translation>K-means et affectation. Non comptés : l&apos;analyse des couleurs (une fois par image, réutilisée pour chaque K), le décodage, l&apos;encodage et la mesure.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>, effort {effort}</source>
        <translation>, effort {effort}</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>rapide</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>{ratio}× smaller</source>
        <translation>{ratio}× plus petit</translation>
    </message>
    <message>
        <source>{ratio}× larger</source>
        <translation>{ratio}× plus grand</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label} :</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identique</translation>
    </message>
    <message>
        <source>{psnr} dB</source>
        <translation>{psnr} dB</translation>
    </message>
    <message>
        <source>{width} × {height} px ({megapixels} MP)</source>
        <translation>{width} × {height} px ({megapixels} Mpx)</translation>
    </message>
    <message>
        <source>{size} ({ratio}× smaller than raw)</source>
        <translation>{size} ({ratio}× plus petit que le brut)</translation>
    </message>
    <message>
        <source>LARGER: {ratio} than the original</source>
        <translation>PLUS GRAND : {ratio} que l&apos;original</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>The {format} file is larger than the original file: a palette image is lossless, and a photo&apos;s original JPEG is often smaller.</source>
        <translation>Le fichier {format} est plus grand que le fichier original : une image à palette est sans perte, et le JPEG original d&apos;une photo est souvent plus petit.</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>{0} B</source>
        <translation>{0} o</translation>
    </message>
    <message>
        <source>{0} KB</source>
        <translation>{0} ko</translation>
    </message>
    <message>
        <source>{0} MB</source>
        <translation>{0} Mo</translation>
    </message>
    <message>
        <source>{0} GB</source>
        <translation>{0} Go</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Partagée</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>K grid</source>
        <translation>Grille K</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>Original and compressed side by side</source>
        <translation>Original et compressé côte à côte</translation>
    </message>
    <message>
        <source>Original and compressed in one view: drag the divider; X swaps, hold Space for the original</source>
        <translation>Original et compressé dans une vue : glissez le séparateur ; X échange, maintenez Espace pour l&apos;original</translation>
    </message>
    <message>
        <source>Heat map of the colour difference (ΔE) at every pixel</source>
        <translation>Carte thermique de la différence de couleur (ΔE) à chaque pixel</translation>
    </message>
    <message>
        <source>The image at several K at once; click one to choose its K</source>
        <translation>L&apos;image à plusieurs K à la fois ; cliquez sur l&apos;une pour choisir son K</translation>
    </message>
    <message>
        <source>File size and quality against K, with the suggested K</source>
        <translation>Taille de fichier et qualité selon K, avec le K suggéré</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Split view of original and compressed</source>
        <translation>Vue partagée de l&apos;original et de l&apos;image compressée</translation>
    </message>
    <message>
        <source>Difference heat map</source>
        <translation>Carte thermique de la différence</translation>
    </message>
    <message>
        <source>Size and quality chart</source>
        <translation>Graphique de taille et de qualité</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>calcul…</translation>
    </message>
    <message>
        <source>K = {k} · {size}{effort} · PSNR {psnr} dB · ΔE {delta_e} · SSIM {ssim}</source>
        <translation>K = {k} · {size}{effort} · PSNR {psnr} dB · ΔE {delta_e} · SSIM {ssim}</translation>
    </message>
    <message>
        <source> · LARGER than the original</source>
        <translation> · PLUS GRAND que l&apos;original</translation>
    </message>
    <message>
        <source>Measured on the {format} file at full resolution: {colours} colours, {bytes} bytes{effort}. The picture is a {preview} preview with this K&apos;s palette.</source>
        <translation>Mesuré sur le fichier {format} en pleine résolution : {colours} couleurs, {bytes} octets{effort}. L&apos;image est un aperçu {preview} avec la palette de ce K.</translation>
    </message>
    <message>
        <source>K = {k} · preview: PSNR ≈ {psnr} dB · ΔE ≈ {delta_e} · size: measuring…</source>
        <translation>K = {k} · aperçu : PSNR ≈ {psnr} dB · ΔE ≈ {delta_e} · taille : mesure…</translation>
    </message>
    <message>
        <source>Quick estimate on a {preview} preview with an unrefined palette; the file size and exact figures follow once this K is compressed at full resolution.</source>
        <translation>Estimation rapide sur un aperçu {preview} avec une palette non affinée ; la taille du fichier et les valeurs exactes suivent quand ce K est compressé en pleine résolution.</translation>
    </message>
    <message>
        <source>{name} ({what}): previews {quick} of {count}, measured {measured} of {count}</source>
        <translation>{name} ({what}) : aperçus {quick} sur {count}, mesurés {measured} sur {count}</translation>
    </message>
    <message>
        <source> — stopped; switch views or change the K values to go on</source>
        <translation> — arrêté ; changez de vue ou de valeurs de K pour continuer</translation>
    </message>
    <message>
        <source> · suggested K = {k}</source>
        <translation> · K suggéré = {k}</translation>
    </message>
    <message>
        <source>Difference: waiting for the compressed image</source>
        <translation>Différence : en attente de l&apos;image compressée</translation>
    </message>
    <message>
        <source>computing the ΔE map…</source>
        <translation>calcul de la carte ΔE…</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Compressed</source>
        <translation>Compressé</translation>
    </message>
    <message>
        <source>Original image</source>
        <translation>Image originale</translation>
    </message>
    <message>
        <source>Compressed image</source>
        <translation>Image compressée</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Copied {text} to the clipboard.</source>
        <translation>{text} copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Drop photos or folders here
or use File ▸ Open… (Ctrl+O)</source>
        <translation>Déposez ici des photos ou des dossiers
ou utilisez Fichier ▸ Ouvrir… (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Save the compressed image</source>
        <translation>Enregistrer l&apos;image compressée</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>Actual size, 100%</source>
        <translation>Taille réelle, 100 %</translation>
    </message>
    <message>
        <source>Export the palette</source>
        <translation>Exporter la palette</translation>
    </message>
    <message>
        <source>Fit the images to the window (Ctrl+0)</source>
        <translation>Ajuster les images à la fenêtre (Ctrl+0)</translation>
    </message>
    <message>
        <source>One image pixel per device pixel of the screen (Ctrl+1)</source>
        <translation>Un pixel d&apos;image par pixel physique de l&apos;écran (Ctrl+1)</translation>
    </message>
    <message>
        <source>Save the compressed image on screen (Ctrl+S)</source>
        <translation>Enregistrer l&apos;image compressée affichée (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the palette as GIMP .gpl, Adobe .act, JSON or a hex list (Ctrl+E)</source>
        <translation>Enregistrer la palette en .gpl GIMP, .act Adobe, JSON ou liste hexadécimale (Ctrl+E)</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n compressed file(s) would be larger than their original:</source>
        <translation>
            <numerusform>%n compressed file would be larger than its original:</numerusform>
            <numerusform>%n compressed files would be larger than their original:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already exist:</source>
        <translation>
            <numerusform>%n file already exists:</numerusform>
            <numerusform>%n files already exist:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Seeking {goal} for %n image(s), K between {k_min} and {k_max}…</source>
        <translation>
            <numerusform>Seeking {goal} for %n image, K between {k_min} and {k_max}…</numerusform>
            <numerusform>Seeking {goal} for %n images, K between {k_min} and {k_max}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n colour(s) to {name}{note}.</source>
        <translation>
            <numerusform>Exported %n colour to {name}{note}.</numerusform>
            <numerusform>Exported %n colours to {name}{note}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Palette: %n colour(s), areas by cost if removed</source>
        <translation>
            <numerusform>Palette: %n colour, areas by cost if removed</numerusform>
            <numerusform>Palette: %n colours, areas by cost if removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Palette: %n colour(s), areas by pixel share</source>
        <translation>
            <numerusform>Palette: %n colour, areas by pixel share</numerusform>
            <numerusform>Palette: %n colours, areas by pixel share</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Use the %n colour(s) of {name}:</source>
        <translation>
            <numerusform>Use the %n colour of {name}:</numerusform>
            <numerusform>Use the %n colours of {name}:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n colour(s)</source>
        <translation>
            <numerusform>Delete %n colour</numerusform>
            <numerusform>Delete %n colours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One palette of {colours} colours for these %n image(s) (k-means on all their pixels together). Figures measured on each encoded file:</source>
        <translation>
            <numerusform>One palette of {colours} colours for this %n image (k-means on all its pixels). Figures measured on each encoded file:</numerusform>
            <numerusform>One palette of {colours} colours for these %n images (k-means on all their pixels together). Figures measured on each encoded file:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finding one palette for %n image(s)…</source>
        <translation>
            <numerusform>Finding one palette for %n image…</numerusform>
            <numerusform>Finding one palette for %n images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving %n image(s) into {folder}…</source>
        <translation>
            <numerusform>Saving %n image into {folder}…</numerusform>
            <numerusform>Saving %n images into {folder}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save All stopped: saved {saved} of %n image(s) into {folder}.</source>
        <translation>
            <numerusform>Save All stopped: saved {saved} of %n image into {folder}.</numerusform>
            <numerusform>Save All stopped: saved {saved} of %n images into {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {saved} of %n image(s) into {folder}.</source>
        <translation>
            <numerusform>Saved {saved} of %n image into {folder}.</numerusform>
            <numerusform>Saved {saved} of %n images into {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> Kept %n existing file(s).</source>
        <translation>
            <numerusform> Kept %n existing file.</numerusform>
            <numerusform> Kept %n existing files.</numerusform>
        </translation>
    </message>
</context>
</TS>

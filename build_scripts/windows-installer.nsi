; The Windows installer of the one-folder app (NSIS, run by build_scripts/wine_windows.py):
; installs for the current user (no administrator rights), adds a Start menu entry and an
; uninstaller, and registers the app for "Open with" on the image types it reads, without
; taking any file type over (the user's default app stays the default).
;   makensis -DVERSION=0.1.0 -DSOURCE=dist/windows/kmeans-gui-dir -DOUTFILE=... this file
Target amd64-unicode  ; the app is 64-bit only; so is the installer

!define APP "K-means Photo Compressor"
!define EXE "kmeans-gui.exe"
!define PROGID "KMeansGui.Image"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\kmeans-gui"
; The types "Open with" offers the app for: what the window opens (README, Desktop window).
!macro ForEachType MACRO
  !insertmacro ${MACRO} .png
  !insertmacro ${MACRO} .jpg
  !insertmacro ${MACRO} .jpeg
  !insertmacro ${MACRO} .jpe
  !insertmacro ${MACRO} .gif
  !insertmacro ${MACRO} .webp
  !insertmacro ${MACRO} .bmp
  !insertmacro ${MACRO} .tif
  !insertmacro ${MACRO} .tiff
  !insertmacro ${MACRO} .heic
  !insertmacro ${MACRO} .heif
  !insertmacro ${MACRO} .avif
  !insertmacro ${MACRO} .ico
  !insertmacro ${MACRO} .tga
  !insertmacro ${MACRO} .pcx
  !insertmacro ${MACRO} .ppm
  !insertmacro ${MACRO} .pgm
  !insertmacro ${MACRO} .pbm
  !insertmacro ${MACRO} .pnm
  !insertmacro ${MACRO} .jp2
  !insertmacro ${MACRO} .apng
!macroend
!macro WriteType EXT
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" "${EXT}" ""
  WriteRegStr HKCU "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}" ""
!macroend
!macro UnWriteType EXT
  DeleteRegValue HKCU "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}"
!macroend

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\kmeans-gui"
RequestExecutionLevel user
SetCompressor /SOLID lzma
Icon "${ICON}"
UninstallIcon "${ICON}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "MIT licence"

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Section "Install"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}"

  ; The app itself: its name in "Open with", its command, the types it supports.
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}" "FriendlyAppName" "${APP}"
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  ; A ProgID for the types' OpenWithProgids lists.
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Image (${APP})"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\${EXE}",0'
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  !insertmacro ForEachType WriteType

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" '"$INSTDIR\${EXE}",0'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
SectionEnd

Section "Uninstall"
  !insertmacro ForEachType UnWriteType
  DeleteRegKey HKCU "Software\Classes\Applications\${EXE}"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  Delete "$SMPROGRAMS\${APP}.lnk"
  RMDir /r "$INSTDIR"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; NSIS installer of Một Cửa Thân Thiện: per-machine, 64-bit, Vietnamese interface.
; Built by packaging/windows/build.sh, which passes these defines:
;   VERSION (1.2.3), VERSION4 (1.2.3.4), APP (exe base name), STAGE (directory with the signed exe),
;   ICON (.ico), OUTFILE, PUBLISHER, optional OPENGL32, libgallium_wgl, libglapi (1 when STAGE
;   has opengl32.dll, libgallium_wgl.dll, libglapi.dll: Mesa's software OpenGL),
;   optional SIGN_UNINSTALLER (a script that signs the uninstaller in place).
;
; Upgrades install over the previous version in its own directory. The user's data (the
; database and backups, in %APPDATA%) is never touched, neither by an upgrade nor by uninstall.

Unicode true
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS {8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a} ; Windows 10 and 11
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!define PRODUCT "Một Cửa Thân Thiện"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\MotCuaThanThien"
!define EXE "${APP}.exe"
!define WINDOW_CLASS "GLFW30" ; the class of every GLFW (Fyne) window

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include WinVer.nsh

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\MotCuaThanThien"
; Upgrade in place: a previous installation's directory wins over the default (but not over /D=).
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

!ifdef SIGN_UNINSTALLER
!uninstfinalize '"${SIGN_UNINSTALLER}" "%1"'
!endif

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey "ProductName" "${PRODUCT}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION4}"
VIAddVersionKey "FileDescription" "Cài đặt ${PRODUCT}"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "LegalCopyright" "${PUBLISHER}"

Var Upgrade ; 1 when a previous installation was found

; ---- Pages ---------------------------------------------------------------------------------
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
; Pictures rendered from assets/icon/motcua.svg by assets/icon/render.sh.
!define MUI_WELCOMEFINISHPAGE_BITMAP "wizard.bmp"
!define MUI_UNWELCOMEFINISHPAGE_BITMAP "wizard.bmp"
!define MUI_HEADERIMAGE
!define MUI_HEADERIMAGE_RIGHT
!define MUI_HEADERIMAGE_BITMAP "header.bmp"
!define MUI_HEADERIMAGE_UNBITMAP "header.bmp"
!define MUI_WELCOMEPAGE_TEXT "Chương trình sẽ cài đặt ${PRODUCT} ${VERSION} cho mọi người dùng trên máy tính này.$\r$\n$\r$\nNếu máy đã có phiên bản cũ, phiên bản mới sẽ được cài đè lên; dữ liệu hồ sơ và các bản sao lưu vẫn được giữ nguyên.$\r$\n$\r$\nNhấn Tiến để tiếp tục."
!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipDirectoryOnUpgrade
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
; Started through Explorer, so that the program runs as the signed-in user and not with the
; installer's administrator rights (whose %APPDATA% may belong to another account).
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${PRODUCT} ngay"
!define MUI_FINISHPAGE_RUN_FUNCTION RunAsUser
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "${PRODUCT} sẽ được gỡ khỏi máy tính. Dữ liệu hồ sơ và các bản sao lưu của người dùng KHÔNG bị xóa; khi cài lại, chương trình dùng tiếp dữ liệu đó."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

; ---- Helpers -------------------------------------------------------------------------------
!macro WaitForAppClosed UN
Function ${UN}WaitForAppClosed
	retry:
	FindWindow $0 "${WINDOW_CLASS}" "${PRODUCT}"
	${If} $0 <> 0
		MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${PRODUCT} đang mở. Hãy đóng cửa sổ chương trình rồi bấm Thử lại (Retry)." /SD IDCANCEL IDRETRY retry
		SetErrorLevel 3
		Abort "${PRODUCT} đang mở."
	${EndIf}
FunctionEnd
!macroend
!insertmacro WaitForAppClosed ""
!insertmacro WaitForAppClosed "un."

Function .onInit
	${IfNot} ${AtLeastWin10}
		MessageBox MB_OK|MB_ICONSTOP "${PRODUCT} cần Windows 10 trở lên, bản 64-bit." /SD IDOK
		SetErrorLevel 4
		Abort
	${EndIf}
	SetShellVarContext all
	StrCpy $Upgrade 0
	ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
	${If} $0 != ""
	${AndIf} ${FileExists} "$0\${EXE}"
		StrCpy $Upgrade 1
	${EndIf}
FunctionEnd

Function SkipDirectoryOnUpgrade
	${If} $Upgrade == 1
		Abort ; skips the page: the previous directory is reused
	${EndIf}
FunctionEnd

Function RunAsUser
	Exec '"$WINDIR\explorer.exe" "$INSTDIR\${EXE}"'
FunctionEnd

; ---- Install -------------------------------------------------------------------------------
Section "-${PRODUCT}"
	Call WaitForAppClosed
	SetOutPath "$INSTDIR"
	SetOverwrite on
	File "${STAGE}\${EXE}"
!ifdef OPENGL32
	; Software OpenGL (Mesa llvmpipe) for PCs whose graphics driver lacks OpenGL 2.1.
	File "${STAGE}\opengl32.dll"
!endif
!ifdef libgallium_wgl
	File "${STAGE}\libgallium_wgl.dll"
!endif
!ifdef libglapi
	File "${STAGE}\libglapi.dll"
!endif
	WriteUninstaller "$INSTDIR\uninstall.exe"

	CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "${PRODUCT}"
	; The desktop shortcut is made on a first install, and refreshed by an upgrade only if the
	; user kept it.
	${If} $Upgrade == 0
	${OrIf} ${FileExists} "$DESKTOP\${PRODUCT}.lnk"
		CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "${PRODUCT}"
	${EndIf}

	; Settings > Apps (and Control Panel > Programs and Features).
	WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${PRODUCT}"
	WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
	WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
	WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
	WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
	WriteRegStr HKLM "${UNINST_KEY}" "Comments" "Tiếp nhận và trả kết quả hồ sơ tại bộ phận một cửa"
	WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
	WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
	${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
	IntFmt $0 "0x%08X" $0
	WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

; ---- Uninstall -----------------------------------------------------------------------------
Function un.onInit
	SetShellVarContext all
FunctionEnd

Section "Uninstall"
	Call un.WaitForAppClosed
	; Only the files the installer put here: nothing else, and never the user's data directory.
	Delete "$INSTDIR\${EXE}"
	Delete "$INSTDIR\opengl32.dll"
	Delete "$INSTDIR\libgallium_wgl.dll"
	Delete "$INSTDIR\libglapi.dll"
	Delete "$INSTDIR\uninstall.exe"
	RMDir "$INSTDIR" ; removed only when empty
	Delete "$SMPROGRAMS\${PRODUCT}.lnk"
	Delete "$DESKTOP\${PRODUCT}.lnk"
	DeleteRegKey HKLM "${UNINST_KEY}"
SectionEnd

; CP Conference Register: electron-builder's NSIS include (nsis.include in electron.builder.yml).
;
; Puts the cpreg command on the machine Path: "$INSTDIR\resources\cli" (cpreg.cmd) is added to the
; system Path on install and taken off on uninstall. The installer is per-machine only
; (nsis.perMachine), so the system Path in HKLM is the one to change.
;
; Written with care because it cannot be run on the build machines:
; - macros only, no functions or variables: electron-builder builds the installer and the
;   uninstaller from the same script with warnings as errors, and a function or variable one of
;   them does not use is a warning; registers are saved and restored around each macro;
; - no plugins (EnVar is not in electron-builder's NSIS);
; - NSIS strings hold at most NSIS_MAX_STRLEN characters, and ReadRegStr gives an empty string
;   (with the error flag) for a longer value. So the Path is changed only when it was read without
;   error and the result fits; otherwise it is left exactly as it was and the install log says how
;   to add the folder by hand. The Path is never written from an empty or cut-short read.
; - the value keeps its type (REG_EXPAND_SZ) and its %SystemRoot%-style entries, and a
;   WM_SETTINGCHANGE broadcast tells Explorer, so new consoles see the change.

!include "LogicLib.nsh"
!include "WinMessages.nsh"

!define CPREG_ENV_KEY "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"

; Install: append ";$INSTDIR\resources\cli" to the system Path unless it is there already
; (compared without regard to case, as Windows does).
!macro customInstall
  Push $0
  Push $1
  Push $2
  Push $3
  Push $4
  Push $5
  Push $6
  Push $7
  Push $8
  Push $9

  StrCpy $2 "$INSTDIR\resources\cli"
  ClearErrors
  ReadRegStr $0 HKLM "${CPREG_ENV_KEY}" "Path"
  ${If} ${Errors}
    DetailPrint "cpreg: could not read the system Path; add $2 to it to use the cpreg command."
  ${Else}
    StrLen $1 $0
    StrLen $5 $2
    ; The longest string used below is ";" + Path + ";" + folder + ";".
    IntOp $6 $1 + $5
    IntOp $6 $6 + 3
    ${If} $6 >= ${NSIS_MAX_STRLEN}
      DetailPrint "cpreg: the system Path is too long to change safely; add $2 to it to use the cpreg command."
    ${Else}
      ; Is ";folder;" somewhere in ";Path;"?
      StrCpy $3 ";$0;"
      StrCpy $4 ";$2;"
      StrLen $5 $4
      StrLen $6 $3
      IntOp $6 $6 - $5
      StrCpy $8 0
      ${For} $7 0 $6
        StrCpy $9 $3 $5 $7
        ${If} $9 == $4
          StrCpy $8 1
          ${ExitFor}
        ${EndIf}
      ${Next}
      ${If} $8 == 0
        ${If} $0 == ""
          StrCpy $0 "$2"
        ${Else}
          StrCpy $9 $0 1 -1
          ${If} $9 == ";"
            StrCpy $0 "$0$2"
          ${Else}
            StrCpy $0 "$0;$2"
          ${EndIf}
        ${EndIf}
        ClearErrors
        WriteRegExpandStr HKLM "${CPREG_ENV_KEY}" "Path" "$0"
        ${If} ${Errors}
          DetailPrint "cpreg: could not change the system Path; add $2 to it to use the cpreg command."
        ${Else}
          DetailPrint "cpreg: added $2 to the system Path."
          SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
        ${EndIf}
      ${EndIf}
    ${EndIf}
  ${EndIf}

  Pop $9
  Pop $8
  Pop $7
  Pop $6
  Pop $5
  Pop $4
  Pop $3
  Pop $2
  Pop $1
  Pop $0
!macroend

; Uninstall: take every ";$INSTDIR\resources\cli" entry off the system Path, keeping the others
; in their order. Nothing is written when the folder is not there.
!macro customUnInstall
  Push $0
  Push $1
  Push $2
  Push $3
  Push $4
  Push $5
  Push $6
  Push $7
  Push $8
  Push $9

  StrCpy $2 "$INSTDIR\resources\cli"
  ClearErrors
  ReadRegStr $0 HKLM "${CPREG_ENV_KEY}" "Path"
  ${IfNot} ${Errors}
    StrLen $1 $0
    IntOp $1 $1 + 2
    ${If} $1 < ${NSIS_MAX_STRLEN}
      ; Walk ";Path;" a character at a time into $6, skipping each ";folder" that is followed by
      ; ";" (the ";" stays to start the next entry). Then drop the ";" added at each end.
      StrCpy $3 ";$0;"
      StrCpy $4 ";$2;"
      StrLen $5 $4
      StrCpy $6 ""
      StrCpy $7 0
      StrCpy $8 0
      ${Do}
        StrCpy $9 $3 $5 $7
        ${If} $9 == $4
          StrCpy $8 1
          IntOp $7 $7 + $5
          IntOp $7 $7 - 1
        ${Else}
          StrCpy $9 $3 1 $7
          ${If} $9 == ""
            ${ExitDo}
          ${EndIf}
          StrCpy $6 "$6$9"
          IntOp $7 $7 + 1
        ${EndIf}
      ${Loop}
      ${If} $8 == 1
        StrCpy $6 $6 "" 1
        StrCpy $6 $6 -1
        ClearErrors
        WriteRegExpandStr HKLM "${CPREG_ENV_KEY}" "Path" "$6"
        ${IfNot} ${Errors}
          SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
        ${EndIf}
      ${EndIf}
    ${EndIf}
  ${EndIf}

  Pop $9
  Pop $8
  Pop $7
  Pop $6
  Pop $5
  Pop $4
  Pop $3
  Pop $2
  Pop $1
  Pop $0
!macroend

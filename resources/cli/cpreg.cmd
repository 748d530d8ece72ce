@echo off
rem cpreg: the CP Conference Register command line, installed with the desktop app.
rem Runs the app as "<app executable> --cpreg <args...>": the app runs the command line in its
rem main process (no window) and exits with its code. This file is in
rem <install folder>\resources\cli, which the NSIS installer adds to the machine Path; the app is
rem two folders up. A batch file waits for the app to finish, so the exit code and the output
rem reach the console.
setlocal
"%~dp0..\..\CP Conference Register.exe" --cpreg %*
exit /b %ERRORLEVEL%

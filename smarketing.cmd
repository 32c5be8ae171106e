@echo off
rem smarketing.cmd: the Windows entry point, as ./smarketing. Finds Java 17+, builds the launcher (deploy\local)
rem when it is missing, and starts it; everything else is Java (io.smarketing.local.Smarketing). smarketing --help
setlocal
set "REPO=%~dp0"
set "REPO=%REPO:~0,-1%"
set "JAR=%REPO%\deploy\local\target\smarketing-local.jar"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"

set "VERSION="
for /f "tokens=3" %%v in ('call "%JAVA%" -version 2^>^&1 ^| findstr /i "version"') do set "VERSION=%%~v"
if not defined VERSION (
  echo smarketing: java not found: install a JDK 17 or newer, or set JAVA_HOME 1>&2
  exit /b 1
)
for /f "delims=." %%m in ("%VERSION%") do set "MAJOR=%%m"
if %MAJOR% LSS 17 (
  echo smarketing: Java 17 or newer is needed; %JAVA% is %VERSION% 1>&2
  exit /b 1
)

if not exist "%JAR%" goto build
if not exist "%REPO%\deploy\local\target\runtime-classpath.txt" goto build
goto run
:build
echo -^> building the launcher (mvnw -B -q -pl deploy/local -am install -DskipTests) 1>&2
pushd "%REPO%"
call mvnw.cmd -B -q -pl deploy/local -am install -DskipTests 1>&2
set "BUILT=%ERRORLEVEL%"
popd
if not "%BUILT%"=="0" (
  echo smarketing: the launcher did not build 1>&2
  exit /b 1
)

:run
"%JAVA%" -Dsmarketing.repository="%REPO%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%

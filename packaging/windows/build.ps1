# Build the Windows installer on a Windows 10/11 x64 machine:
#   Python 3.11 or newer (python.org, with the py launcher) and Inno Setup 6 (jrsoftware.org).
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Leaves dist\pos-client\ (the bundle) and dist\pos-client-setup-VERSION.exe (the installer).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Invoke-Checked {
    param([string]$Program, [string[]]$Arguments)
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program $Arguments failed with exit code $LASTEXITCODE" }
}

if (-not (Test-Path .venv-win\Scripts\python.exe)) { Invoke-Checked py @("-3.11", "-m", "venv", ".venv-win") }
$python = ".venv-win\Scripts\python.exe"
Invoke-Checked $python @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Checked $python @("-m", "pip", "install", "--quiet", "-e", ".[hub,package]")
Invoke-Checked $python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "packaging\windows\pos-client.spec")

# The frozen program must start and sell before it is packed.
$cli = "dist\pos-client\pos-client-cli.exe"
$version = (& $cli --version).Split(" ")[1]
Invoke-Checked $cli @("--demo", "--smoke-test")

$iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { throw "Inno Setup 6 is not installed (expected $iscc)" }
Invoke-Checked $iscc @("/Qp", "/DAppVersion=$version", "packaging\windows\pos-client.iss")
Write-Host "built dist\pos-client-setup-$version.exe"

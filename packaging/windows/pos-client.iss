; Inno Setup script: dist\pos-client-setup-VERSION.exe from the bundle in dist\pos-client\.
; Built by build.ps1 (ISCC /DAppVersion=...). Silent install that also provisions the till:
;   pos-client-setup-0.1.0.exe /VERYSILENT /API=https://loyalty.example.com /OUTLET=spb-nevsky
;       /TERMINAL=spb-nevsky-T01 /TOKEN=... [/LANG=ru] [/TASKS=autostart]
; Provisioning runs as the user who started the installer (the till's account); the journal
; and settings live in that user's profile and are kept when the program is uninstalled.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=0.1.0 pos-client.iss
#endif

[Setup]
AppId={{9B7E4E2C-7C1A-4E0F-9C55-3F1E2B6A0C11}
AppName=pos-client
AppVersion={#AppVersion}
AppPublisher=pos-client
DefaultDirName={autopf}\pos-client
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=pos-client-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\pos-client.ico
UninstallDisplayIcon={app}\pos-client.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
WizardStyle=modern
; A running till is closed before its files are replaced; the journal is untouched.
CloseApplications=force

[Languages]
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ru.AutostartTask=Запускать кассу при входе в Windows (киоск)
en.AutostartTask=Start the till when anyone signs in to Windows (kiosk)
ru.Provisioning=Настройка кассы для магазина...
en.Provisioning=Setting the till up for its outlet...
ru.ProvisionFailed=Кассу не удалось настроить (код %1). Запустите pos-client: он попросит настройки.
en.ProvisionFailed=The till could not be set up (code %1). Start pos-client: it asks for its settings.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked
Name: "autostart"; Description: "{cm:AutostartTask}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle, so no library of the old version stays beside the new.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\pos-client\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\pos-client"; Filename: "{app}\pos-client.exe"
Name: "{autodesktop}\pos-client"; Filename: "{app}\pos-client.exe"; Tasks: desktopicon
Name: "{commonstartup}\pos-client"; Filename: "{app}\pos-client.exe"; Tasks: autostart

[Run]
Filename: "{app}\pos-client.exe"; Description: "{cm:LaunchProgram,pos-client}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[Code]
function ProvisioningGiven(): Boolean;
begin
  Result := (ExpandConstant('{param:API}') <> '') and (ExpandConstant('{param:TOKEN}') <> '');
end;

procedure Provision();
var
  Params: String;
  ResultCode: Integer;
begin
  WizardForm.StatusLabel.Caption := CustomMessage('Provisioning');
  Params := 'provision --force'
    + ' --api "' + ExpandConstant('{param:API}') + '"'
    + ' --outlet "' + ExpandConstant('{param:OUTLET}') + '"'
    + ' --terminal-id "' + ExpandConstant('{param:TERMINAL}') + '"'
    + ' --token "' + ExpandConstant('{param:TOKEN}') + '"'
    + ' --language "' + ExpandConstant('{param:LANG|ru}') + '"';
  if not ExecAsOriginalUser(ExpandConstant('{app}\pos-client-cli.exe'), Params, '',
      SW_HIDE, ewWaitUntilTerminated, ResultCode) or (ResultCode <> 0) then
  begin
    Log(Format('pos-client-cli provision failed with code %d', [ResultCode]));
    SuppressibleMsgBox(FmtMessage(CustomMessage('ProvisionFailed'), [IntToStr(ResultCode)]),
      mbError, MB_OK, IDOK);
  end;
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if (CurStep = ssPostInstall) and ProvisioningGiven() then
    Provision();
end;

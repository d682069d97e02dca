/* TEST-ONLY helper for smoke.sh: starts a program the way Windows starts a GUI-subsystem exe
 * from cmd, with no standard handles, waits for it and returns its exit code.
 *
 *   noconsole-launch.exe C:\path\motcua.exe version
 *
 * Wine hands standard handles even to GUI programs, so without this the smoke test could not
 * tell whether motcua.exe really attaches to its parent's console (packaging/winconsole).
 * Built by smoke.sh with mingw-w64; never shipped.
 */
#include <windows.h>

int main(void)
{
	/* The command line minus this program's own name. */
	wchar_t *cmd = GetCommandLineW();
	int quoted = 0;
	while (*cmd && (quoted || (*cmd != L' ' && *cmd != L'\t'))) {
		if (*cmd == L'"')
			quoted = !quoted;
		cmd++;
	}
	while (*cmd == L' ' || *cmd == L'\t')
		cmd++;

	STARTUPINFOW si = {0};
	PROCESS_INFORMATION pi;
	si.cb = sizeof si;
	si.dwFlags = STARTF_USESTDHANDLES; /* all three NULL: no standard handles */
	if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
		return 120;
	WaitForSingleObject(pi.hProcess, 60000);
	DWORD code = 121;
	GetExitCodeProcess(pi.hProcess, &code);
	return (int)code;
}

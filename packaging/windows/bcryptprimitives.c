/* TEST-ONLY stub of bcryptprimitives.dll for Wine 8, which lacks it.
 *
 * The Go runtime (1.22 and later) loads bcryptprimitives.dll at start-up and calls ProcessPrng
 * for its random numbers; on Wine 8 the exe dies with "bcryptprimitives.dll not found".
 * smoke.sh builds this with mingw-w64 and copies it into the Wine prefix's system32.
 * Real Windows 10 and 11 have the genuine DLL: this file is never shipped.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
			return FALSE;
		data += chunk;
		len -= chunk;
	}
	return TRUE;
}

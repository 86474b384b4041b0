using System.Runtime.InteropServices;

namespace ProtocolOcr.Recognition.Tesseract;

internal static partial class LibC
{
    /// <summary>Sets a variable in the native environment (Environment.SetEnvironmentVariable does not reach native code).</summary>
    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int setenv(string name, string value, int overwrite);
}

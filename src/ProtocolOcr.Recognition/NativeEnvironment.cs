using System.Runtime.InteropServices;

namespace ProtocolOcr.Recognition;

/// <summary>
/// The process environment native libraries read (OpenMP, OpenCV): on Linux .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only a managed copy, so these go through libc.
/// </summary>
public static partial class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> unless someone set it already (a value set on purpose is kept).</summary>
    public static void SetDefault(string name, string value)
    {
        if (setenv(name, value, overwrite: 0) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);
}

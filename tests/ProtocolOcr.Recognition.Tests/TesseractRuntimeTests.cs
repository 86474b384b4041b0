using System.Runtime.InteropServices;
using ProtocolOcr.Recognition.Tesseract;

namespace ProtocolOcr.Recognition.Tests;

public sealed class TesseractRuntimeTests
{
    [Fact]
    public void Initialize_limits_openmp_to_one_thread_in_the_native_environment()
    {
        TesseractRuntime.Initialize();

        Assert.Equal("1", Marshal.PtrToStringUTF8(getenv("OMP_THREAD_LIMIT")));
    }

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr getenv(string name);
}

using System.Runtime.InteropServices;

namespace ProtocolOcr.Recognition.Tesseract;

/// <summary>
/// Process-wide Tesseract set-up. Call <see cref="Initialize"/> at process start, BEFORE the first OpenCvSharp call:
/// OpenCvSharp's native library carries its own libpng/libjpeg/Tesseract symbols, and if it is bound first, Debian's
/// libtesseract crashes (libpng "Invalid IHDR data", double free). It also limits OpenMP to one thread, which makes
/// Tesseract about 6x faster on small crops (parallelism comes from one engine per worker thread instead).
/// </summary>
public static class TesseractRuntime
{
    public const string DebianTessdata = "/usr/share/tesseract-ocr/5/tessdata";

    private static readonly Lazy<IntPtr> Library = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Initialize() => _ = Library.Value;

    /// <summary>TESSDATA_PREFIX when set (it must name the tessdata folder itself), else Debian's folder.</summary>
    public static string DefaultTessdataPath =>
        Environment.GetEnvironmentVariable("TESSDATA_PREFIX") is { Length: > 0 } prefix ? prefix : DebianTessdata;

    public static string Version
    {
        get
        {
            Initialize();
            return Marshal.PtrToStringUTF8(TesseractNative.TessVersion()) ?? "unknown";
        }
    }

    private static IntPtr Load()
    {
        // Keep a limit someone set on purpose; otherwise one OpenMP thread per engine.
        if (LibC.setenv("OMP_THREAD_LIMIT", "1", overwrite: 0) != 0)
        {
            throw new InvalidOperationException($"setenv(OMP_THREAD_LIMIT) failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        return NativeLibrary.Load(TesseractNative.Library);
    }
}

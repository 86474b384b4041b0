using System.Runtime.InteropServices;

namespace ProtocolOcr.Recognition.Tesseract;

/// <summary>
/// Process-wide native set-up. Call <see cref="Initialize"/> at process start, BEFORE the first OpenCvSharp call:
/// OpenCvSharp's native library carries its own libpng/libjpeg/Tesseract symbols, and if it is bound first, Debian's
/// libtesseract crashes (libpng "Invalid IHDR data", double free). It also limits OpenMP to one thread, which makes
/// Tesseract about 6x faster on small crops (parallelism comes from one engine per worker thread instead), and turns
/// off OpenCV's bundled Intel IPP, which asks the CPU its cache size (the cpuid instruction) on every copy, fill and
/// conversion it does: under a hypervisor, as on these machines, each cpuid is a trap to the host. DEV (155 photos of
/// 10-12 MP, one benchmark each side by side): 451 -> 424 core-ms a photo (register 74 -> 60, digits 206 -> 194),
/// every field read alike. OpenCV says so on its log once ("IPP was disabled by OPENCV_IPP environment variable").
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
        NativeEnvironment.SetDefault("OMP_THREAD_LIMIT", "1");
        NativeEnvironment.SetDefault("OPENCV_IPP", "disabled");

        return NativeLibrary.Load(TesseractNative.Library);
    }
}

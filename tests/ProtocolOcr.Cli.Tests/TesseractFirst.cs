using System.Runtime.CompilerServices;
using ProtocolOcr.Recognition.Tesseract;

namespace ProtocolOcr.Cli.Tests;

internal static class TesseractFirst
{
    /// <summary>Loads libtesseract before any test touches OpenCvSharp (see <see cref="TesseractRuntime"/>).</summary>
    [ModuleInitializer]
    internal static void LoadTesseractBeforeOpenCv() => TesseractRuntime.Initialize();
}

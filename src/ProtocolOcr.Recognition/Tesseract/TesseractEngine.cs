using System.Runtime.InteropServices;
using OpenCvSharp;
using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Recognition.Tesseract;

/// <summary>
/// One Tesseract API handle (~80-100 ms to create, ~5 MiB). Not thread-safe: use one per thread
/// (<see cref="TesseractEnginePool"/>).
/// </summary>
public sealed class TesseractEngine : IDisposable
{
    private IntPtr _handle;

    public TesseractEngine(TesseractSettings settings)
    {
        TesseractRuntime.Initialize();
        _handle = TesseractNative.TessBaseAPICreate();
        if (TesseractNative.TessBaseAPIInit3(_handle, settings.TessdataPath, settings.Language) != 0)
        {
            TesseractNative.TessBaseAPIDelete(_handle);
            _handle = IntPtr.Zero;
            throw new InvalidOperationException(
                $"Tesseract could not load language '{settings.Language}' from '{settings.TessdataPath}'.");
        }

        TesseractNative.TessBaseAPISetPageSegMode(_handle, settings.PageSegmentationMode);
        foreach (var (name, value) in settings.Variables)
        {
            if (TesseractNative.TessBaseAPISetVariable(_handle, name, value) == 0)
            {
                Dispose();
                throw new InvalidOperationException($"Tesseract rejected variable {name}={value}.");
            }
        }
    }

    /// <summary>Reads one line from an 8-bit single-channel image (dark text on light background).</summary>
    public TesseractLine ReadLine(Mat gray)
    {
        ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
        if (gray.Type() != MatType.CV_8UC1)
        {
            throw new ArgumentException($"Expected an 8-bit grey image, got {gray.Type()}.", nameof(gray));
        }

        using var continuous = gray.IsContinuous() ? null : gray.Clone();
        var pixels = continuous ?? gray;
        TesseractNative.TessBaseAPISetImage(_handle, pixels.Data, pixels.Width, pixels.Height, 1, (int)pixels.Step());
        TesseractNative.TessBaseAPISetSourceResolution(_handle, 300);
        try
        {
            if (TesseractNative.TessBaseAPIRecognize(_handle, IntPtr.Zero) != 0)
            {
                throw new InvalidOperationException("Tesseract failed to recognise the image.");
            }

            return new TesseractLine(ReadSymbols());
        }
        finally
        {
            TesseractNative.TessBaseAPIClear(_handle);
        }
    }

    private List<TesseractSymbol> ReadSymbols()
    {
        var symbols = new List<TesseractSymbol>();
        IntPtr iterator = TesseractNative.TessBaseAPIGetIterator(_handle);
        if (iterator == IntPtr.Zero)
        {
            return symbols;
        }

        try
        {
            do
            {
                string? text = TakeText(TesseractNative.TessResultIteratorGetUTF8Text(iterator, TesseractNative.LevelSymbol));
                if (string.IsNullOrEmpty(text))
                {
                    continue;
                }

                double confidence = TesseractNative.TessResultIteratorConfidence(iterator, TesseractNative.LevelSymbol);
                symbols.Add(new TesseractSymbol(text, confidence, ReadChoices(iterator), ReadBox(iterator)));
            }
            while (TesseractNative.TessResultIteratorNext(iterator, TesseractNative.LevelSymbol) != 0);
        }
        finally
        {
            TesseractNative.TessResultIteratorDelete(iterator);
        }

        return symbols;
    }

    private static List<SymbolChoice> ReadChoices(IntPtr resultIterator)
    {
        var choices = new List<SymbolChoice>();
        IntPtr choice = TesseractNative.TessResultIteratorGetChoiceIterator(resultIterator);
        if (choice == IntPtr.Zero)
        {
            return choices;
        }

        try
        {
            do
            {
                // Owned by the choice iterator: not freed here.
                string? text = Marshal.PtrToStringUTF8(TesseractNative.TessChoiceIteratorGetUTF8Text(choice));
                if (!string.IsNullOrEmpty(text))
                {
                    choices.Add(new SymbolChoice(text, TesseractNative.TessChoiceIteratorConfidence(choice)));
                }
            }
            while (TesseractNative.TessChoiceIteratorNext(choice) != 0);
        }
        finally
        {
            TesseractNative.TessChoiceIteratorDelete(choice);
        }

        return choices;
    }

    private static BoxRect ReadBox(IntPtr resultIterator)
    {
        IntPtr page = TesseractNative.TessResultIteratorGetPageIteratorConst(resultIterator);
        return TesseractNative.TessPageIteratorBoundingBox(page, TesseractNative.LevelSymbol, out int left, out int top, out int right, out int bottom) != 0
            ? new BoxRect(left, top, right - left, bottom - top)
            : default;
    }

    private static string? TakeText(IntPtr text)
    {
        if (text == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(text);
        }
        finally
        {
            TesseractNative.TessDeleteText(text);
        }
    }

    public void Dispose()
    {
        if (_handle == IntPtr.Zero)
        {
            return;
        }

        TesseractNative.TessBaseAPIEnd(_handle);
        TesseractNative.TessBaseAPIDelete(_handle);
        _handle = IntPtr.Zero;
    }
}

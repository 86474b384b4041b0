using System.Runtime.InteropServices;

namespace ProtocolOcr.Recognition.Tesseract;

/// <summary>
/// The raw Tesseract C API (capi.h) of Debian's libtesseract.so.5. Text returned by the base API and result iterator
/// must be freed with <see cref="TessDeleteText"/>; a choice iterator's text belongs to the iterator.
/// </summary>
internal static partial class TesseractNative
{
    public const string Library = "libtesseract.so.5";

    public const int LevelSymbol = 4;

    [LibraryImport(Library)]
    public static partial IntPtr TessVersion();

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPICreate();

    [LibraryImport(Library)]
    public static partial void TessBaseAPIDelete(IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit3(IntPtr handle, string dataPath, string language);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPISetVariable(IntPtr handle, string name, string value);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetPageSegMode(IntPtr handle, int mode);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetImage(IntPtr handle, IntPtr imageData, int width, int height, int bytesPerPixel, int bytesPerLine);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetSourceResolution(IntPtr handle, int ppi);

    [LibraryImport(Library)]
    public static partial int TessBaseAPIRecognize(IntPtr handle, IntPtr monitor);

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPIGetIterator(IntPtr handle);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIClear(IntPtr handle);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIEnd(IntPtr handle);

    [LibraryImport(Library)]
    public static partial void TessDeleteText(IntPtr text);

    [LibraryImport(Library)]
    public static partial void TessResultIteratorDelete(IntPtr iterator);

    [LibraryImport(Library)]
    public static partial int TessResultIteratorNext(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial IntPtr TessResultIteratorGetUTF8Text(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial float TessResultIteratorConfidence(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial IntPtr TessResultIteratorGetPageIteratorConst(IntPtr iterator);

    [LibraryImport(Library)]
    public static partial int TessPageIteratorBoundingBox(IntPtr iterator, int level, out int left, out int top, out int right, out int bottom);

    [LibraryImport(Library)]
    public static partial IntPtr TessResultIteratorGetChoiceIterator(IntPtr iterator);

    [LibraryImport(Library)]
    public static partial void TessChoiceIteratorDelete(IntPtr iterator);

    [LibraryImport(Library)]
    public static partial int TessChoiceIteratorNext(IntPtr iterator);

    [LibraryImport(Library)]
    public static partial IntPtr TessChoiceIteratorGetUTF8Text(IntPtr iterator);

    [LibraryImport(Library)]
    public static partial float TessChoiceIteratorConfidence(IntPtr iterator);
}

using System.Globalization;
using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Recognition.Tesseract;

namespace ProtocolOcr.Recognition;

/// <summary>
/// Reads printed digits with Tesseract. Confidence is the weakest symbol's confidence (a number is only as sure as its
/// least sure digit); alternatives swap one digit for Tesseract's runner-up at that position. <see cref="AtScale"/> reads
/// the same crop enlarged or reduced, with the same engines: a second look that errs differently on touching print.
/// </summary>
public sealed class TesseractDigitReader : IFieldReader, IDisposable
{
    public const string Engine = "tesseract";

    private const int MaxDigits = 18;
    private const int MaxAlternatives = 3;

    private readonly TesseractEnginePool _engines;
    private readonly bool _ownsEngines;
    private readonly double _scale;

    public TesseractDigitReader(TesseractSettings? settings = null)
        : this(new TesseractEnginePool(settings ?? TesseractSettings.Digits()), ownsEngines: true, scale: 1)
    {
    }

    private TesseractDigitReader(TesseractEnginePool engines, bool ownsEngines, double scale)
    {
        _engines = engines;
        _ownsEngines = ownsEngines;
        _scale = scale;
    }

    /// <summary>This reader with the prepared crop scaled by <paramref name="scale"/>; it shares (and does not dispose) the engines.</summary>
    public TesseractDigitReader AtScale(double scale) => new(_engines, ownsEngines: false, scale);

    public string EngineName => Engine;

    public FieldReading Read(FieldCrop crop, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var prepared = DigitCropPreprocessor.Prepare(crop.Image);
        if (prepared.IsEmpty)
        {
            return Reading(crop, null, "", 0, [], FieldStatus.Empty);
        }

        var line = _scale == 1 ? _engines.Use(engine => engine.ReadLine(prepared.Image)) : ReadScaled(prepared.Image);
        var digits = line.Symbols.Where(s => s.Text.All(char.IsAsciiDigit)).ToList();
        string text = string.Concat(digits.Select(s => s.Text));
        if (text.Length is 0 or > MaxDigits)
        {
            return Reading(crop, null, line.Text, 0, [], FieldStatus.NeedsReview);
        }

        double confidence = Math.Clamp(digits.Min(s => s.Confidence) / 100, 0, 1);
        return Reading(
            crop, long.Parse(text, CultureInfo.InvariantCulture), text, confidence, Alternatives(digits, text), FieldStatus.NeedsReview);
    }

    private TesseractLine ReadScaled(Mat prepared)
    {
        using var scaled = new Mat();
        Cv2.Resize(prepared, scaled, new Size(), _scale, _scale, _scale > 1 ? InterpolationFlags.Cubic : InterpolationFlags.Area);
        return _engines.Use(engine => engine.ReadLine(scaled));
    }

    private static List<ValueAlternative> Alternatives(IReadOnlyList<TesseractSymbol> digits, string text) =>
        digits
            .SelectMany((symbol, position) => symbol.Choices
                .Where(choice => choice.Text != symbol.Text && choice.Text.Length == 1 && char.IsAsciiDigit(choice.Text[0]))
                .Select(choice => new ValueAlternative(
                    long.Parse(string.Concat(text.AsSpan(0, position), choice.Text, text.AsSpan(position + 1)), CultureInfo.InvariantCulture),
                    Math.Clamp(choice.Confidence / 100, 0, 1))))
            .Strongest(MaxAlternatives);

    private static FieldReading Reading(
        FieldCrop crop, long? value, string text, double confidence, IReadOnlyList<ValueAlternative> alternatives, FieldStatus status) =>
        new(crop.Field.Id, value, text, confidence, status, null, alternatives, Engine, crop.CropBox);

    public void Dispose()
    {
        if (_ownsEngines)
        {
            _engines.Dispose();
        }
    }
}

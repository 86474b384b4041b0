using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Recognition.Handwriting;

namespace ProtocolOcr.Recognition.Arbitration;

/// <summary>
/// Reads every field with both engines and decides per field, not per form, whether it is print or handwriting.
/// When they read the same value it has two witnesses. Otherwise a field Tesseract reads with every symbol sure is
/// print: Tesseract reads it, unless the digit engine is itself sure of its different value (then the field is
/// handwriting Tesseract misread with confidence). A field Tesseract reads fairly surely whose value is also the digit
/// engine's strong runner-up is read by Tesseract too (printed digits the digit engine cut wrong); when Tesseract is
/// sure, that runner-up counts as the digit engine's agreement (two witnesses: DEV never wrong). Any other field is handwriting: the digit engine reads it and
/// Tesseract, which misreads most handwriting, is only a witness whose value becomes an alternative; its disagreement
/// alone does not send the field to review. Confidence is calibrated (<see cref="FieldCalibration"/>): the share of
/// DEV fields in the same case and score bin whose value was right; alternatives are scaled alike.
/// A reader with ink but no digits where the other read a value goes to review as <see cref="EnginesDisagree"/>.
/// Tesseract is not asked at all when the digit engine is sure (<see cref="ArbiterSettings.DigitEngineAloneFrom"/>) of a
/// field a sum checks: there it was never the one right when the digit engine was wrong, and the sum is the witness.
/// Print that both digit-engine preparations merged while Tesseract read it fairly surely is put to Tesseract again at
/// other scales (<see cref="ArbiterSettings.ConfirmedAtOtherScales"/>).
/// Thread-safe when both readers are.
/// </summary>
public sealed class EngineArbiter : IFieldReader
{
    public const string EnginesDisagree = "engines_disagree";

    private const int MaxAlternatives = 5;

    private readonly IFieldReader _printed;
    private readonly IFieldReader _handwritten;
    private readonly ArbiterSettings _settings;
    private readonly FieldCalibration _calibration;

    private readonly IFieldReader? _printWitness;
    private readonly IReadOnlyList<IFieldReader> _printedAtOtherScales;

    /// <param name="printWitness">
    /// The digit engine reading a crop prepared for print, asked only when Tesseract is sure and the digit engine read
    /// another value; defaults to the print mode of <paramref name="handwritten"/> when that is the digit engine.
    /// </param>
    /// <param name="printedAtOtherScales">
    /// Tesseract reading the crop enlarged and reduced; defaults to <paramref name="printed"/> at 1.5 and 0.75 when that
    /// is Tesseract.
    /// </param>
    public EngineArbiter(
        IFieldReader printed, IFieldReader handwritten, ArbiterSettings settings, FieldCalibration? calibration = null, IFieldReader? printWitness = null,
        IReadOnlyList<IFieldReader>? printedAtOtherScales = null)
    {
        _printWitness = printWitness ?? (handwritten as HandwrittenDigitReader)?.ForPrint;
        _printedAtOtherScales = printedAtOtherScales
            ?? (printed is TesseractDigitReader tesseract ? [tesseract.AtScale(1.5), tesseract.AtScale(0.75)] : []);
        _printed = printed;
        _handwritten = handwritten;
        _settings = settings;
        _calibration = calibration ?? FieldCalibration.Embedded;
    }

    public string EngineName => $"{_printed.EngineName}+{_handwritten.EngineName}";

    public FieldReading Read(FieldCrop crop, CancellationToken cancellationToken)
    {
        var handwritten = _handwritten.Read(crop, cancellationToken);
        if (crop.CheckedBySum && handwritten.Value is not null && handwritten.Confidence >= _settings.DigitEngineAloneFrom)
        {
            return AsHandwriting(handwritten, null);
        }

        var printed = _printed.Read(crop, cancellationToken);

        if (printed.Status == FieldStatus.Empty && handwritten.Status == FieldStatus.Empty)
        {
            return handwritten with { Engine = EngineName };
        }

        if (printed.Value is { } p && handwritten.Value is { } h && p == h)
        {
            return Agreed(printed, handwritten);
        }

        if (handwritten.Value is null)
        {
            return printed with { Status = FieldStatus.NeedsReview, ReviewReason = EnginesDisagree, Engine = EngineName };
        }

        if (printed.Value is not { } printedValue)
        {
            return AsHandwriting(handwritten, null);
        }

        if (printed.Confidence >= _settings.PrintedSureConfidence && IsFaintInkTesseractMissed(printed, handwritten))
        {
            return AsHandwriting(handwritten, printed);
        }

        FieldReading? asPrint = null;
        if (_printWitness is not null && MayBePrint(printed, handwritten))
        {
            // A printed-looking field the digit engine read otherwise: let it read the crop prepared for print.
            asPrint = _printWitness.Read(crop, cancellationToken);
            if (asPrint.Value == printedValue)
            {
                return Agreed(printed, asPrint);
            }

            if (IsRecountedByPrintWitness(asPrint, printed, handwritten))
            {
                return Chosen(asPrint, _settings.RecountedByWitness, printed) with { Engine = EngineName };
            }
        }

        if (printed.Confidence >= _settings.PrintedSureConfidence)
        {
            if (SupportedBy(handwritten, printedValue, _settings.ConfirmingAlternative))
            {
                var confirmed = FieldCalibration.Lookup(_calibration.PrintedConfirmed, handwritten.Confidence);
                return Chosen(printed, confirmed, handwritten) with { Engine = EngineName };
            }

            // The digit engine reading another digit count on print is its segmentation failing (narrow touching
            // printed digits), not a sign against Tesseract: DEV 97 of 97 such fields under 0.7 were Tesseract's.
            var curve = printed.Text.Length != handwritten.Text.Length ? _calibration.PrintedRecounted : _calibration.PrintedRight;
            var printedRight = FieldCalibration.Lookup(curve, handwritten.Confidence);
            if (printedRight >= _settings.PrintedKeptFrom)
            {
                return Chosen(printed, printedRight, handwritten);
            }
        }
        else if (printed.Confidence >= _settings.PrintedSupportedFrom && SupportedBy(handwritten, printedValue, _settings.SupportingAlternative))
        {
            return Chosen(printed, FieldCalibration.Lookup(_calibration.PrintedSupported, handwritten.Confidence), handwritten);
        }

        if (asPrint is not null && IsPrintBothPreparationsMerged(printed, handwritten, asPrint)
            && _printedAtOtherScales.Count > 0
            && _printedAtOtherScales.All(reader => reader.Read(crop, cancellationToken).Value == printedValue))
        {
            return Chosen(printed, _settings.ConfirmedAtOtherScales, handwritten) with { Engine = EngineName };
        }

        return AsHandwriting(handwritten, printed);
    }

    /// <summary>
    /// Tesseract fairly sure (short of <see cref="ArbiterSettings.PrintedSureConfidence"/>) of more digits than both
    /// digit-engine preparations, neither of them sure: print whose digits both preparations merged ("1009" read "108"
    /// and "109"), or handwriting Tesseract read extra digits into ("302" read "3200").
    /// </summary>
    private bool IsPrintBothPreparationsMerged(FieldReading printed, FieldReading handwritten, FieldReading asPrint) =>
        printed.Confidence >= _settings.PrintedSupportedFrom && printed.Confidence < _settings.PrintedSureConfidence
        && printed.Text.Length > handwritten.Text.Length && printed.Text.Length > asPrint.Text.Length
        && handwritten.Confidence < _settings.DigitEngineUnsureBelow && asPrint.Confidence < _settings.DigitEngineUnsureBelow;

    /// <summary>
    /// The digit engine, sure, reads more digits than Tesseract: handwriting with some digits written lighter, which
    /// Tesseract's plain threshold (and the digit engine's print preparation, its witness) drop while the handwriting
    /// preparation keeps them ("378" read "3" by both, "74" read "4"). DEV: 5 such fields, all read right by the digit
    /// engine; no printed field has this case.
    /// </summary>
    private bool IsFaintInkTesseractMissed(FieldReading printed, FieldReading handwritten) =>
        handwritten.Confidence >= _settings.PrintedSureConfidence && handwritten.Text.Length > printed.Text.Length;

    /// <summary>
    /// Tesseract sure, or fairly sure of more digits than the digit engine read: bold print the handwriting preparation
    /// fattened until its digits touched (see <see cref="ArbiterSettings.PrintWitnessFrom"/>).
    /// </summary>
    private bool MayBePrint(FieldReading printed, FieldReading handwritten) =>
        printed.Confidence >= _settings.PrintedSureConfidence
        || (printed.Confidence >= _settings.PrintWitnessFrom && printed.Text.Length > handwritten.Text.Length);

    /// <summary>
    /// The print witness sure of Tesseract's digit count, which the digit engine fell short of, and of another digit:
    /// Tesseract misreading the print ("786" as "186", "517" as "917") beside the handwriting preparation merging it.
    /// </summary>
    private bool IsRecountedByPrintWitness(FieldReading asPrint, FieldReading printed, FieldReading handwritten) =>
        asPrint.Value is not null && asPrint.Confidence >= _settings.PrintedSureConfidence
        && asPrint.Text.Length == printed.Text.Length && asPrint.Text.Length > handwritten.Text.Length;

    /// <summary>
    /// The digit engine's own runner-up value is Tesseract's (often printed digits it cut or merged wrong: "77" read as
    /// one wide 7, with "77" as its alternative).
    /// </summary>
    private static bool SupportedBy(FieldReading handwritten, long value, double atLeast) =>
        handwritten.Alternatives.Any(alternative => alternative.Value == value && alternative.Confidence >= atLeast);

    private FieldReading Agreed(FieldReading printed, FieldReading handwritten)
    {
        // Tesseract sure: print, where agreement was never wrong on DEV; else it is handwriting and the digit engine's
        // confidence tells (agreeing at under 0.5 it was right 4 of 13).
        var score = printed.Confidence >= _settings.PrintedSureConfidence ? 1 : handwritten.Confidence;
        var confidence = FieldCalibration.Lookup(_calibration.Agreed, score);
        var alternatives = Scaled(handwritten, confidence).Concat(Scaled(printed, confidence))
            .Where(alternative => alternative.Value != handwritten.Value)
            .Strongest(MaxAlternatives);
        return handwritten with { Confidence = confidence, Engine = EngineName, Alternatives = alternatives };
    }

    /// <summary>The reader's value at its calibrated chance; the witness's value takes a share of the doubt.</summary>
    private FieldReading Chosen(FieldReading reader, double confidence, FieldReading? witness)
    {
        var witnessValues = witness?.Value is { } value ? [new ValueAlternative(value, (1 - confidence) * _settings.WitnessShare)] : Array.Empty<ValueAlternative>();
        var alternatives = Scaled(reader, confidence).Concat(witnessValues)
            .Where(alternative => alternative.Value != reader.Value)
            .Strongest(MaxAlternatives);
        return reader with { Confidence = confidence, ReviewReason = null, Alternatives = alternatives };
    }

    /// <summary>The digit engine's reading at its calibrated chance as handwriting; the witness's value, if any, an alternative.</summary>
    private FieldReading AsHandwriting(FieldReading handwritten, FieldReading? witness) =>
        Chosen(handwritten, FieldCalibration.Lookup(_calibration.HandwrittenRight, handwritten.Confidence), witness);

    /// <summary>An engine's own alternatives rescaled by how its value's confidence was calibrated.</summary>
    private static IEnumerable<ValueAlternative> Scaled(FieldReading reading, double calibrated)
    {
        var scale = reading.Confidence > 0 ? calibrated / reading.Confidence : 0;
        return reading.Alternatives.Select(alternative =>
            alternative with { Confidence = Math.Clamp(alternative.Confidence * scale, 0, 1 - calibrated) });
    }
}

using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;

namespace ProtocolOcr.Recognition.Arbitration;

/// <summary>
/// Reads every field with both engines and decides per field, not per form, whether it is print or handwriting:
/// when they agree the value has two witnesses; when they disagree, the value of an engine that is sure is taken
/// only if the other engine is unsure of its own (the sign that the field is not its kind of writing); any other
/// disagreement goes to a person with both values as alternatives. Thread-safe when both readers are.
/// </summary>
public sealed class EngineArbiter : IFieldReader
{
    public const string EnginesDisagree = "engines_disagree";

    private const int MaxAlternatives = 5;

    private readonly IFieldReader _printed;
    private readonly IFieldReader _handwritten;
    private readonly ArbiterSettings _settings;

    public EngineArbiter(IFieldReader printed, IFieldReader handwritten, ArbiterSettings settings)
    {
        _printed = printed;
        _handwritten = handwritten;
        _settings = settings;
    }

    public string EngineName => $"{_printed.EngineName}+{_handwritten.EngineName}";

    public FieldReading Read(FieldCrop crop, CancellationToken cancellationToken)
    {
        var printed = _printed.Read(crop, cancellationToken);
        var handwritten = _handwritten.Read(crop, cancellationToken);

        if (printed.Status == FieldStatus.Empty && handwritten.Status == FieldStatus.Empty)
        {
            return handwritten with { Engine = EngineName };
        }

        if (printed.Value is { } p && handwritten.Value is { } h && p == h)
        {
            return Agreed(printed, handwritten);
        }

        var printedSure = IsSure(printed, _settings.PrintedSureConfidence);
        var handwrittenSure = IsSure(handwritten, Math.Pow(_settings.HandwrittenSureDigitConfidence, Digits(handwritten)));
        if (handwrittenSure && !printedSure && printed.Confidence < _settings.OtherUnsureBelow)
        {
            return handwritten with { Alternatives = Merge(handwritten, printed) };
        }

        if (printedSure && !handwrittenSure && handwritten.Confidence < _settings.OtherUnsureBelow)
        {
            return printed with { Alternatives = Merge(printed, handwritten) };
        }

        var likelier = handwritten.Confidence >= printed.Confidence ? handwritten : printed;
        var other = ReferenceEquals(likelier, handwritten) ? printed : handwritten;
        return likelier with
        {
            Status = FieldStatus.NeedsReview,
            ReviewReason = EnginesDisagree,
            Engine = EngineName,
            Alternatives = Merge(likelier, other),
        };
    }

    private FieldReading Agreed(FieldReading printed, FieldReading handwritten)
    {
        // Two engines that work differently failing the same way is much rarer than either failing alone.
        var confidence = 1 - ((1 - printed.Confidence) * (1 - handwritten.Confidence));
        return handwritten with { Confidence = confidence, Engine = EngineName, Alternatives = Merge(handwritten, printed) };
    }

    private static bool IsSure(FieldReading reading, double threshold) => reading.Value is not null && reading.Confidence >= threshold;

    private static int Digits(FieldReading reading) => Math.Max(1, reading.Text.Length);

    private static List<ValueAlternative> Merge(FieldReading first, FieldReading second)
    {
        var own = first.Value is { } v ? new[] { new ValueAlternative(v, first.Confidence) } : [];
        var theirs = second.Value is { } w ? new[] { new ValueAlternative(w, second.Confidence) } : [];
        return own.Concat(first.Alternatives).Concat(theirs).Concat(second.Alternatives).Strongest(MaxAlternatives);
    }
}

using System.Globalization;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.Recognition.Arbitration;
using ProtocolOcr.Recognition.Words;

namespace ProtocolOcr.Pipeline;

/// <summary>
/// Stage 8: the count written in words beside the digits as one more witness, read only for the fields a person would
/// otherwise check (Tesseract costs ~20-30 core-ms a box). Words that name the value read raise its probability by
/// <see cref="LikelihoodRatio"/> and count as another agreeing engine (<see cref="EngineName"/>), so a value no equality
/// checks (voters on the list) is no longer a single witness; words that name another value put that value beside the
/// one read with the same weight, for the arithmetic to weigh against the sums, and keep the field in review
/// (<see cref="ReviewReasons.WordsDiffer"/>) unless a sum vouches for one of them. The words are written from the same
/// true count as the digits but read by another engine from other ink, so they err independently of the digit engine.
/// </summary>
public sealed class WordsWitness
{
    public const string EngineName = "words";

    /// <summary>
    /// How much likelier words naming a value are when it is the field's true value than when it is not: the share of
    /// boxes that name the true value over the share that name a wrong one. DEV, every box the pipeline read (seeds 211,
    /// 213, 218, 223, 240, 257, 258; 2,647 boxes): phone photos named the true value in 887 of 993 boxes and a wrong one
    /// in none (0.89 over the 3-in-993 bound of none seen: ~300); hard photos in 892 of 1,654 and a wrong one in 3
    /// (0.54 over 0.0018: ~300). Was 100, set on 520 boxes of one set; a field the words outweigh stays in review
    /// unless the sums then vouch for it (DEV at 300 against 100: hard 223 field accuracy 89.4 -> 91.1%, review
    /// 29.8 -> 27.2%, phone 211 98.4 -> 98.8%, silent errors unchanged).
    /// </summary>
    public const double LikelihoodRatio = 300;

    /// <summary>
    /// The share of a reading's unlisted doubt (1 - the values listed) a value neither engine listed had before the
    /// words named it: one of the ~20-30 values a misread digit or a lost or extra one makes of the value read.
    /// </summary>
    public const double UnlistedShare = 0.05;

    /// <summary>The least prior of a value neither engine listed (a reading that left no doubt unlisted).</summary>
    public const double UnlistedPrior = 0.002;

    private readonly NumberWordsReader _reader;

    public WordsWitness(NumberWordsReader reader) => _reader = reader;

    /// <summary>
    /// The readings, each field that <paramref name="decided"/> sends to review witnessed by its words; the same list
    /// when no words named anything.
    /// </summary>
    public IReadOnlyList<FieldReading> Witness(
        AlignedPage alignedPage, FormDefinition form, IReadOnlyList<FieldReading> readings, IReadOnlyList<FieldReading> decided,
        CancellationToken cancellationToken)
    {
        var inReview = decided.Where(field => field.Status == FieldStatus.NeedsReview).Select(field => field.FieldId).ToHashSet(StringComparer.Ordinal);
        var changed = false;
        // A commission writes its protocol in one language: once a box names a value in it, its model alone reads
        // the next boxes (cheaper than every model of a bilingual form), and all of them only a box it cannot name.
        var bilingual = form.Languages.Intersect(NumberWords.Languages).Count() > 1;
        string? writtenIn = null;
        WordsDecoding? ReadWords(FieldDefinition field, IEnumerable<long> candidates)
        {
            if (writtenIn is not null && _reader.Read(alignedPage, form, field, candidates, cancellationToken, writtenIn) is { Named: not null } inOne)
            {
                return inOne;
            }

            var inAll = _reader.Read(alignedPage, form, field, candidates, cancellationToken);
            if (bilingual && inAll?.Named is not null)
            {
                writtenIn = inAll.Language;
            }

            return inAll;
        }

        var witnessed = readings.Select(reading =>
        {
            if (!inReview.Contains(reading.FieldId) || reading.Value is not { } value)
            {
                return reading;
            }

            var candidates = reading.Alternatives.Select(alternative => alternative.Value).Append(value);
            if (ReadWords(form.Field(reading.FieldId), candidates)?.Named is not { } named)
            {
                return reading;
            }

            changed = true;
            return Apply(reading, named);
        }).ToList();
        return changed ? witnessed : readings;
    }

    /// <summary>The reading after words that name <paramref name="named"/>: Bayes' rule over the values listed, the rest of the doubt kept unlisted.</summary>
    public static FieldReading Apply(FieldReading reading, long named)
    {
        var masses = reading.Alternatives
            .Where(alternative => alternative.Value != reading.Value)
            .Select(alternative => (alternative.Value, Mass: alternative.Confidence))
            .Prepend((Value: reading.Value!.Value, Mass: reading.Confidence))
            .ToList();
        var unlisted = Math.Max(0, 1 - masses.Sum(pair => pair.Mass));
        var index = masses.FindIndex(pair => pair.Value == named);
        if (index < 0)
        {
            masses.Add((named, Math.Max(UnlistedPrior, unlisted * UnlistedShare)));
            index = masses.Count - 1;
        }

        masses[index] = (named, masses[index].Mass * LikelihoodRatio);
        var total = masses.Sum(pair => pair.Mass) + unlisted;
        var (value, mass) = masses.MaxBy(pair => pair.Mass);
        var alternatives = masses.Where(pair => pair.Value != value)
            .Select(pair => new ValueAlternative(pair.Value, pair.Mass / total))
            .OrderByDescending(alternative => alternative.Confidence)
            .ToList();
        var agrees = value == named && value == reading.Value;
        return reading with
        {
            Value = value,
            Text = value.ToString(CultureInfo.InvariantCulture),
            Confidence = mass / total,
            Alternatives = alternatives,
            Engine = agrees ? $"{reading.Engine}+{EngineName}" : value == named ? EngineName : reading.Engine,
            ReviewReason = agrees ? (reading.ReviewReason == EngineArbiter.EnginesDisagree ? null : reading.ReviewReason) : ReviewReasons.WordsDiffer,
            Status = agrees ? reading.Status : FieldStatus.NeedsReview,
        };
    }
}

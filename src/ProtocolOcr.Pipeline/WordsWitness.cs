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
/// <see cref="LikelihoodRatioFor"/> and count as another agreeing engine (<see cref="EngineName"/>), so a value no equality
/// checks (voters on the list) is no longer a single witness; words that name another value put that value beside the
/// one read with the same weight, for the arithmetic to weigh against the sums, and keep the field in review
/// (<see cref="ReviewReasons.WordsDiffer"/>) unless a sum vouches for one of them. The words are written from the same
/// true count as the digits but read by another engine from other ink, so they err independently of the digit engine.
/// </summary>
public sealed class WordsWitness
{
    public const string EngineName = "words";

    /// <summary>
    /// How much likelier words naming a value letter for letter are when it is the field's true value than when it is
    /// not: the share of boxes naming the true value so over the share naming a wrong one. DEV, every box the pipeline
    /// read on seven sets (seeds 211, 213, 218, 223, 240, 257, 258; 2,609 boxes): 1,510 named the true value letter for
    /// letter and none a wrong one (0.58 over the none-in-2,609 bound of 3/2,609: ~500).
    /// </summary>
    public const double ExactLikelihoodRatio = 500;

    /// <summary>
    /// The same for words one or two letters off the value's spelling (<see cref="WordsDecoding.MostLettersOff"/>): on
    /// the same boxes 240 named the true value so and 3 a wrong one, all on hard photos (80 named 2, 637 named 137,
    /// 81 named 71): 0.092 over 0.0011, ~80.
    /// </summary>
    public const double NearLikelihoodRatio = 80;

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
            if (ReadWords(form.Field(reading.FieldId), candidates) is not { Named: { } named } decoding)
            {
                return reading;
            }

            changed = true;
            return Apply(reading, named, decoding.Distance);
        }).ToList();
        return changed ? witnessed : readings;
    }

    /// <summary>How much the words weigh, by how many letters they are off the named value's spelling.</summary>
    public static double LikelihoodRatioFor(int lettersOff) => lettersOff == 0 ? ExactLikelihoodRatio : NearLikelihoodRatio;

    /// <summary>
    /// The reading after words <paramref name="lettersOff"/> letters from the spelling of <paramref name="named"/>
    /// name it: Bayes' rule over the values listed, the rest of the doubt kept unlisted.
    /// </summary>
    public static FieldReading Apply(FieldReading reading, long named, int lettersOff)
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

        masses[index] = (named, masses[index].Mass * LikelihoodRatioFor(lettersOff));
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

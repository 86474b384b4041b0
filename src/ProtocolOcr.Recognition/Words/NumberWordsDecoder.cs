using System.Collections.Concurrent;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Recognition.Header;

namespace ProtocolOcr.Recognition.Words;

/// <summary>
/// Turns the text OCR read from a words box ("екі мың төрт жүз отыз") into a count by the nearest spelling
/// (<see cref="NumberWords"/>, letters only, in each of the form's languages) among every value up to
/// <see cref="EveryValueUpTo"/> and the candidates given (larger values the digits suggest). Nearest, not parsed word by
/// word: OCR merges and splits words, and a misread letter in a short word ("бір"/"бес") is weighed the same way as
/// everywhere else. Thread-safe.
/// </summary>
public static class NumberWordsDecoder
{
    /// <summary>Every count up to this is tried: a precinct's voters, ballots and votes fit.</summary>
    public const int EveryValueUpTo = 9_999;

    /// <summary>
    /// Spellings further than this from the text are not told apart: a value is named only when it is at most
    /// <see cref="WordsDecoding.MostLettersOff"/> away with the next at least <see cref="WordsDecoding.LeastLead"/> further,
    /// so nothing beyond their sum less one changes what is named.
    /// </summary>
    private const int Relevant = WordsDecoding.MostLettersOff + WordsDecoding.LeastLead - 1;

    /// <summary>The distance of a value not found within <see cref="Relevant"/> letters.</summary>
    private const int Unknown = int.MaxValue;

    private static readonly ConcurrentDictionary<string, (long Value, string Letters)[]> Spellings = new(StringComparer.Ordinal);

    public static WordsDecoding Decode(string text, IEnumerable<string> languages, IEnumerable<long> candidates)
    {
        var letters = TitleText.Normalize(text);
        var spoken = languages.Intersect(NumberWords.Languages).ToList();
        if (letters.Length == 0 || spoken.Count == 0)
        {
            return new WordsDecoding(text, null, Unknown, Unknown);
        }

        var extra = candidates.Where(value => value is > EveryValueUpTo and <= NumberWords.Largest).Distinct()
            .SelectMany(value => spoken.Select(language => (value, TitleText.Normalize(NumberWords.Write(value, language)), language)));
        var every = spoken.SelectMany(language => SpellingsIn(language).Select(pair => (pair.Value, pair.Letters, language)));
        long? best = null;
        string? bestLanguage = null;
        int nearest = Unknown;
        int runnerUp = Unknown;
        foreach (var (value, spelling, language) in every.Concat(extra))
        {
            // The length difference alone bounds the distance.
            if (Math.Abs(spelling.Length - letters.Length) > Relevant)
            {
                continue;
            }

            int distance = EditDistance.Within(letters, spelling, Relevant);
            if (distance > Relevant)
            {
                continue;
            }

            if (distance < nearest)
            {
                if (value != best)
                {
                    runnerUp = nearest;
                }

                (best, nearest, bestLanguage) = (value, distance, language);
            }
            else if (distance < runnerUp && value != best)
            {
                runnerUp = distance;
            }
        }

        return new WordsDecoding(text, best, nearest, runnerUp, bestLanguage);
    }

    private static (long Value, string Letters)[] SpellingsIn(string language) =>
        Spellings.GetOrAdd(language, spoken => Enumerable.Range(0, EveryValueUpTo + 1)
            .Select(value => ((long)value, TitleText.Normalize(NumberWords.Write(value, spoken))))
            .ToArray());
}

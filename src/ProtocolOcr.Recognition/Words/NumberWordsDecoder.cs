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

    private static readonly ConcurrentDictionary<string, (long Value, string Letters)[]> Spellings = new(StringComparer.Ordinal);

    public static WordsDecoding Decode(string text, IEnumerable<string> languages, IEnumerable<long> candidates)
    {
        var letters = TitleText.Normalize(text);
        var spoken = languages.Intersect(NumberWords.Languages).ToList();
        if (letters.Length == 0 || spoken.Count == 0)
        {
            return new WordsDecoding(text, null, int.MaxValue, int.MaxValue);
        }

        var extra = candidates.Where(value => value is > EveryValueUpTo and <= NumberWords.Largest).Distinct()
            .SelectMany(value => spoken.Select(language => (value, TitleText.Normalize(NumberWords.Write(value, language)))));
        long? best = null;
        int nearest = int.MaxValue;
        int runnerUp = int.MaxValue;
        foreach (var (value, spelling) in spoken.SelectMany(SpellingsIn).Concat(extra))
        {
            // Only spellings that could beat the runner-up matter; the length difference alone bounds the distance.
            if (Math.Abs(spelling.Length - letters.Length) >= runnerUp)
            {
                continue;
            }

            int distance = EditDistance.Within(letters, spelling, runnerUp - 1);
            if (distance < nearest)
            {
                if (value != best)
                {
                    runnerUp = nearest;
                }

                (best, nearest) = (value, distance);
            }
            else if (distance < runnerUp && value != best)
            {
                runnerUp = distance;
            }
        }

        return new WordsDecoding(text, best, nearest, runnerUp);
    }

    private static (long Value, string Letters)[] SpellingsIn(string language) =>
        Spellings.GetOrAdd(language, spoken => Enumerable.Range(0, EveryValueUpTo + 1)
            .Select(value => ((long)value, TitleText.Normalize(NumberWords.Write(value, spoken))))
            .ToArray());
}

using System.Globalization;
using System.Text;

namespace ProtocolOcr.Recognition.Header;

/// <summary>Title text compared as OCR reads it: letters and digits only, lower case, so spacing and stray marks weigh little.</summary>
public static class TitleText
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(character))
            {
                builder.Append(char.ToLower(character, CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The fewest characters inserted, deleted or replaced to find <paramref name="expected"/> within
    /// <paramref name="read"/> (a crop may catch marks of the neighbouring lines at its ends).
    /// </summary>
    public static int DistanceWithin(string read, string expected)
    {
        var previous = new int[read.Length + 1];
        var current = new int[read.Length + 1];
        for (var row = 1; row <= expected.Length; row++)
        {
            current[0] = row;
            for (var column = 1; column <= read.Length; column++)
            {
                var replace = previous[column - 1] + (expected[row - 1] == read[column - 1] ? 0 : 1);
                current[column] = Math.Min(replace, Math.Min(previous[column] + 1, current[column - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return expected.Length == 0 ? 0 : previous.Min();
    }
}

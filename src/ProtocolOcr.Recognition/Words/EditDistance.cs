namespace ProtocolOcr.Recognition.Words;

/// <summary>Levenshtein distance (insert, delete, replace one letter) with a bound past which the exact figure is not needed.</summary>
public static class EditDistance
{
    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>, or any number above <paramref name="bound"/> once it exceeds it.</summary>
    public static int Within(string a, string b, int bound)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var column = 0; column <= b.Length; column++)
        {
            previous[column] = column;
        }

        for (var row = 1; row <= a.Length; row++)
        {
            current[0] = row;
            var rowBest = row;
            for (var column = 1; column <= b.Length; column++)
            {
                var replace = previous[column - 1] + (a[row - 1] == b[column - 1] ? 0 : 1);
                current[column] = Math.Min(replace, Math.Min(previous[column] + 1, current[column - 1] + 1));
                rowBest = Math.Min(rowBest, current[column]);
            }

            if (rowBest > bound)
            {
                return rowBest;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>
/// What a misread does to a number: given that the engines read <c>read</c> and were wrong, the probability that the
/// true value is <c>truth</c>. A reader's errors are mostly one wrong digit or one digit lost or added (DEV phone
/// handwritten, v0.5, 113 wrong values: one digit wrong 68%, one digit too many 15%, one lost 7%, anything else 10%),
/// so a value one such edit away from the reading is far more likely than any other: the share of its kind of error
/// spread over the values that error can make. Anything else shares <see cref="OtherShare"/> over the numbers of its
/// length. An equality that a value not listed by the engines would repair is weighed by this, not by a flat chance:
/// "V3 read 17 was 117" explains a sum that is 100 short; "V5 read 40 was 140" does not explain one 37 short.
/// </summary>
public sealed record MisreadModel(double OneDigitWrongShare = 0.6, double DigitLostShare = 0.1, double DigitAddedShare = 0.15, double OtherShare = 0.15)
{
    public static MisreadModel Default { get; } = new();

    public double Likelihood(long read, long truth)
    {
        if (truth < 0 || read < 0 || truth == read)
        {
            return 0;
        }

        var r = Digits(read);
        var t = Digits(truth);
        if (r.Length == t.Length && Differences(r, t) == 1)
        {
            return OneDigitWrongShare / (9.0 * r.Length);
        }

        if (t.Length == r.Length + 1 && IsOneDigitShorter(r, t))
        {
            return DigitLostShare / (10.0 * t.Length);
        }

        if (r.Length == t.Length + 1 && IsOneDigitShorter(t, r))
        {
            return DigitAddedShare / r.Length;
        }

        return OtherShare / Math.Pow(10, Math.Max(r.Length, t.Length));
    }

    private static ReadOnlySpan<byte> Digits(long number)
    {
        Span<byte> reversed = stackalloc byte[20];
        var count = 0;
        do
        {
            reversed[count++] = (byte)(number % 10);
            number /= 10;
        }
        while (number > 0);

        var digits = new byte[count];
        for (var index = 0; index < count; index++)
        {
            digits[index] = reversed[count - 1 - index];
        }

        return digits;
    }

    private static int Differences(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var differences = 0;
        for (var index = 0; index < left.Length; index++)
        {
            differences += left[index] != right[index] ? 1 : 0;
        }

        return differences;
    }

    /// <summary>Whether dropping one digit of <paramref name="longer"/> leaves <paramref name="shorter"/>.</summary>
    private static bool IsOneDigitShorter(ReadOnlySpan<byte> shorter, ReadOnlySpan<byte> longer)
    {
        var index = 0;
        while (index < shorter.Length && shorter[index] == longer[index])
        {
            index++;
        }

        return shorter[index..].SequenceEqual(longer[(index + 1)..]);
    }
}

using System.Globalization;

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

        var r = read.ToString(CultureInfo.InvariantCulture);
        var t = truth.ToString(CultureInfo.InvariantCulture);
        if (r.Length == t.Length && r.Where((digit, index) => digit != t[index]).Count() == 1)
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

    private static bool IsOneDigitShorter(string shorter, string longer) =>
        Enumerable.Range(0, longer.Length).Any(index => string.Concat(longer.AsSpan(0, index), longer.AsSpan(index + 1)) == shorter);
}

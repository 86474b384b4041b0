namespace ProtocolOcr.Synthetic.Photo;

/// <summary>
/// Ranges of photo conditions per level, and the degradations of the bad class. Clean: a careful photo from above.
/// Phone: what observers send on election night. Hard: steep angle, sideways, dim, shadows, glare and blur, still
/// readable by a person. Bad: a phone photo spoilt in one labelled way.
/// </summary>
public static class CapturePresets
{
    public static CaptureSettings Sample(CaptureLevel level, Random random) => level switch
    {
        CaptureLevel.Clean => new CaptureSettings(
            Megapixels: Between(random, 3, 12), PitchDegrees: Signed(random, 4), YawDegrees: Signed(random, 3),
            RollDegrees: Signed(random, 3), QuarterTurns: 0, Fill: Between(random, 0.8, 0.92),
            OffsetX: Signed(random, 1), OffsetY: Signed(random, 1), CutOff: 0, Exposure: Between(random, 0.95, 1.05),
            LightFalloff: Between(random, 0, 0.1), ShadowDarkness: 0, GlareStrength: 0, Fingers: 0,
            DefocusSigma: Between(random, 0, 0.4), MotionLength: 0, MotionAngleDegrees: 0,
            NoiseSigma: Between(random, 0.5, 2), JpegQuality: random.Next(85, 96), Clutter: random.NextDouble() < 0.5),
        CaptureLevel.Phone => new CaptureSettings(
            Megapixels: Between(random, 1.5, 12), PitchDegrees: Signed(random, 22), YawDegrees: Signed(random, 15),
            RollDegrees: Signed(random, 8), QuarterTurns: QuarterTurns(random, 0.15), Fill: Between(random, 0.65, 0.9),
            OffsetX: Signed(random, 1), OffsetY: Signed(random, 1), CutOff: 0, Exposure: Between(random, 0.8, 1.1),
            LightFalloff: Between(random, 0.05, 0.3), ShadowDarkness: Chance(random, 0.35, 0.15, 0.4),
            GlareStrength: Chance(random, 0.25, 0.2, 0.5), Fingers: random.NextDouble() < 0.3 ? 1 + random.Next(2) : 0,
            DefocusSigma: Between(random, 0.3, 1.2), MotionLength: Chance(random, 0.2, 2, 5),
            MotionAngleDegrees: Between(random, 0, 180), NoiseSigma: Between(random, 2, 6), JpegQuality: random.Next(60, 93),
            Clutter: true),
        CaptureLevel.Hard => new CaptureSettings(
            Megapixels: Between(random, 1, 8), PitchDegrees: Signed(random, 40), YawDegrees: Signed(random, 25),
            RollDegrees: Signed(random, 15), QuarterTurns: QuarterTurns(random, 0.35), Fill: Between(random, 0.5, 0.85),
            OffsetX: Signed(random, 1), OffsetY: Signed(random, 1), CutOff: 0, Exposure: Between(random, 0.6, 1.15),
            LightFalloff: Between(random, 0.2, 0.5), ShadowDarkness: Chance(random, 0.6, 0.3, 0.55),
            GlareStrength: Chance(random, 0.5, 0.4, 0.8), Fingers: random.NextDouble() < 0.5 ? 1 + random.Next(3) : 0,
            DefocusSigma: Between(random, 0.8, 2), MotionLength: Chance(random, 0.4, 3, 8),
            MotionAngleDegrees: Between(random, 0, 180), NoiseSigma: Between(random, 5, 12), JpegQuality: random.Next(40, 76),
            Clutter: true),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Bad photos are sampled with SampleBad."),
    };

    /// <summary>A phone photo spoilt in the way <paramref name="kind"/> names, strongly enough that no reader could use it.</summary>
    public static CaptureSettings SampleBad(BadPhotoKind kind, Random random)
    {
        var phone = Sample(CaptureLevel.Phone, random);
        return kind switch
        {
            BadPhotoKind.TooBlurry => phone with { DefocusSigma = Between(random, 8, 16), MotionLength = Chance(random, 0.3, 20, 40) },
            BadPhotoKind.TooDark => phone with { Exposure = Between(random, 0.05, 0.12), GlareStrength = 0, NoiseSigma = Between(random, 2, 5) },
            BadPhotoKind.PageCutOff => phone with { Fill = Between(random, 0.85, 1), CutOff = Between(random, 0.25, 0.45) },
            BadPhotoKind.NotAProtocol => phone with { Clutter = true },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static double Between(Random random, double low, double high) => low + random.NextDouble() * (high - low);

    private static double Signed(Random random, double limit) => Between(random, -limit, limit);

    private static double Chance(Random random, double probability, double low, double high) =>
        random.NextDouble() < probability ? Between(random, low, high) : 0;

    private static int QuarterTurns(Random random, double probability)
    {
        if (random.NextDouble() >= probability)
        {
            return 0;
        }

        return random.Next(3) switch
        {
            0 => 1,
            1 => 3,
            _ => 2,
        };
    }
}
